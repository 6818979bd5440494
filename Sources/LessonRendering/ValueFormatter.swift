import EmbeddingEngine
import LessonScript

/// The full display of a value: a ranked table for Neighbours, the one-line
/// display for everything else (charts come with the chart model).
struct ValueFormatter {
    let style: TerminalStyle

    func full(_ value: Value, width: Int) -> [String] {
        if case .object(let object) = value, let neighbours = object as? Neighbours, !neighbours.entries.isEmpty {
            return table(neighbours, width: width)
        }
        if case .tensor(let t) = value { return [TensorFormatter.oneLine(t, fitting: width)] }
        return [value.display]
    }

    /// `1  queen     0.8524  ███████████`
    private func table(_ n: Neighbours, width: Int) -> [String] {
        let rankWidth = String(n.entries.count).count
        // Words get the room the bars do not need; long entries (documents) are cut.
        let wordWidth = min(max(12, width - rankWidth - 14 - 12), n.entries.map(\.word.count).max() ?? 4)
        let barWidth = max(4, min(30, width - wordWidth - rankWidth - 14))
        // Cosines fill the bar at 1; larger scores (dot products) are scaled to the largest.
        let scale = max(1, n.entries.map { abs(Double($0.score)) }.max() ?? 1)
        var lines = [style.dim(n.display)]
        for (i, entry) in n.entries.enumerated() {
            let rank = String(repeating: " ", count: rankWidth - String(i + 1).count) + String(i + 1)
            let word = entry.word.count > wordWidth ? String(entry.word.prefix(wordWidth - 1)) + style.ellipsis : entry.word
            let score = TensorFormatter.formatFixed(Double(entry.score), decimals: 4)
            let scorePadded = String(repeating: " ", count: max(0, 7 - score.count)) + score
            lines.append(style.dim(rank) + "  " + pad(word, to: wordWidth) + "  " + scorePadded + "  "
                         + style.cyan(bar(Double(entry.score) / scale, width: barWidth)))
        }
        return lines
    }

    /// A bar of `fraction` (clamped to 0…1) of `width` cells, with eighth blocks.
    func bar(_ fraction: Double, width: Int) -> String {
        let clamped = max(0, min(1, fraction))
        let eighths = Int((clamped * Double(width) * 8).rounded())
        var out = String(repeating: style.block, count: eighths / 8)
        out += style.partialBlocks[eighths % 8]
        return out
    }
}
