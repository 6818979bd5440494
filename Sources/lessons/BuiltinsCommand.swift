import ArgumentParser
import LessonScript

struct BuiltinsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "builtins",
        abstract: "List every builtin of the lesson language, with its signature and what it does."
    )

    func run() {
        var owner: String?? = .none
        for builtin in Builtins.all {
            if owner != .some(builtin.owner) {
                owner = .some(builtin.owner)
                print("\n" + (builtin.owner.map { "\($0)" } ?? "Functions"))
            }
            print("  " + builtin.qualifiedSignature)
            print("      " + builtin.doc)
        }
    }
}
