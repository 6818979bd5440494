/// How the terminal output looks: colour or not, Unicode or ASCII, and how wide.
public struct TerminalStyle: Sendable {
    public var width: Int
    public var color: Bool
    public var ascii: Bool

    public init(width: Int = 80, color: Bool = false, ascii: Bool = false) {
        self.width = max(40, min(width, 200))
        self.color = color
        self.ascii = ascii
    }

    // MARK: - Colour (SGR codes; nothing at all when colour is off)

    func paint(_ text: String, _ code: String) -> String {
        color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ s: String) -> String { paint(s, "1") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func italic(_ s: String) -> String { paint(s, "3") }
    public func underline(_ s: String) -> String { paint(s, "4") }
    public func green(_ s: String) -> String { paint(s, "32") }
    public func red(_ s: String) -> String { paint(s, "31") }
    public func yellow(_ s: String) -> String { paint(s, "33") }
    public func blue(_ s: String) -> String { paint(s, "34") }
    public func magenta(_ s: String) -> String { paint(s, "35") }
    public func cyan(_ s: String) -> String { paint(s, "36") }

    /// Text on a 24-bit background colour.
    func background(_ rgb: (Int, Int, Int), foreground ink: (Int, Int, Int), _ text: String) -> String {
        paint(text, "48;2;\(rgb.0);\(rgb.1);\(rgb.2);38;2;\(ink.0);\(ink.1);\(ink.2)")
    }

    /// Text in a 24-bit colour.
    func foreground(_ rgb: (Int, Int, Int), _ text: String) -> String {
        paint(text, "38;2;\(rgb.0);\(rgb.1);\(rgb.2)")
    }

    // MARK: - Glyphs

    var bar: String { ascii ? "|" : "│" }
    var rule: String { ascii ? "-" : "─" }
    var doubleRule: String { ascii ? "=" : "═" }
    var bullet: String { ascii ? "*" : "•" }
    var resultMark: String { ascii ? ">" : "▸" }
    var check: String { ascii ? "ok" : "✓" }
    var cross: String { ascii ? "FAIL" : "✗" }
    var ellipsis: String { ascii ? "..." : "…" }
    var block: String { ascii ? "#" : "█" }
    var partialBlocks: [String] { ascii ? ["", "", "", "", "", "", "", ""] : ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"] }
}

/// The number of terminal columns a string takes: escape sequences take
/// none; everything else one per character.
func visibleWidth(_ s: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in s.unicodeScalars {
        if inEscape {
            if scalar == "m" { inEscape = false }
            continue
        }
        if scalar == "\u{1B}" { inEscape = true; continue }
        if scalar.properties.generalCategory == .nonspacingMark { continue }
        width += 1
    }
    return width
}

/// Pads `s` with spaces to `width` visible columns.
func pad(_ s: String, to width: Int) -> String {
    s + String(repeating: " ", count: max(0, width - visibleWidth(s)))
}
