import ArgumentParser
import LessonScript

struct BuiltinsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "builtins",
        abstract: "List every builtin of the lesson language, with its signature and what it does."
    )

    @Flag(help: "Print the reference as Markdown (docs/authoring.md embeds it).")
    var markdown = false

    func run() {
        print(markdown ? BuiltinReference.markdown() : BuiltinReference.text(), terminator: "")
    }
}
