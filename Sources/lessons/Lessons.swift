import ArgumentParser
import BLASTuning

/// The `lessons` command: run, check and list notebook-style lessons about embeddings.
@main
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Run notebook-style lessons that teach what embeddings are, from first principles.",
        discussion: """
            A lesson is a Markdown file with Swift cells. Lessons come from a 'Lessons/' folder in the \
            current directory when there is one, else from the lessons shipped with this program.
            """,
        subcommands: [ListCommand.self, RunCommand.self, NextCommand.self, ResetCommand.self, CheckCommand.self, ReplCommand.self, EvalCommand.self, TrainCommand.self, BuildCommand.self, NewCommand.self, WatchCommand.self, BuiltinsCommand.self],
        defaultSubcommand: ListCommand.self
    )

    static func main() {
        BLASTuning.restartWithFastKernelsIfNeeded()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// Exit codes, as sysexits.h and swift-argument-parser use them.
enum Exit {
    /// Something the lesson expected did not happen.
    static let failed = ExitCode(1)
    /// The command was used wrongly (unknown lesson, bad option).
    static let usage = ExitCode(64)
    /// A lesson could not be read.
    static let badLesson = ExitCode(65)
}
