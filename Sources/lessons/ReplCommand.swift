import ArgumentParser
import Foundation
import LessonDiagnostics
import LessonKit
import LessonRendering
import LessonRunner
import LessonScript

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "An interactive prompt for the lesson language.",
        discussion: """
            With a lesson, starts from the state at the end of it: every name the lesson defined is there. \
            Type ':help' for the commands.
            """
    )

    @Argument(help: "A lesson whose state to start from.")
    var lesson: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let interpreter = Interpreter(limits: limitOptions.limits, vectorLibrary: Course.vectorLibrary())
        let style = output.style
        let renderer = TerminalRenderer(style: style)
        if let name = lesson {
            let path = try Course.resolve(name)
            let lesson = Lesson.load(path: path, limits: limitOptions.reading)
            interpreter.baseDirectory = (path as NSString).deletingLastPathComponent
            let (run, _) = LessonRunner(limits: limitOptions.limits, runSolutions: true).run(lesson, in: interpreter)
            let names = interpreter.names.sorted()
            say("Loaded \(lesson.id): \(names.count) names (\(names.prefix(8).joined(separator: ", "))\(names.count > 8 ? ", …" : "")).")
            if !run.passed { say("The lesson had problems; 'lessons check \(name)' lists them.") }
        }
        say("Type Swift, or ':help'. Ctrl-D quits.")
        let editor = LineEditor(historyFile: StateDirectory.url?.appendingPathComponent("repl_history"))
        var sourceLines: [Substring] = []
        var pending: [String] = []
        let formatter = DiagnosticFormatter(colorize: style.color)
        while let line = editor.readLine(prompt: pending.isEmpty ? "lessons> " : "     ...> ") {
            if pending.isEmpty {
                switch line.trimmingCharacters(in: .whitespaces) {
                case "": continue
                case ":q", ":quit", ":exit": return
                case ":help", ":h":
                    say("""
                        :names     the names defined so far
                        :builtins  every builtin, with its signature
                        :quit      leave (or Ctrl-D)
                        A line with an open bracket continues on the next one.
                        """)
                    continue
                case ":names":
                    say(interpreter.names.sorted().joined(separator: " "))
                    continue
                case ":builtins":
                    say(BuiltinReference.text(), terminator: "")
                    continue
                default: break
                }
            }
            editor.remember(line)
            pending.append(line)
            let source = pending.joined(separator: "\n")
            if Self.isIncomplete(source) { continue }
            pending = []
            let origin = SourceLocation(line: sourceLines.count + 1, column: 1)
            sourceLines += source.split(separator: "\n", omittingEmptySubsequences: false)
            let events = interpreter.run(source, origin: origin)
            var text = renderer.results(events.filter { if case .error(_, false) = $0 { return false }; return true },
                                        indent: "")
            for case .error(let diagnostic, false) in events {
                text += formatter.format(diagnostic.inFile("repl"), sourceLines: sourceLines)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Whether brackets are still open (outside strings and comments).
    static func isIncomplete(_ source: String) -> Bool {
        var depth = 0
        var inString = false
        var previous: Character = " "
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            inString = false
            for c in line {
                if inString {
                    if c == "\"" && previous != "\\" { inString = false }
                } else if c == "\"" {
                    inString = true
                } else if c == "/" && previous == "/" {
                    break
                } else if "([{".contains(c) {
                    depth += 1
                } else if ")]}".contains(c) {
                    depth -= 1
                }
                previous = c
            }
        }
        return depth > 0
    }
}

/// Writes straight to standard output, in order with the line editor's writes.
private func say(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((text + terminator).utf8))
}
