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

    @OptionGroup var options: ShowOptions

    func run() throws {
        try options.show(Course.resolve(lesson))
    }
}

/// How a lesson is shown: `--hints`, `--solutions`, `--step`, the output and
/// the budgets. `run` and `next` share them.
struct ShowOptions: ParsableArguments {
    @Flag(help: "Show the hints of exercises.")
    var hints = false

    @Flag(help: "Run and show the solutions of exercises.")
    var solutions = false

    @Flag(help: "Pause after each cell (Enter: next, h: hint, q: quit); exercises ask for your answer.")
    var step = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var limitOptions: LimitOptions

    /// Runs and shows the lesson at `path`, and records it as finished when
    /// the learner reaches its end.
    func show(_ path: String) throws {
        let lesson = Lesson.load(path: path, limits: limitOptions.reading)
        if lesson.blocks.isEmpty, lesson.hasErrors {
            for diagnostic in lesson.diagnostics {
                printError(diagnostic, sourceLines: lesson.sourceLines, color: output.useColor)
            }
            throw Exit.badLesson
        }
        var runner = LessonRunner(limits: limitOptions.limits, runSolutions: solutions, vectorLibrary: Course.vectorLibrary())
        runner.trainingProgress = ProgressBar.forStandardError(style: output.style)
        let renderer = TerminalRenderer(style: output.style, showHints: hints, showSolutions: solutions)
        var store = ProgressStore()
        let course = (path as NSString).deletingLastPathComponent
        if step {
            let editor = LineEditor(historyFile: StateDirectory.url?.appendingPathComponent("answer_history"))
            let finished = StepSession(lesson: lesson, runner: runner, renderer: renderer, editor: editor).run()
            if finished { store.markCompleted(course: course, id: lesson.id) }
            return
        }
        let run = runner.run(lesson)
        ProgressBar.clear()
        FileHandle.standardOutput.write(Data(renderer.render(run).utf8))
        store.markCompleted(course: course, id: lesson.id)
        if !run.passed { throw Exit.failed }
    }
}
