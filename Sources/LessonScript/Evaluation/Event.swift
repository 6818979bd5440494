import LessonDiagnostics

/// What running a statement produced, in order, for a renderer to show.
public enum Event: Sendable {
    /// `let x = …` or `var x = …`: the name and its value (shown as a summary).
    case binding(name: String, Value, SourceSpan)
    /// The value of an expression statement.
    case value(Value, SourceSpan)
    /// Text written by `print`.
    case printed(String)
    /// An expectation and whether it was met.
    case expectation(ExpectationOutcome)
    /// An error: unexpected (the cell stops) or expected by `// error:`.
    case error(Diagnostic, expected: Bool)
}

/// The verdict on one expectation.
public struct ExpectationOutcome: Sendable {
    public var expectation: Expectation?
    public var met: Bool
    /// What the statement produced, as shown beside ✓ or ✗.
    public var actual: String
    /// What the expectation wanted, as written.
    public var expected: String
    /// For a failure: the diagnostic `lessons check` prints.
    public var diagnostic: Diagnostic?
    /// Where to point: the comment, or the `expect(…)` call.
    public var span: SourceSpan
}
