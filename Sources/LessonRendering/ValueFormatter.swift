import EmbeddingEngine
import LessonScript

/// The full display of a value in the terminal: its one-line display (cut to
/// fit), a dimmed line with its type and shape, and its chart when it has
/// one.
struct ValueFormatter {
    let style: TerminalStyle

    func full(_ value: Value, width: Int) -> [String] {
        var lines: [String]
        if case .tensor(let t) = value {
            lines = [TensorFormatter.oneLine(t, fitting: width)]
        } else {
            lines = [value.display]
        }
        if let note = Self.typeNote(value) { lines.append(style.dim(note)) }
        if let chart = Chart.from(value) {
            lines += TerminalCharts(style: style).draw(chart, width: width)
        }
        return lines
    }

    /// `Tensor · shape (1, 3, 768)`, `Neighbours · 3 words`: for tensors and
    /// engine objects, whose one-line display does not say what they are.
    static func typeNote(_ value: Value) -> String? {
        switch value {
        case .tensor(let t):
            var note = "Tensor " + describeShape(t.shape)
            if case .series(let x, let y) = t.annotation { note += " · \(y) per \(x)" }

            return note
        case .object(let object):
            if let n = object as? Neighbours, n.entries.count >= 2 { return "Neighbours · top \(n.entries.count)" }
            if object is Projection { return nil }
            return nil
        default:
            return nil
        }
    }
}
