import EmbeddingEngine
import Foundation
import LessonDiagnostics
import LessonKit
import LessonScript
import VectorStore

/// A lesson after running: what each runnable block produced, and every
/// problem found, reading and running.
public struct LessonRun: Sendable {
    public let lesson: Lesson
    /// Events of each runnable block, keyed by where its code starts.
    public var outcomes: [SourceLocation: [Event]]

    public init(lesson: Lesson, outcomes: [SourceLocation: [Event]] = [:]) {
        self.lesson = lesson
        self.outcomes = outcomes
    }

    public func events(of cell: Cell) -> [Event]? { outcomes[cell.origin] }

    /// Every problem: reading errors and warnings, unexpected errors, failed
    /// expectations; in file order.
    public var diagnostics: [Diagnostic] {
        var all = lesson.diagnostics
        for events in outcomes.values {
            for event in events {
                switch event {
                case .error(let d, expected: false): all.append(d.inFile(lesson.path))
                case .expectation(let outcome) where !outcome.met:
                    if let d = outcome.diagnostic { all.append(d.inFile(lesson.path)) }
                default: break
                }
            }
        }
        return all.sorted { ($0.span?.start ?? .init(line: 0, column: 0)) < ($1.span?.start ?? .init(line: 0, column: 0)) }
    }

    /// Expectations met and not met.
    public var expectationCounts: (met: Int, failed: Int) {
        var met = 0, failed = 0
        for case .expectation(let outcome) in outcomes.values.joined() {
            if outcome.met { met += 1 } else { failed += 1 }
        }
        return (met, failed)
    }

    public var passed: Bool { !diagnostics.contains(where: \.isError) }
}

/// Runs the cells of a lesson in order in one notebook state (LESSON-FORMAT §3).
public struct LessonRunner {
    public var limits: Limits
    /// Whether `solution` blocks run (`lessons check` and `--solutions` run them).
    public var runSolutions: Bool
    /// Where `vectors("NAME")` looks; shared across lessons so each file is mapped once.
    public var vectorLibrary: VectorLibrary
    /// Told how training goes (the CLI draws a progress bar on a terminal).
    public var trainingProgress: (@Sendable (TrainingProgress) -> Void)?

    public init(limits: Limits = Limits(), runSolutions: Bool = false,
                vectorLibrary: VectorLibrary = VectorLibrary(directories: [])) {
        self.limits = limits
        self.runSolutions = runSolutions
        self.vectorLibrary = vectorLibrary
    }

    public func run(_ lesson: Lesson) -> LessonRun {
        run(lesson, in: interpreter(for: lesson)).0
    }

    /// A fresh interpreter for `lesson`: its folder, the vectors, the budgets.
    public func interpreter(for lesson: Lesson) -> Interpreter {
        let interpreter = Interpreter(limits: limits, baseDirectory: Self.folder(of: lesson.path),
                                      vectorLibrary: vectorLibrary)
        interpreter.trainingProgress = trainingProgress
        return interpreter
    }

    /// Runs into an existing interpreter (the REPL continues from a lesson's state).
    public func run(_ lesson: Lesson, in interpreter: Interpreter) -> (LessonRun, Interpreter) {
        var run = LessonRun(lesson: lesson)
        for block in lesson.blocks { self.run(block, in: interpreter, into: &run) }
        return (run, interpreter)
    }

    /// Runs the code inside one top-level block (step mode goes block by block).
    public func run(_ block: Block, in interpreter: Interpreter, into run: inout LessonRun) {
        for runnable in Lesson.runnableBlocks(in: [block]) {
            switch runnable {
            case .cell(let cell):
                run.outcomes[cell.origin] = interpreter.run(cell.code, origin: cell.origin)
            case .solution(let cell) where runSolutions:
                run.outcomes[cell.origin] = interpreter.run(cell.code, origin: cell.origin)
            case .corpus(let name, let text, let cell):
                guard !name.isEmpty else { continue }
                do {
                    let corpus = try Corpus(text: text, minCount: Int(cell.attributes["minCount"] ?? "") ?? 1)
                    interpreter.define(name, .object(corpus))
                    run.outcomes[cell.origin] = [.binding(name: name, .object(corpus), cell.fence)]
                } catch {
                    interpreter.define(name, nil)
                    run.outcomes[cell.origin] = [.error(Diagnostic(.error, .engine("\(error)"), at: cell.fence),
                                                        expected: false)]
                }
            default:
                continue
            }
        }
    }

    static func folder(of path: String) -> String {
        (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
    }
}
