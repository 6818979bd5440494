import ArgumentParser
import LessonKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the lessons: id, title, minutes, and what you have finished (✓) and what comes next (→)."
    )

    func run() throws {
        guard let catalog = Course.catalog() else {
            print("No lessons found. Make a 'Lessons/' folder, or set LESSONS_HOME.")
            throw Exit.usage
        }
        let store = ProgressStore()
        let lessons = catalog.paths.map { Lesson.load(path: $0) }
        let next = lessons.first { !store.isCompleted(course: catalog.directory, id: $0.id) }?.id
        let idWidth = lessons.map(\.id.count).max() ?? 0
        let titleWidth = min(50, lessons.map(\.title.count).max() ?? 0)
        for lesson in lessons {
            let mark = store.isCompleted(course: catalog.directory, id: lesson.id) ? "✓" : lesson.id == next ? "→" : " "
            let minutes = lesson.frontMatter.minutes.map { "\($0) min" } ?? ""
            let title = lesson.title.count > titleWidth ? String(lesson.title.prefix(titleWidth - 1)) + "…" : lesson.title
            print(mark + " " + lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                  + title.padding(toLength: titleWidth, withPad: " ", startingAt: 0) + "  "
                  + String(repeating: " ", count: max(0, 6 - minutes.count)) + minutes)
        }
    }
}

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Run the first lesson you have not finished."
    )

    @OptionGroup var options: ShowOptions

    func run() throws {
        guard let catalog = Course.catalog() else { throw Exit.usage }
        let store = ProgressStore()
        guard let path = catalog.paths.first(where: {
            !store.isCompleted(course: catalog.directory, id: Lesson.load(path: $0).id)
        }) else {
            print("You have finished every lesson. 'lessons reset' starts over.")
            return
        }
        try options.show(path)
    }
}

struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Forget which lessons you have finished (all of them, or the one named)."
    )

    @Argument(help: "A lesson to forget (default: every lesson of the course).")
    var lesson: String?

    func run() throws {
        guard let catalog = Course.catalog() else { throw Exit.usage }
        var store = ProgressStore()
        if let lesson {
            let path = try Course.resolve(lesson)
            store.reset(course: catalog.directory, id: Lesson.load(path: path).id)
            print("Forgot \(Lesson.load(path: path).id).")
        } else {
            store.reset(course: catalog.directory, id: nil)
            print("Forgot your progress in \(catalog.directory).")
        }
    }
}
