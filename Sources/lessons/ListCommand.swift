import ArgumentParser
import LessonKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the lessons: id, title, minutes.")

    func run() throws {
        guard let catalog = Course.catalog() else {
            print("No lessons found. Make a 'Lessons/' folder, or set LESSONS_HOME.")
            throw Exit.usage
        }
        let lessons = catalog.paths.map { Lesson.load(path: $0) }
        let idWidth = lessons.map(\.id.count).max() ?? 0
        let titleWidth = min(50, lessons.map(\.title.count).max() ?? 0)
        for lesson in lessons {
            let minutes = lesson.frontMatter.minutes.map { "\($0) min" } ?? ""
            let title = lesson.title.count > titleWidth ? String(lesson.title.prefix(titleWidth - 1)) + "…" : lesson.title
            print(lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                  + title.padding(toLength: titleWidth, withPad: " ", startingAt: 0) + "  "
                  + String(repeating: " ", count: max(0, 6 - minutes.count)) + minutes)
        }
    }
}
