import LessonDiagnostics
import LessonKit
import LessonRunner
import LessonScript
import Testing

/// Exercises in `--step` mode: the answer runs in the lesson's state and is
/// compared with the value of the solution, leaving the state as it was.
@Suite struct ExerciseCheckTests {
    static let lesson = Lesson.parse("""
        ```swift
        let table = Embedding(vocab: 10, dim: 4, seed: 1)
        ```

        ```swift
        let third = 1.0 / 3
        ```

        ```exercise
        How many numbers does the table hold?
        ```

        ```hint
        Rows times columns.
        ```

        ```solution
        table.parameters
        ```

        ```exercise
        A second exercise, with no solution.
        ```

        ```hint
        Its own hint.
        ```
        """, path: "x.md", id: "01-x")

    /// The lesson's state after its cells, and the check for the first exercise.
    func setUp() throws -> (ExerciseCheck, Interpreter) {
        let runner = LessonRunner()
        let interpreter = runner.interpreter(for: Self.lesson)
        _ = runner.run(Self.lesson, in: interpreter)
        let solution = try #require(Self.lesson.solution(forExerciseAt: 2))
        return (try #require(ExerciseCheck(solution: solution, in: interpreter)), interpreter)
    }

    @Test func solutionsAndHintsBelongToTheirExercise() {
        #expect(Self.lesson.solution(forExerciseAt: 2)?.code.contains("table.parameters") == true)
        #expect(Self.lesson.solution(forExerciseAt: 5) == nil, "the next exercise's solution is not borrowed")
        #expect(Self.lesson.hintIndex(after: 2) == 3)
        #expect(Self.lesson.hintIndex(after: 5) == 6)
        #expect(Self.lesson.hintIndex(after: 1) == 3, "a cell just before an exercise offers its hint")
        #expect(Self.lesson.hintIndex(after: 0) == nil, "but not past an exercise further on")
    }

    @Test func anAnswerWorkedOutAnotherWayIsRight() throws {
        let (check, interpreter) = try setUp()
        guard case .right(let value) = check.check("table.count * table.dim", in: interpreter) else {
            Issue.record("rows times columns is the number of parameters")
            return
        }
        #expect(value.display == "40")
    }

    @Test func wrongValuesAndErrorsAreToldApart() throws {
        let (check, interpreter) = try setUp()
        guard case .wrong(let value) = check.check("table.count", in: interpreter) else {
            Issue.record("10 is not 40")
            return
        }
        #expect(value?.display == "10")
        guard case .error(let diagnostic) = check.check("tabel.count", in: interpreter) else {
            Issue.record("a misspelt name is an error, not a wrong answer")
            return
        }
        #expect(diagnostic.message.contains("cannot find 'tabel' in scope"))
    }

    @Test func numbersMatchWithinARoundingError() throws {
        let runner = LessonRunner()
        let interpreter = runner.interpreter(for: Self.lesson)
        _ = runner.run(Self.lesson, in: interpreter)
        let solution = Cell(code: "third * 3", origin: SourceLocation(line: 1, column: 1), fence: SourceSpan(line: 1, column: 1))
        let check = try #require(ExerciseCheck(solution: solution, in: interpreter))
        if case .right = check.check("1.00001", in: interpreter) {} else { Issue.record("within 1e-4 of the solution") }
        if case .wrong = check.check("1.001", in: interpreter) {} else { Issue.record("beyond 1e-4 of the solution") }
    }

    @Test func answersLeaveTheLessonsStateAlone() throws {
        let (check, interpreter) = try setUp()
        _ = check.check("let answer = table.parameters\nanswer", in: interpreter)
        #expect(!interpreter.names.contains("answer"))
    }
}
