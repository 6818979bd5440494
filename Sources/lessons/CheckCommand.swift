import ArgumentParser
import Foundation
import LessonDiagnostics
import LessonKit
import LessonRunner

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run lessons (solutions included) and report every problem, compiler-style.",
        discussion: "Exits 0 when every lesson passes, 1 when anything failed, 64 on usage errors."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Lesson files, folders or names (default: every lesson).")
    var paths: [String] = []

    @Option(help: "Output format: text (compiler-style) or json (for tools).")
    var format: Format = .text

    @OptionGroup var output: OutputOptions
    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let files = try Course.paths(paths)
        let runner = LessonRunner(limits: limitOptions.limits, runSolutions: true, vectorLibrary: Course.vectorLibrary())
        var report: [(lesson: Lesson, diagnostics: [Diagnostic], met: Int, failed: Int)] = []
        for file in files {
            let lesson = Lesson.load(path: file, limits: limitOptions.reading)
            let run = runner.run(lesson)
            let counts = run.expectationCounts
            report.append((lesson, run.diagnostics, counts.met, counts.failed))
        }
        let failedLessons = report.filter { $0.diagnostics.contains(where: \.isError) }.count
        switch format {
        case .text:
            let formatter = DiagnosticFormatter(colorize: output.useColor)
            var text = ""
            for entry in report {
                for diagnostic in entry.diagnostics {
                    text += formatter.format(diagnostic, sourceLines: entry.lesson.sourceLines)
                }
            }
            let errors = report.reduce(0) { $0 + $1.diagnostics.filter(\.isError).count }
            let warnings = report.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .warning }.count }
            let met = report.reduce(0) { $0 + $1.met }
            text += "checked \(files.count) lesson\(files.count == 1 ? "" : "s"): \(met) expectation\(met == 1 ? "" : "s") met, "
                + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                + (failedLessons > 0 ? " (\(failedLessons) lesson\(failedLessons == 1 ? "" : "s") failed)" : "") + "\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        case .json:
            let lessons: [[String: Any]] = report.map { entry in
                [
                    "path": entry.lesson.path,
                    "id": entry.lesson.id,
                    "passed": !entry.diagnostics.contains(where: \.isError),
                    "expectationsMet": entry.met,
                    "expectationsFailed": entry.failed,
                    "diagnostics": entry.diagnostics.map { d -> [String: Any] in
                        var item: [String: Any] = ["severity": d.severity.rawValue, "message": d.message,
                                                   "file": d.file ?? entry.lesson.path]
                        if let span = d.span {
                            item["line"] = span.start.line
                            item["column"] = span.start.column
                            item["endLine"] = span.end.line
                            item["endColumn"] = span.end.column
                        }
                        if let help = d.help { item["help"] = help }
                        return item
                    },
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: ["passed": failedLessons == 0, "lessons": lessons],
                                                  options: [.prettyPrinted, .sortedKeys])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        if failedLessons > 0 { throw Exit.failed }
    }
}
