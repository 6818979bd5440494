import LessonDiagnostics
import LessonScript

/// The kinds of code a highlighter colours.
enum CodeClass: String {
    case keyword, string, number, builtin, comment, expectation
}

/// Splits cell code into lines of classified pieces with the language's own
/// lexer, so what is highlighted is exactly what runs. Both the terminal and
/// the HTML handouts colour code from this.
enum CodeClassifier {
    static func lines(_ code: String, origin: SourceLocation) -> [[(text: String, kind: CodeClass?)]] {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        let lexer = Lexer(code, origin: origin)
        var spans: [Int: [(Int, Int, CodeClass)]] = [:]
        func add(_ span: SourceSpan, _ kind: CodeClass) {
            guard span.start.line == span.end.line else { return }
            spans[span.start.line - origin.line, default: []].append((span.start.column - origin.column,
                                                                      span.end.column - origin.column, kind))
        }
        for token in lexer.tokens {
            switch token.kind {
            case .keyword: add(token.span, .keyword)
            case .string: add(token.span, .string)
            case .integer, .float: add(token.span, .number)
            case .identifier where Builtins.functionNames.contains(token.text): add(token.span, .builtin)
            default: break
            }
        }
        for comment in lexer.comments {
            let text = comment.text.drop { $0 == " " }
            let isExpectation = text.hasPrefix("=>") || text.hasPrefix("≈") || text.hasPrefix("~") || text.hasPrefix("error:")
            add(comment.span, isExpectation ? .expectation : .comment)
        }
        return lines.enumerated().map { index, line in
            let characters = Array(line.unicodeScalars)
            var pieces: [(String, CodeClass?)] = []
            var column = 0
            for (start, end, kind) in (spans[index] ?? []).sorted(by: { $0.0 < $1.0 })
            where start >= column && end <= characters.count {
                if start > column { pieces.append((String(String.UnicodeScalarView(characters[column..<start])), nil)) }
                pieces.append((String(String.UnicodeScalarView(characters[start..<end])), kind))
                column = end
            }
            if column < characters.count {
                pieces.append((String(String.UnicodeScalarView(characters[column...])), nil))
            }
            return pieces
        }
    }
}

/// Colours cell code for a terminal. Without colour the lines come back unchanged.
struct Highlighter {
    let style: TerminalStyle

    func highlight(_ code: String, origin: SourceLocation) -> [String] {
        CodeClassifier.lines(code, origin: origin).map { pieces in
            pieces.map { text, kind in
                switch kind {
                case .keyword: return style.paint(text, "35")
                case .string: return style.paint(text, "32")
                case .number: return style.paint(text, "33")
                case .builtin: return style.paint(text, "34")
                case .comment: return style.paint(text, "2")
                case .expectation: return style.paint(text, "2;36")
                case nil: return text
                }
            }.joined()
        }
    }
}
