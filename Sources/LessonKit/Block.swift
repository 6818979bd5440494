import LessonDiagnostics

/// A block of a lesson, after the info strings of fenced blocks have been read.
public enum Block: Equatable, Sendable {
    case heading(Int, [Inline], SourceSpan)
    case paragraph([Inline], SourceSpan)
    /// Items, each a list of blocks. `ordered` gives the start number.
    case list(ordered: Int?, items: [[Block]], SourceSpan)
    case blockQuote([Block], SourceSpan)
    case thematicBreak(SourceSpan)
    /// Raw HTML. Kept so a handout can pass it through when asked; the
    /// terminal shows it as text.
    case html(String, SourceSpan)
    /// Code that is shown and never run: another language, or `swift norun`.
    case code(language: String?, String, SourceSpan)
    /// A Swift cell that runs.
    case cell(Cell)
    /// A `corpus NAME` block: its text becomes a Corpus bound to NAME.
    case corpus(name: String, text: String, Cell)
    /// `note`, `tip` or `warning`, whose content is Markdown.
    case callout(CalloutKind, [Block], SourceSpan)
    case exercise([Block], SourceSpan)
    case hint([Block], SourceSpan)
    /// Swift that `lessons check` runs and `--solutions` shows.
    case solution(Cell)

    public enum CalloutKind: String, Sendable, CaseIterable {
        case note, tip, warning
    }
}

/// Inline Markdown inside prose.
public indirect enum Inline: Equatable, Sendable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, [Inline])
    case image(source: String, alt: [Inline])
    case html(String)
    case softBreak
    case lineBreak

    /// The text a reader sees, without markup.
    public static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let s), .code(let s), .html(let s): return s
            case .emphasis(let c), .strong(let c), .link(_, let c), .image(_, let c): return plainText(c)
            case .softBreak: return " "
            case .lineBreak: return "\n"
            }
        }.joined()
    }
}

/// Swift code from a fenced block, with where it starts in the `.md` file.
public struct Cell: Equatable, Sendable {
    public enum Visibility: String, Sendable {
        /// Code and results shown.
        case normal
        /// `hide`: results shown, code hidden.
        case hide
        /// `silent`: code shown, results hidden.
        case silent
        /// `setup`: neither shown.
        case setup
    }

    public var code: String
    /// Where the code's first character is: the line after the fence, at the
    /// fence's indentation.
    public var origin: SourceLocation
    public var visibility: Visibility
    /// `key="value"` attributes, such as `title`.
    public var attributes: [String: String]
    /// The opening fence line, for diagnostics about the block as a whole.
    public var fence: SourceSpan

    public init(code: String, origin: SourceLocation, visibility: Visibility = .normal,
                attributes: [String: String] = [:], fence: SourceSpan) {
        self.code = code
        self.origin = origin
        self.visibility = visibility
        self.attributes = attributes
        self.fence = fence
    }

    public var showsCode: Bool { visibility == .normal || visibility == .silent }
    public var showsResults: Bool { visibility == .normal || visibility == .hide }
}
