import LessonDiagnostics
import LessonKit
import LessonScript

/// A learner's answer to an exercise, checked against the value of the
/// exercise's solution. The solution and every answer run in a copy of the
/// lesson's state (`Interpreter.fork`), so none of them changes what the
/// lesson goes on with.
public struct ExerciseCheck {
    public enum Verdict {
        /// The answer's value matches the solution's.
        case right(Value)
        /// It ran, to another value (or to none).
        case wrong(Value?)
        /// It did not run: a syntax error, an unknown name, …
        case error(Diagnostic)
    }

    /// The value the solution ends with.
    public let expected: Value

    /// Nil when the solution ends without a value to compare with.
    public init?(solution: Cell, in interpreter: Interpreter) {
        guard let expected = Self.lastValue(interpreter.fork().run(solution.code, origin: solution.origin)) else {
            return nil
        }
        self.expected = expected
    }

    public func check(_ answer: String, in interpreter: Interpreter) -> Verdict {
        let events = interpreter.fork().run(answer, origin: SourceLocation(line: 1, column: 1))
        for case .error(let diagnostic, expected: false) in events { return .error(diagnostic) }
        guard let value = Self.lastValue(events), Self.matches(value, expected) else {
            return .wrong(Self.lastValue(events))
        }
        return .right(value)
    }

    /// The value code ends with: its last expression or binding.
    static func lastValue(_ events: [Event]) -> Value? {
        for event in events.reversed() {
            switch event {
            case .value(let value, _), .binding(_, let value, _): return value
            default: continue
            }
        }
        return nil
    }

    /// The same display, or numbers within a relative 1e-4: an answer worked
    /// out another way may round differently from the solution.
    static func matches(_ a: Value, _ b: Value) -> Bool {
        if let x = a.number, let y = b.number { return abs(x - y) <= 1e-4 * max(1, abs(y)) }
        return a.display == b.display
    }
}
