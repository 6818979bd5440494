import LessonDiagnostics
import LessonScript

/// Colours cell code with the language's own lexer, so what is highlighted
/// is exactly what runs. Without colour the lines come back unchanged.
struct Highlighter {
    let style: TerminalStyle

    func highlight(_ code: String, origin: SourceLocation) -> [String] {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        guard style.color else { return lines }
        let lexer = Lexer(code, origin: origin)
        // Colour spans per line, as (start column, end column, SGR code), in order.
        var spans: [Int: [(Int, Int, String)]] = [:]
        func add(_ span: SourceSpan, _ code: String) {
            guard span.start.line == span.end.line else { return }
            spans[span.start.line - origin.line, default: []].append((span.start.column - origin.column,
                                                                      span.end.column - origin.column, code))
        }
        for token in lexer.tokens {
            switch token.kind {
            case .keyword: add(token.span, "35")
            case .string: add(token.span, "32")
            case .integer, .float: add(token.span, "33")
            case .identifier where Builtins.functionNames.contains(token.text): add(token.span, "34")
            default: break
            }
        }
        for comment in lexer.comments { add(comment.span, comment.text.hasPrefix(" =>") || comment.text.hasPrefix(" ≈") ? "2;36" : "2") }
        return lines.enumerated().map { index, line in
            guard let marks = spans[index]?.sorted(by: { $0.0 < $1.0 }) else { return line }
            let characters = Array(line.unicodeScalars)
            var out = ""
            var column = 0
            for (start, end, code) in marks where start >= column && end <= characters.count {
                out += String(String.UnicodeScalarView(characters[column..<start]))
                out += style.paint(String(String.UnicodeScalarView(characters[start..<end])), code)
                column = end
            }
            out += String(String.UnicodeScalarView(characters[min(column, characters.count)...]))
            return out
        }
    }
}
