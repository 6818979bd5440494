import ArgumentParser
import Foundation
import LessonDiagnostics
import LessonKit
import LessonRendering
import LessonRunner

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write offline HTML handouts: one self-contained page per lesson, and an index.",
        discussion: """
            Each page carries its own styles and charts (inline SVG) and asks for nothing on the network. \
            A lesson with failing cells still gets its handout, errors shown in place, and the command exits 1.
            """
    )

    @Argument(help: "Lessons to build (default: every lesson).")
    var lessons: [String] = []

    @Option(help: "The folder to write to.")
    var out = "handouts"

    @Flag(help: "Include the solutions of exercises.")
    var solutions = false

    @Flag(help: "Pass raw HTML written in lessons through (by default it is dropped).")
    var unsafeHTML = false

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let paths = try Course.paths(lessons)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            printError(Diagnostic(.error, .unreadableFile(out, "cannot create the folder: \(error.localizedDescription)")))
            throw Exit.usage
        }
        let runner = LessonRunner(limits: limitOptions.limits, runSolutions: true, vectorLibrary: Course.vectorLibrary())
        let renderer = HTMLRenderer(showSolutions: solutions, unsafeHTML: unsafeHTML)
        var built: [(lesson: Lesson, file: String)] = []
        var failed = 0
        for path in paths {
            let lesson = Lesson.load(path: path, limits: limitOptions.reading)
            let run = runner.run(lesson)
            let file = lesson.id + ".html"
            try write(renderer.render(run), to: file)
            built.append((lesson, file))
            let problems = run.diagnostics.filter(\.isError).count
            if problems > 0 { failed += 1 }
            print("wrote \((out as NSString).appendingPathComponent(file))"
                  + (problems > 0 ? " (\(problems) problem\(problems == 1 ? "" : "s"): see 'lessons check \(path)')" : ""))
        }
        if lessons.isEmpty {
            try write(renderer.index(built), to: "index.html")
            print("wrote \((out as NSString).appendingPathComponent("index.html"))")
        }
        if failed > 0 { throw Exit.failed }
    }

    /// Writes to a temporary file in the same folder, then renames it into
    /// place: an interrupted or failing build never leaves half a handout.
    private func write(_ text: String, to name: String) throws {
        let target = URL(fileURLWithPath: out).appendingPathComponent(name)
        let temporary = URL(fileURLWithPath: out).appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            printError(Diagnostic(.error, .unreadableFile(target.path, "cannot write: \(error.localizedDescription)")))
            throw Exit.badLesson
        }
    }
}
