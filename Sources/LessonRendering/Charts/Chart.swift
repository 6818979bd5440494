import EmbeddingEngine
import LessonScript

/// One chart model for every renderer: the terminal draws it with Unicode
/// blocks and braille, the HTML handouts with SVG. Built from a value's data
/// only, so both pictures show the same thing.
public enum Chart: Equatable, Sendable {
    /// Labelled bars, best first: neighbours and their scores.
    case bars([Bar])
    /// A matrix with row and column labels: a similarity matrix.
    case heatmap(rows: [String], columns: [String], values: [[Float]])
    /// Labelled points in a plane: a PCA projection.
    case scatter(points: [Point], xLabel: String, yLabel: String)
    /// One value per step: a loss history.
    case line(values: [Float], xLabel: String, yLabel: String)
    /// A vector's values as a row of coloured cells.
    case strip(values: [Float])

    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Float
    }

    public struct Point: Equatable, Sendable {
        public var label: String
        public var x: Float
        public var y: Float
    }

    /// The chart a value is best shown with, if any.
    public static func from(_ value: Value) -> Chart? {
        switch value {
        case .tensor(let t):
            return from(t)
        case .object(let object):
            if let n = object as? Neighbours, n.entries.count >= 2 {
                return .bars(n.entries.map { Bar(label: $0.word, value: $0.score) })
            }
            if let p = object as? Projection {
                let percent = { (x: Float) in "\(Int((x * 100).rounded()))%" }
                return .scatter(points: zip(p.labels, p.points).map { Point(label: $0.0, x: $0.1.0, y: $0.1.1) },
                                xLabel: "PC1 (\(percent(p.explained.0)))", yLabel: "PC2 (\(percent(p.explained.1)))")
            }
            return nil
        default:
            return nil
        }
    }

    private static func from(_ t: Tensor) -> Chart? {
        switch t.annotation {
        case .series(let x, let y) where t.rank == 1 && t.count >= 2:
            return .line(values: t.storage, xLabel: x, yLabel: y)
        case .labels(let labels) where t.rank == 2 && t.shape[0] == labels.count && t.shape[0] <= 40
            && (t.shape[0] == t.shape[1] || t.shape[1] <= 12):
            let columns = t.shape[0] == t.shape[1] ? labels : (0..<t.shape[1]).map(String.init)
            return .heatmap(rows: labels, columns: columns, values: rows(of: t))
        default:
            // A small square matrix (attention weights, say) reads best as a heat map.
            if t.rank == 2, t.shape[0] == t.shape[1], t.shape[0] >= 2, t.shape[0] <= 12 {
                return .heatmap(rows: (0..<t.shape[0]).map(String.init), columns: (0..<t.shape[1]).map(String.init),
                                values: rows(of: t))
            }
            if t.rank == 1, t.count >= 8, t.count <= 1024, t.storage.allSatisfy(\.isFinite) {
                return .strip(values: t.storage)
            }
            return nil
        }
    }

    private static func rows(of t: Tensor) -> [[Float]] {
        (0..<t.shape[0]).map { Array(t.storage[($0 * t.shape[1])..<(($0 + 1) * t.shape[1])]) }
    }

    /// A description of the data in words, for readers who cannot see the
    /// picture (HTML `aria-label` and `<desc>`; also the plain-text fallback).
    public var textAlternative: String {
        func f(_ x: Float) -> String { TensorFormatter.formatFixed(Double(x), decimals: 3) }
        switch self {
        case .bars(let bars):
            return "Bar chart of \(bars.count) scores: " + bars.map { "\($0.label) \(f($0.value))" }.joined(separator: ", ") + "."
        case .heatmap(let rows, let columns, let values):
            var pairs: [String] = []
            for (i, row) in rows.enumerated() {
                for (j, column) in columns.enumerated() where rows == columns ? j > i : true {
                    pairs.append("\(row)–\(column) \(f(values[i][j]))")
                }
            }
            return "Heat map of a \(rows.count) × \(columns.count) matrix: " + pairs.prefix(60).joined(separator: ", ")
                + (pairs.count > 60 ? ", …" : "") + "."
        case .scatter(let points, let xLabel, let yLabel):
            return "Scatter plot, \(xLabel) across, \(yLabel) up: "
                + points.map { "\($0.label) at (\(f($0.x)), \(f($0.y)))" }.joined(separator: "; ") + "."
        case .line(let values, let xLabel, let yLabel):
            let low = values.enumerated().min { $0.element < $1.element }!
            return "Line chart of \(yLabel) over \(values.count) \(xLabel)s: from \(f(values.first!)) to \(f(values.last!)), "
                + "lowest \(f(low.element)) at \(xLabel) \(low.offset + 1)."
        case .strip(let values):
            return "\(values.count) values from \(f(values.min()!)) to \(f(values.max()!))."
        }
    }
}
