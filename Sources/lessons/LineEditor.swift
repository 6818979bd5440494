import Foundation

/// Reads lines with editing and history on a terminal (←/→, Home/End,
/// ↑/↓ through history, Ctrl-A/E/K/U, Ctrl-C to drop a line, Ctrl-D to
/// finish), and plain lines otherwise. Small on purpose: the REPL needs
/// nothing more, and a readline dependency would not earn its place.
final class LineEditor {
    private(set) var history: [String] = []
    private let historyFile: URL?
    private let maximumHistory = 1000
    private let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1

    init(historyFile: URL?) {
        self.historyFile = historyFile
        if let historyFile, let text = try? String(contentsOf: historyFile, encoding: .utf8) {
            history = text.split(separator: "\n").map(String.init).suffix(maximumHistory).map { $0 }
        }
    }

    /// The next line, or `nil` at the end of input.
    func readLine(prompt: String) -> String? {
        guard interactive else {
            FileHandle.standardOutput.write(Data(prompt.utf8))
            return Swift.readLine()
        }
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }
        return edit(prompt: prompt)
    }

    /// One key press on a terminal (Enter is ""), or one line otherwise;
    /// `nil` at the end of input.
    func readKey() -> String? {
        guard interactive else {
            return Swift.readLine().map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        }
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }
        guard let byte = readByte() else { return nil }
        switch byte {
        case 13, 10, 32: return ""
        case 4: return "q"
        default: return String(UnicodeScalar(byte)).lowercased()
        }
    }

    /// Remembers a line for ↑ and for the next session.
    func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, history.last != trimmed else { return }
        history.append(trimmed)
        if history.count > maximumHistory { history.removeFirst(history.count - maximumHistory) }
        guard let historyFile else { return }
        try? FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? (history.joined(separator: "\n") + "\n").write(to: historyFile, atomically: true, encoding: .utf8)
    }

    // MARK: - Editing

    private func edit(prompt: String) -> String? {
        var buffer: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        var draft: [Character] = []
        func redraw() {
            let tail = buffer.count - cursor
            var out = "\r" + prompt + String(buffer) + "\u{1B}[K"
            if tail > 0 { out += "\u{1B}[\(tail)D" }
            write(out)
        }
        redraw()
        while let byte = readByte() {
            switch byte {
            case 13, 10:
                write("\r\n")
                return String(buffer)
            case 4:  // Ctrl-D
                if buffer.isEmpty { write("\r\n"); return nil }
                if cursor < buffer.count { buffer.remove(at: cursor) }
            case 3:  // Ctrl-C
                write("^C\r\n")
                buffer = []
                cursor = 0
            case 1: cursor = 0
            case 5: cursor = buffer.count
            case 11: buffer.removeSubrange(cursor...)
            case 21: buffer.removeSubrange(..<cursor); cursor = 0
            case 127, 8:
                if cursor > 0 { buffer.remove(at: cursor - 1); cursor -= 1 }
            case 27:
                guard let next = readByte() else { return nil }
                guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O"), let code = readByte() else { break }
                switch code {
                case UInt8(ascii: "A"), UInt8(ascii: "B"):
                    let up = code == UInt8(ascii: "A")
                    if historyIndex == history.count { draft = buffer }
                    historyIndex = max(0, min(history.count, historyIndex + (up ? -1 : 1)))
                    buffer = historyIndex == history.count ? draft : Array(history[historyIndex])
                    cursor = buffer.count
                case UInt8(ascii: "C"): cursor = min(buffer.count, cursor + 1)
                case UInt8(ascii: "D"): cursor = max(0, cursor - 1)
                case UInt8(ascii: "H"): cursor = 0
                case UInt8(ascii: "F"): cursor = buffer.count
                case UInt8(ascii: "1")...UInt8(ascii: "9"):
                    var digits = [code]
                    while let d = readByte(), d != UInt8(ascii: "~") { digits.append(d) }
                    switch String(decoding: digits, as: UTF8.self) {
                    case "1", "7": cursor = 0
                    case "4", "8": cursor = buffer.count
                    case "3": if cursor < buffer.count { buffer.remove(at: cursor) }
                    default: break
                    }
                default: break
                }
            default:
                guard byte >= 32 else { break }
                // A UTF-8 sequence: read its continuation bytes.
                var bytes = [byte]
                let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
                for _ in 0..<extra { if let b = readByte() { bytes.append(b) } }
                for character in String(decoding: bytes, as: UTF8.self) {
                    buffer.insert(character, at: cursor)
                    cursor += 1
                }
            }
            redraw()
        }
        return buffer.isEmpty ? nil : String(buffer)
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
