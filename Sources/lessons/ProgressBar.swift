import Foundation
import LessonRendering
import LessonScript

/// The line that shows training on a terminal:
/// `epoch 120/200  ████████░░░░  loss 2.3140  310k words/s  1 s left`.
/// Drawn on standard error, only when it is a terminal, and erased when done,
/// so the lesson's own output (and any file it goes to) stays clean.
enum ProgressBar {
    /// Whether a bar is on the screen, so `clear` erases only what was drawn.
    nonisolated(unsafe) private static var drawn = false

    static func forStandardError(style: TerminalStyle) -> (@Sendable (TrainingProgress) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let ascii = style.ascii
        let width = min(style.width, 100)
        return { update in
            let p = update.progress
            let fraction = Double(p.words) / Double(max(1, p.totalWords))
            let barWidth = max(10, width - 60)
            let filled = Int(fraction * Double(barWidth))
            let bar = String(repeating: ascii ? "#" : "█", count: filled)
                + String(repeating: ascii ? "." : "░", count: barWidth - filled)
            let rate = update.wordsPerSecond >= 1000 ? "\(Int(update.wordsPerSecond / 1000))k" : "\(Int(update.wordsPerSecond))"
            let line = "epoch \(p.epoch)/\(p.epochs)  \(bar)  loss \(TensorFormatter.formatFixed(Double(p.loss), decimals: 4))"
                + "  \(rate) words/s  \(Int(update.remaining.rounded())) s left"
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            drawn = true
        }
    }

    static func clear() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
