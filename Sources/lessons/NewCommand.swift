import ArgumentParser
import Foundation
import LessonDiagnostics
import LessonKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write the next numbered lesson from a template that already passes 'lessons check'.",
        discussion: "Writes into the 'Lessons/' folder of the current directory, making it when there is none."
    )

    @Argument(help: "The lesson's title.")
    var title: String

    @Option(help: "Estimated minutes.")
    var minutes = 15

    func validate() throws {
        guard !Self.slug(title).isEmpty else {
            throw ValidationError("the title needs at least one letter or digit to name the file")
        }
        guard !title.contains("\n") else { throw ValidationError("the title must be one line") }
    }

    func run() throws {
        let folder = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("Lessons")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let numbers = existing.filter { $0.hasSuffix(".md") }.compactMap { LessonID.number(of: $0) }
        let number = (numbers.max() ?? 0) + 1
        let id = LessonID.make(number: number, slug: Self.slug(title))
        let path = (folder as NSString).appendingPathComponent(id + ".md")
        guard !FileManager.default.fileExists(atPath: path) else {
            printError(Diagnostic(.error, .unreadableFile(path, "it exists already; not overwriting it")))
            throw Exit.usage
        }
        do {
            try Data(Self.template(title: title, minutes: minutes).utf8).write(to: URL(fileURLWithPath: path),
                                                                              options: .withoutOverwriting)
        } catch {
            printError(Diagnostic(.error, .unreadableFile(path, "cannot write: \(error.localizedDescription)")))
            throw Exit.badLesson
        }
        print("wrote \(path)")
        print("next: edit it, then 'lessons check \(path)' (or 'lessons watch \(id)')")
    }

    /// `my-first-lesson` for "My first lesson!".
    static func slug(_ title: String) -> String {
        var out = ""
        for c in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(48))
    }

    static func template(title: String, minutes: Int) -> String {
        // YAML double quotes keep any title safe in the front matter.
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
        ---
        title: \(quoted)
        summary: One line that says what a learner will take away
        minutes: \(minutes)
        requires: []
        tags: []
        ---

        # \(title)

        Start with the question this lesson answers, in words a newcomer
        knows. Prose is Markdown; fenced `swift` blocks are cells that run.

        ## A first cell

        Each cell's results appear under it. A comment `// =>` states what a
        line must show, and `lessons check` fails when it does not:

        ```swift
        let words = Vocabulary(["king", "queen", "man", "woman"])
        words.count // => 4
        let table = Embedding(vocab: words, dim: 8, seed: 1)
        table.shape // => (4, 8)
        cosine("king", "king", in: table) // ≈ 1.0
        ```

        ```note
        `// ≈ 0.78` checks a number to half a unit of its last digit;
        `// ≈ 0.78 ± 0.02` gives the tolerance; `// error: text` expects an
        error. See docs/authoring.md for every block and builtin.
        ```

        ## Your turn

        ```exercise
        How many numbers does `table` hold in all?
        ```

        ```hint
        A table has `count` rows of `dim` numbers.
        ```

        ```solution
        table.parameters // => 32
        ```

        ## Summary

        - Say what the learner now knows, one point per line.

        """
    }
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Check lessons again every time one is saved (and, with --html, build its handout).",
        discussion: "Watches the given lessons (default: every lesson of the course). Stop it with Ctrl-C."
    )

    @Argument(help: "Lessons to watch (default: every lesson).")
    var lessons: [String] = []

    @Flag(help: "Also build the HTML handout of each changed lesson.")
    var html = false

    @Option(help: "Where --html writes.")
    var out = "handouts"

    @Option(help: "Seconds between looks at the files.")
    var interval = 0.5

    @Option(help: "Stop after this many checks (for scripts and tests).")
    var maxChecks: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let paths = try Course.paths(lessons)
        var seen: [String: Date] = [:]
        var checks = 0
        FileHandle.standardOutput.write(Data("watching \(paths.count) lesson\(paths.count == 1 ? "" : "s"); Ctrl-C stops\n".utf8))
        while true {
            var changed: [String] = []
            for path in paths {
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
                if seen[path] != modified {
                    seen[path] = modified
                    changed.append(path)
                }
            }
            if !changed.isEmpty {
                checks += 1
                var arguments = changed + ["--color", output.useColor ? "always" : "never"]
                if let width = output.width { arguments += ["--width", String(width)] }
                let check = try? CheckCommand.parse(arguments)
                try? check?.run()
                if html {
                    try? BuildCommand.parse(changed + ["--out", out]).run()
                }
                if let maxChecks, checks >= maxChecks { return }
            }
            Thread.sleep(forTimeInterval: max(0.05, interval))
        }
    }
}
