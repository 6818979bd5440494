/// Prints diagnostics as compilers do: a `file:line:col: error: …` headline,
/// the source line with its number, a caret span under the problem, and a
/// `help:` line when there is an obvious fix.
///
///     Lessons/03-analogy.md:42:17: error: 'kingg' is not in the vocabulary of glove
///        42 | glove.nearest("kingg", k: 3)
///           |               ^~~~~~~
///        help: did you mean 'king'?
public struct DiagnosticFormatter: Sendable {
    /// Whether to colour the output with ANSI escapes (as swift-syntax's
    /// `DiagnosticsFormatter(colorize:)`).
    public var colorize: Bool

    public init(colorize: Bool = false) {
        self.colorize = colorize
    }

    private func paint(_ text: String, _ code: String) -> String {
        colorize ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }

    /// Formats `diagnostic`, quoting the line from `sourceLines` (the whole
    /// file, split on newlines) when its span points into it.
    public func format(_ diagnostic: Diagnostic, sourceLines: [Substring]?) -> String {
        var out = ""
        let severity: String
        switch diagnostic.severity {
        case .error: severity = paint("error:", "1;31")
        case .warning: severity = paint("warning:", "1;33")
        case .note: severity = paint("note:", "1")
        }
        var location = ""
        if let file = diagnostic.file { location += file + ":" }
        if let span = diagnostic.span { location += "\(span.start.line):\(span.start.column):" }
        if !location.isEmpty { out += paint(location, "1") + " " }
        out += severity + " " + paint(diagnostic.message, "1") + "\n"

        if let span = diagnostic.span, let lines = sourceLines,
           span.start.line >= 1, span.start.line <= lines.count {
            let number = String(span.start.line)
            let gutter = String(repeating: " ", count: number.count)
            let text = Self.displayable(lines[span.start.line - 1])
            out += paint(" \(number) | ", "2") + text + "\n"
            let width = text.unicodeScalars.count
            let startColumn = min(max(span.start.column, 1), width + 1)
            let endColumn = span.end.line == span.start.line ? span.end.column : width + 1
            let length = max(1, min(endColumn, width + 1) - startColumn)
            let marker = "^" + String(repeating: "~", count: length - 1)
            out += paint(" \(gutter) | ", "2") + String(repeating: " ", count: startColumn - 1)
                + paint(marker, "1;32") + "\n"
        }
        if let help = diagnostic.help {
            out += "   " + paint("help:", "1;36") + " " + help + "\n"
        }
        return out
    }

    /// Tabs become one space (so the caret stays under its column) and
    /// control characters are made visible; the line is capped so a 10 MB
    /// line cannot flood the terminal.
    static func displayable(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars.prefix(400) {
            switch scalar {
            case "\t": out.append(" ")
            case "\r": continue
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
