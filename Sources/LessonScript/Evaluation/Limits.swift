/// Budgets that keep a lesson from allocating, running or printing without
/// bound (LESSON-FORMAT §6). Every refusal says what it would have needed.
public struct Limits: Sendable {
    /// Bytes one tensor may occupy. Default 1 GiB.
    public var maximumTensorBytes: Int = 1 << 30
    /// Seconds one cell may run. Default 30.
    public var maximumCellSeconds: Double = 30
    /// Nesting of brackets, parentheses and blocks.
    public var maximumDepth: Int = 64
    /// Characters one cell may print.
    public var maximumOutputCharacters: Int = 1 << 20
    /// Memory the whole process may hold while a lesson runs. Default 4 GiB.
    public var maximumLessonBytes: Int = 4 << 30
    /// Folders besides the lesson's own that `vectors(file:)` and
    /// `corpus(file:)` may read (`--allow-path`).
    public var allowedPaths: [String] = []

    public init() {}
}
