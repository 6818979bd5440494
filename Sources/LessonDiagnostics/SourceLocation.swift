/// A position in a lesson's `.md` file: 1-based line and column.
///
/// Columns count Unicode scalars, so a caret lines up under the character a
/// teacher typed. Cell code is lexed with the offset of its fence, so every
/// location already points into the Markdown file.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A range of source: from `start` up to, not including, `end`.
public struct SourceSpan: Hashable, Sendable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = max(start, end)
    }

    /// A span of `length` columns on one line.
    public init(line: Int, column: Int, length: Int = 1) {
        self.init(start: SourceLocation(line: line, column: column),
                  end: SourceLocation(line: line, column: column + max(1, length)))
    }

    /// The smallest span that covers both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }
}
