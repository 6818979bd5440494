import LessonDiagnostics

/// Turns cell code into tokens. Positions are lines and columns of the
/// `.md` file: the lexer starts at the cell's origin.
///
/// One lexer serves running and colouring: the renderers highlight code with
/// these same tokens.
public struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line: Int
    private var column: Int
    /// Columns added to every line: the fence's indentation.
    private let indent: Int
    private var sawNewline = true
    private var sawSpace = true

    public private(set) var tokens: [Token] = []
    public private(set) var comments: [Comment] = []
    public private(set) var diagnostics: [Diagnostic] = []

    /// Lexes `source`, whose first character is at `origin`.
    public init(_ source: String, origin: SourceLocation = SourceLocation(line: 1, column: 1)) {
        scalars = Array(source.unicodeScalars)
        line = origin.line
        column = origin.column
        indent = origin.column - 1
        run()
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }
    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() -> Unicode.Scalar {
        let c = scalars[index]
        index += 1
        if c == "\n" {
            line += 1
            column = 1 + indent
        } else {
            column += 1
        }
        return c
    }

    private mutating func run() {
        while let c = peek() {
            let start = location
            let startIndex = index
            switch c {
            case "\n":
                _ = advance()
                sawNewline = true
                sawSpace = true
            case " ", "\t", "\r", "\u{FEFF}":
                _ = advance()
                sawSpace = true
            case "/" where peek(1) == "/":
                _ = advance(); _ = advance()
                var text = String.UnicodeScalarView()
                while let d = peek(), d != "\n" { text.append(advance()) }
                comments.append(Comment(text: String(text), span: SourceSpan(start: start, end: location)))
                sawSpace = true
            case "/" where peek(1) == "*":
                blockComment(start)
                sawSpace = true
            case "\"":
                string(start)
            case "0"..."9":
                number(start, startIndex)
            case _ where Self.isIdentifierStart(c):
                while let d = peek(), Self.isIdentifierContinue(d) { _ = advance() }
                let text = String(String.UnicodeScalarView(scalars[startIndex..<index]))
                add(Keyword.all.contains(text) ? .keyword : .identifier, text, start)
            default:
                symbol(start)
            }
        }
        tokens.append(Token(kind: .endOfFile, text: "", span: SourceSpan(start: location, end: location),
                            startsLine: true))
    }

    private mutating func add(_ kind: Token.Kind, _ text: String, _ start: SourceLocation,
                              parts: [Token.StringPart] = []) {
        tokens.append(Token(kind: kind, text: text, span: SourceSpan(start: start, end: location),
                            startsLine: sawNewline, spaceBefore: sawSpace, stringParts: parts))
        sawNewline = false
        sawSpace = false
    }

    private mutating func blockComment(_ start: SourceLocation) {
        _ = advance(); _ = advance()
        var depth = 1
        while depth > 0 {
            guard let c = peek() else {
                diagnostics.append(Diagnostic(.error, .unterminatedComment, at: SourceSpan(line: start.line,
                                              column: start.column, length: 2)))
                return
            }
            if c == "/" && peek(1) == "*" { _ = advance(); depth += 1 }
            else if c == "*" && peek(1) == "/" { _ = advance(); depth -= 1 }
            if c == "\n" { sawNewline = true }
            _ = advance()
        }
    }

    private mutating func number(_ start: SourceLocation, _ startIndex: Int) {
        var isFloat = false
        func digits(_ lexer: inout Lexer) {
            while let d = lexer.peek(), ("0"..."9").contains(d) || d == "_" { _ = lexer.advance() }
        }
        digits(&self)
        if peek() == ".", let next = peek(1), ("0"..."9").contains(next) {
            isFloat = true
            _ = advance()
            digits(&self)
        }
        if peek() == "e" || peek() == "E" {
            let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            if let d = peek(1 + sign), ("0"..."9").contains(d) {
                isFloat = true
                for _ in 0...sign { _ = advance() }
                digits(&self)
            }
        }
        // `12abc` is one bad token, not a number followed by a name.
        var bad = false
        while let d = peek(), Self.isIdentifierContinue(d) { _ = advance(); bad = true }
        let text = String(String.UnicodeScalarView(scalars[startIndex..<index]))
        if bad {
            diagnostics.append(Diagnostic(.error, .invalidNumber(text), at: SourceSpan(start: start, end: location)))
        }
        add(isFloat ? .float : .integer, text, start)
    }

    private mutating func string(_ start: SourceLocation) {
        _ = advance()
        var parts: [Token.StringPart] = []
        var text = String.UnicodeScalarView()
        while true {
            guard let c = peek(), c != "\n" else {
                diagnostics.append(Diagnostic(.error, .unterminatedString, at: SourceSpan(start: start, end: location)))
                break
            }
            if c == "\"" { _ = advance(); break }
            if c == "\\" {
                let escapeStart = location
                _ = advance()
                guard let e = peek(), e != "\n" else { continue }
                _ = advance()
                switch e {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "0": text.append("\0")
                case "\"", "\\", "'": text.append(e)
                case "(":
                    if !text.isEmpty { parts.append(.text(String(text))); text = .init() }
                    let codeStart = location
                    var depth = 1
                    var code = String.UnicodeScalarView()
                    while let d = peek(), d != "\n" {
                        if d == "(" { depth += 1 }
                        if d == ")" { depth -= 1; if depth == 0 { break } }
                        code.append(advance())
                    }
                    if peek() == ")" { _ = advance() } else {
                        diagnostics.append(Diagnostic(.error, .expected("')'", found: "end of line"),
                                                      at: SourceSpan(start: escapeStart, end: location)))
                    }
                    parts.append(.interpolation(String(code), codeStart))
                default:
                    diagnostics.append(Diagnostic(.error, .invalidEscape(String(e)),
                                                  at: SourceSpan(start: escapeStart, end: location)))
                }
                continue
            }
            text.append(advance())
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(String(text))) }
        add(.string, "", start, parts: parts)
    }

    /// Longest match first: `..<` before `..`, `==` before `=`.
    static let symbols = ["..<", "...", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "->",
                          "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+", "-", "*", "/", "%",
                          "<", ">", "=", "!", "?", "&", "|", "^", "~", "@", "#", "$", "'", "`", "\\"]

    private mutating func symbol(_ start: SourceLocation) {
        for symbol in Self.symbols {
            let s = Array(symbol.unicodeScalars)
            if index + s.count <= scalars.count, Array(scalars[index..<index + s.count]) == s {
                for _ in s { _ = advance() }
                add(.symbol, symbol, start)
                return
            }
        }
        let c = advance()
        let shown = c.properties.isWhitespace || c.value < 0x20 ? "U+" + String(c.value, radix: 16, uppercase: true)
            : String(c)
        diagnostics.append(Diagnostic(.error, .unexpectedCharacter(shown), at: SourceSpan(start: start, end: location)))
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
            || (c.value > 0x7F && c.properties.isAlphabetic)
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || ("0"..."9").contains(c)
    }
}
