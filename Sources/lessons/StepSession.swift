import Foundation
import LessonDiagnostics
import LessonKit
import LessonRendering
import LessonRunner
import LessonScript

/// `lessons run X --step`: the lesson block by block, pausing after each
/// cell with where the learner is (cell 3 of 9). Enter goes on, `h` shows
/// the next hint, `q` quits. An exercise asks for an answer, runs it in the
/// lesson's state, and checks it against the value of the solution.
struct StepSession {
    let lesson: Lesson
    var runner: LessonRunner
    let renderer: TerminalRenderer
    let editor: LineEditor

    /// Runs the session; returns whether the learner reached the end.
    func run() -> Bool {
        let interpreter = runner.interpreter(for: lesson)
        var run = LessonRun(lesson: lesson)
        let cells = lesson.blocks.filter(Self.pauses).count
        var cell = 0
        var shownHints = Set<Int>()
        write(renderer.banner(lesson))
        for (index, block) in lesson.blocks.enumerated() {
            if case .hint = block, shownHints.contains(index) { continue }
            runner.run(block, in: interpreter, into: &run)
            write(renderer.render(block, run: run))
            if case .exercise = block, let solution = lesson.solution(forExerciseAt: index) {
                if !exercise(interpreter: interpreter, solution: solution, hintIndex: lesson.hintIndex(after: index),
                             shownHints: &shownHints) {
                    return false
                }
                continue
            }
            guard Self.pauses(block) else { continue }
            cell += 1
            while true {
                let key = prompt("cell \(cell) of \(cells)", keys: "Enter: next · h: hint · q: quit")
                switch key {
                case "q": return false
                case "h":
                    if let h = lesson.hintIndex(after: index), !shownHints.contains(h) {
                        shownHints.insert(h)
                        write(hintRenderer.render(lesson.blocks[h], run: run))
                    } else {
                        write(renderer.style.dim("  (no hint here)") + "\n")
                    }
                default: break
                }
                if key != "h" { break }
            }
        }
        write("\n" + renderer.summary(run) + "\n")
        return true
    }

    /// Blocks after which the session waits: those that show a cell.
    static func pauses(_ block: Block) -> Bool {
        switch block {
        case .cell(let cell): return cell.visibility != .setup
        case .corpus: return true
        default: return false
        }
    }

    private var hintRenderer: TerminalRenderer {
        var r = renderer
        r.showHints = true
        return r
    }

    /// Asks for answers until one is right, or the learner skips or quits.
    private func exercise(interpreter: Interpreter, solution: Cell, hintIndex: Int?,
                          shownHints: inout Set<Int>) -> Bool {
        guard let check = ExerciseCheck(solution: solution, in: interpreter) else { return true }
        write(renderer.style.dim("  Type Swift that computes the answer; an empty line skips, :q quits.") + "\n")
        var tries = 0
        while let answer = editor.readLine(prompt: "  answer> ") {
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return true }
            if trimmed == ":q" { return false }
            editor.remember(answer)
            switch check.check(answer, in: interpreter) {
            case .right(let value):
                write(renderer.style.green("  ✓ right: " + value.display) + "\n")
                return true
            case .wrong(let value):
                write(renderer.style.red("  ✗ not quite" + (value.map { ": you got " + $0.display } ?? "")) + "\n")
            case .error(let d):
                write(renderer.style.red("  ✗ " + d.message) + (d.help.map { "\n    help: " + $0 } ?? "") + "\n")
            }
            tries += 1
            if tries == 1, let h = hintIndex, !shownHints.contains(h) {
                shownHints.insert(h)
                write(hintRenderer.render(lesson.blocks[h], run: LessonRun(lesson: lesson)))
            }
        }
        return true
    }

    private func prompt(_ position: String, keys: String) -> String {
        let style = renderer.style
        write(style.dim("── " + position + " · " + keys + " ──"))
        let key = editor.readKey() ?? "q"
        write("\r\u{1B}[K")
        return key
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
