import LessonDiagnostics
import LessonScript

/// A cell's events as both renderers show them: a value, a binding or an
/// expected error together with the expectation that checks it, so ✓ or ✗
/// can stand beside what it judges.
enum ResultItem {
    case binding(name: String, value: Value, verdict: ExpectationOutcome?)
    case value(Value, verdict: ExpectationOutcome?)
    case printed(String)
    /// An `expect(…)`, or an expectation with nothing to stand beside.
    case expectation(ExpectationOutcome)
    case error(Diagnostic, expected: Bool, verdict: ExpectationOutcome?)

    /// Groups `events`; when the cell hides its results (`silent`, `setup`),
    /// only what went wrong is kept.
    static func group(_ events: [Event], showsResults: Bool = true) -> [ResultItem] {
        let shown = showsResults ? events : events.filter {
            if case .error(_, false) = $0 { return true }
            if case .expectation(let outcome) = $0 { return !outcome.met }
            return false
        }
        var items: [ResultItem] = []
        var i = 0
        /// The expectation written on the same statement as event `i`, taken if there.
        func verdict() -> ExpectationOutcome? {
            guard i + 1 < shown.count, case .expectation(let outcome) = shown[i + 1], outcome.expectation != nil
            else { return nil }
            i += 1
            return outcome
        }
        while i < shown.count {
            switch shown[i] {
            case .binding(let name, let value, _): items.append(.binding(name: name, value: value, verdict: verdict()))
            case .value(let value, _): items.append(.value(value, verdict: verdict()))
            case .printed(let text): items.append(.printed(text.hasSuffix("\n") ? String(text.dropLast()) : text))
            case .expectation(let outcome): items.append(.expectation(outcome))
            case .error(let diagnostic, let expected):
                items.append(.error(diagnostic, expected: expected, verdict: expected ? verdict() : nil))
            }
            i += 1
        }
        return items
    }
}
