import ArgumentParser
import Foundation
import LessonKit
import LessonRendering
import LessonRunner

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a lesson and show it, with each cell's results.",
        discussion: "LESSON is an id (03-analogy), a number (3), a slug (analogy) or a path to a .md file."
    )

    @Argument(help: "The lesson to run.")
    var lesson: String

    @Flag(help: "Show the hints of exercises.")
    var hints = false

    @Flag(help: "Run and show the solutions of exercises.")
    var solutions = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let path = try Course.resolve(lesson)
        let lesson = Lesson.load(path: path)
        if lesson.blocks.isEmpty, lesson.hasErrors {
            for diagnostic in lesson.diagnostics {
                printError(diagnostic, sourceLines: lesson.sourceLines, color: output.useColor)
            }
            throw Exit.badLesson
        }
        var runner = LessonRunner(limits: limitOptions.limits, runSolutions: solutions, vectorLibrary: Course.vectorLibrary())
        runner.trainingProgress = ProgressBar.forStandardError(style: output.style)
        let run = runner.run(lesson)
        ProgressBar.clear()
        let renderer = TerminalRenderer(style: output.style, showHints: hints, showSolutions: solutions)
        FileHandle.standardOutput.write(Data(renderer.render(run).utf8))
        if !run.passed { throw Exit.failed }
    }
}
