import Foundation
import LessonDiagnostics

/// The info string of a fenced block, read: what kind of block it is and its
/// attributes (`swift hide`, mdBook's `swift,hide`, `title="…"`).
struct FencedBlockHeader {
    enum Kind: Equatable {
        case swift(Cell.Visibility, run: Bool)
        case corpus(String)
        case callout(Block.CalloutKind)
        case exercise
        case hint
        case solution
        case verbatim(String?)
    }

    /// One word of the info string after the first, with its column in the file.
    struct Attribute {
        var key: String
        var value: String?
        var column: Int
        var length: Int
    }

    private(set) var kind: Kind = .verbatim(nil)
    private(set) var keyedAttributes: [String: String] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// Flags a `swift` block may carry, and the keys it may set.
    static let swiftFlags = ["norun", "hide", "silent", "setup"]
    static let keys = ["title"]

    init(info: String, fenceLine: Int, rawFenceLine: String) {
        let (first, attributes) = Self.split(info, rawFenceLine: rawFenceLine)
        let language = first.lowercased()
        switch language {
        case "swift":
            var visibility: [(Cell.Visibility, Attribute)] = []
            var run = true
            for attribute in attributes {
                switch attribute.key {
                case "norun" where attribute.value == nil: run = false
                case "hide" where attribute.value == nil: visibility.append((.hide, attribute))
                case "silent" where attribute.value == nil: visibility.append((.silent, attribute))
                case "setup" where attribute.value == nil: visibility.append((.setup, attribute))
                default: take(attribute, on: "swift", line: fenceLine, flags: Self.swiftFlags, severity: .error)
                }
            }
            if visibility.count > 1 {
                let (a, b) = (visibility[0].1, visibility[1].1)
                diagnostics.append(Diagnostic(.error, .conflictingAttributes(a.key, b.key),
                                              at: SourceSpan(line: fenceLine, column: b.column, length: b.length)))
            }
            kind = .swift(visibility.first?.0 ?? .normal, run: run)
        case "corpus":
            guard let name = attributes.first, name.value == nil else {
                diagnostics.append(Diagnostic(.error, .corpusNeedsName,
                                              at: SourceSpan(line: fenceLine, column: 1, length: rawFenceLine.count)))
                kind = .corpus("")
                return
            }
            if !Self.isIdentifier(name.key) {
                diagnostics.append(Diagnostic(.error, .invalidCorpusName(name.key),
                                              at: SourceSpan(line: fenceLine, column: name.column, length: name.length)))
            }
            for attribute in attributes.dropFirst() {
                if attribute.key == "minCount", let value = attribute.value {
                    guard let n = Int(value), n >= 1 else {
                        diagnostics.append(Diagnostic(.error, .attributeValue("minCount", expected: "a whole number of at least 1"),
                                                      at: SourceSpan(line: fenceLine, column: attribute.column, length: attribute.length)))
                        continue
                    }
                    keyedAttributes["minCount"] = String(n)
                    continue
                }
                take(attribute, on: "corpus", line: fenceLine, flags: ["minCount"], severity: .error)
            }
            kind = .corpus(name.key)
        case "note", "tip", "warning", "exercise", "hint", "solution":
            for attribute in attributes {
                take(attribute, on: language, line: fenceLine, flags: [], severity: .warning)
            }
            switch language {
            case "exercise": kind = .exercise
            case "hint": kind = .hint
            case "solution": kind = .solution
            default: kind = .callout(Block.CalloutKind(rawValue: language)!)
            }
        default:
            kind = .verbatim(first.isEmpty ? nil : first)
        }
    }

    /// Records a `key="value"` attribute, or reports one that is not known.
    private mutating func take(_ attribute: Attribute, on kind: String, line: Int, flags: [String],
                               severity: Diagnostic.Severity) {
        if let value = attribute.value, Self.keys.contains(attribute.key) {
            keyedAttributes[attribute.key] = value
            return
        }
        let suggestion = Suggestions.nearest(to: attribute.key, in: flags + Self.keys)
        diagnostics.append(Diagnostic(severity, .unknownAttribute(attribute.key, kind: kind, suggestion: suggestion),
                                      at: SourceSpan(line: line, column: attribute.column, length: attribute.length)))
    }

    /// Splits an info string on spaces and commas, keeping quoted values
    /// whole, and finds each word's column in the fence line.
    static func split(_ info: String, rawFenceLine: String) -> (String, [Attribute]) {
        let scalars = Array(rawFenceLine.unicodeScalars)
        // The info string starts after the indentation, any '>' and the fence characters.
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == ">" { start += 1 }
        if start < scalars.count {
            let fenceChar = scalars[start]
            while start < scalars.count, scalars[start] == fenceChar { start += 1 }
        }
        var words: [(text: String, column: Int, length: Int)] = []
        var i = start
        while i < scalars.count {
            if scalars[i] == " " || scalars[i] == "," || scalars[i] == "\t" { i += 1; continue }
            let begin = i
            var text = String.UnicodeScalarView()
            var quoted = false
            while i < scalars.count {
                let c = scalars[i]
                if c == "\"" { quoted.toggle(); i += 1; continue }
                if !quoted, c == " " || c == "," || c == "\t" { break }
                text.append(c)
                i += 1
            }
            words.append((String(text), begin + 1, i - begin))
        }
        guard let first = words.first else { return (info.trimmingCharacters(in: .whitespaces), []) }
        let attributes = words.dropFirst().map { word -> Attribute in
            if let eq = word.text.firstIndex(of: "=") {
                return Attribute(key: String(word.text[..<eq]), value: String(word.text[word.text.index(after: eq)...]),
                                 column: word.column, length: word.length)
            }
            return Attribute(key: word.text, value: nil, column: word.column, length: word.length)
        }
        return (first.text, attributes)
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
    }
}
