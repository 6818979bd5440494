/// A small HTML (and SVG) tree, after Plot: `.text` is always escaped,
/// `.raw` is explicit. Escaping is what the builder does, not something to
/// remember.
public indirect enum HTMLNode: Sendable {
    case element(String, [(String, String)], [HTMLNode])
    /// An element with no closing tag (`<meta>`, `<br>`).
    case void(String, [(String, String)])
    /// Text, escaped.
    case text(String)
    /// Markup that is trusted as it is: the stylesheet, cmark's output.
    case raw(String)
    case fragment([HTMLNode])

    public func render() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    private func render(into out: inout String) {
        switch self {
        case .element(let name, let attributes, let children):
            out += "<" + name + Self.attributes(attributes) + ">"
            for child in children { child.render(into: &out) }
            out += "</" + name + ">"
        case .void(let name, let attributes):
            out += "<" + name + Self.attributes(attributes) + ">"
        case .text(let text):
            out += Self.escape(text)
        case .raw(let markup):
            out += markup
        case .fragment(let children):
            for child in children { child.render(into: &out) }
        }
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + escape($0.1) + "\"" }.joined()
    }

    /// `&`, `<`, `>`, `"` and `'` as entities; control characters other than
    /// tab and newline dropped, so nothing a lesson holds can become markup.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Builders that read like the markup they make.
func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    .element(name, attributes, children)
}

func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTMLNode {
    .element(name, attributes, [.text(text)])
}
