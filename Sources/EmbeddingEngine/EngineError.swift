/// What can go wrong inside the engine. The language turns these into
/// diagnostics with a span; the engine itself knows nothing of source code.
public enum EngineError: Error, Equatable, Sendable {
    /// Two shapes that an operation needs to agree do not.
    case shapeMismatch(operation: String, [Int], [Int])
    /// A word that the table has no row for.
    case notInVocabulary(String)
    /// An id outside `0..<count`.
    case idOutOfRange(Int, count: Int)
    /// An index outside an axis.
    case indexOutOfRange(Int, axis: Int, size: Int)
    /// Any other invalid argument, described in lowercase with no final period.
    case invalidArgument(String)
}

/// Formats a shape as the lessons print it: `(1, 3, 768)`, `(768)` for rank 1, `()` for a scalar.
public func describeShape(_ shape: [Int]) -> String {
    "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
