import LessonDiagnostics

/// One token of cell code, with where it is in the `.md` file.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case identifier
        case keyword
        case integer
        case float
        /// A string literal; its pieces are in `Token.stringParts`.
        case string
        case symbol
        case endOfFile
    }

    public var kind: Kind
    public var text: String
    public var span: SourceSpan
    /// Whether a line break comes between this token and the one before:
    /// statements end at line breaks, as in Swift.
    public var startsLine: Bool
    /// Whether whitespace comes right before this token. As in Swift, an
    /// operator with space on its left only is a prefix operator: `a\n-2`
    /// is two statements, `a - 2` and `a-2` are one.
    public var spaceBefore: Bool = true
    /// Text and interpolations of a string literal.
    public var stringParts: [StringPart] = []

    public enum StringPart: Equatable, Sendable {
        case text(String)
        /// `\(…)`: the code inside, and where it starts.
        case interpolation(String, SourceLocation)
    }
}

/// A `//` comment: expectations (`// => …`) are read from these.
public struct Comment: Equatable, Sendable {
    /// The text after `//`.
    public var text: String
    public var span: SourceSpan
}

/// The words the language reserves.
public enum Keyword {
    public static let all: Set<String> = ["let", "var", "for", "in", "if", "else", "true", "false"]
    /// Swift keywords a teacher may reach for that the subset does not have.
    public static let unsupported: Set<String> = [
        "func", "while", "repeat", "return", "class", "struct", "enum", "switch", "guard", "import",
        "break", "continue", "do", "try", "catch", "throw", "defer", "protocol", "extension", "case",
        "nil", "self", "where", "as", "is",
    ]
}
