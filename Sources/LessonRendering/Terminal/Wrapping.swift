/// Breaks styled words into lines no wider than `width`. A word is never
/// split (inline code stays whole); a word wider than the line gets a line
/// of its own.
struct Wrapper {
    /// One unbreakable unit of text, already styled, with its visible width.
    struct Word {
        var text: String
        var width: Int
        /// A hard line break after this word.
        var breakAfter = false
    }

    static func wrap(_ words: [Word], width: Int, firstPrefix: String, prefix: String) -> [String] {
        var lines: [String] = []
        var line = firstPrefix
        var lineWidth = visibleWidth(firstPrefix)
        var empty = true
        let prefixWidth = visibleWidth(prefix)
        for word in words {
            if !empty && lineWidth + 1 + word.width > width {
                lines.append(line)
                line = prefix
                lineWidth = prefixWidth
                empty = true
            }
            if !empty { line += " "; lineWidth += 1 }
            line += word.text
            lineWidth += word.width
            empty = false
            if word.breakAfter {
                lines.append(line)
                line = prefix
                lineWidth = prefixWidth
                empty = true
            }
        }
        if !empty { lines.append(line) }
        return lines
    }
}
