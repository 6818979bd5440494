import EmbeddingEngine

extension Value {
    /// The one-line display of LESSON-FORMAT §4: Ints as Swift prints them,
    /// Strings without quotes, shapes as `(1, 3, 768)`, tensors as numpy
    /// prints them, on one line, long axes elided.
    public var display: String {
        switch self {
        case .void: return "()"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return Self.format(f)
        case .string(let s): return s
        case .array(let items): return "[" + items.map(\.quotedDisplay).joined(separator: ", ") + "]"
        case .tuple(let items): return "(" + items.map(\.quotedDisplay).joined(separator: ", ") + ")"
        case .range(let r): return "\(r.lowerBound)..<\(r.upperBound)"
        case .tensor(let t): return TensorFormatter.oneLine(t)
        case .object(let o): return o.display
        }
    }

    /// Inside arrays and tuples strings keep their quotes, as Swift prints them.
    var quotedDisplay: String {
        if case .string(let s) = self { return "\"" + s + "\"" }
        return display
    }

    /// What a `let` or `var` shows beside the name: `Int = 5`,
    /// `Tensor (1, 3, 768)`, `Embedding 50000 × 768`.
    public var summary: String {
        switch self {
        case .tensor(let t):
            return "Tensor " + describeShape(t.shape)
        case .object(let o):
            return o.summary
        case .array(let items) where items.count > 8:
            return "Array of \(items.count)"
        default:
            let shown = quotedDisplay
            return "\(typeName) = " + (shown.count > 60 ? String(shown.prefix(59)) + "…" : shown)
        }
    }

    /// A floating value as Swift prints it: with Float32's shortest digits
    /// when the value is exactly a Float32 (tensor elements, cosines), else
    /// with Double's (`0.05`).
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let single = Float(value)
        if Double(single) == value { return single.description }
        return value.description
    }
}

/// numpy-style text for tensors.
public enum TensorFormatter {
    /// Elements shown at each end of an elided axis.
    public static let edgeItems = 3
    /// Axes longer than this are elided (ten numbers, a row's first ten, still show whole).
    public static let threshold = 10

    /// `[0, 1, 0]`, `[0.4180, 0.2497, -0.4124, …, 0.3459]`, `[[1, 2], [3, 4]]`.
    /// Whole numbers print without decimals; otherwise every element has four
    /// decimals, so columns line up as in numpy.
    public static func oneLine(_ t: Tensor) -> String {
        oneLine(t, threshold: threshold, edgeItems: edgeItems)
    }

    /// The one-line display, eliding axes longer than `threshold` to
    /// `edgeItems` at each end, so it fits `width` columns when it can.
    public static func oneLine(_ t: Tensor, fitting width: Int) -> String {
        let full = oneLine(t)
        guard full.count > width else { return full }
        for edge in stride(from: edgeItems, through: 1, by: -1) {
            let shorter = oneLine(t, threshold: 2 * edge, edgeItems: edge)
            if shorter.count <= width { return shorter }
        }
        return oneLine(t, threshold: 2, edgeItems: 1)
    }

    static func oneLine(_ t: Tensor, threshold: Int, edgeItems: Int) -> String {
        let integral = t.storage.allSatisfy { $0 == $0.rounded() && abs($0) < 1e7 }
        func element(_ x: Float) -> String {
            if integral { return String(Int(x)) }
            if x.isNaN { return "nan" }
            if x.isInfinite { return x < 0 ? "-inf" : "inf" }
            return formatFixed(Double(x), decimals: 4)
        }
        if t.rank == 0 { return element(t.storage[0]) }
        var strides = [Int](repeating: 1, count: t.rank)
        for axis in stride(from: t.rank - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * t.shape[axis + 1] }
        func render(axis: Int, offset: Int) -> String {
            let size = t.shape[axis]
            let indices: [Int?] = size > threshold
                ? Array(0..<edgeItems) + [nil] + Array((size - edgeItems)..<size)
                : Array(0..<size)
            let parts = indices.map { i -> String in
                guard let i else { return "…" }
                return axis == t.rank - 1 ? element(t.storage[offset + i]) : render(axis: axis + 1, offset: offset + i * strides[axis])
            }
            return "[" + parts.joined(separator: ", ") + "]"
        }
        return render(axis: 0, offset: 0)
    }

    /// `x` rounded half away from zero to `decimals` places, never `-0.0000`.
    public static func formatFixed(_ x: Double, decimals: Int) -> String {
        guard abs(x) < 1e15 else { return x.description }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let negative = x < 0 && scaled != 0
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var digits = String(fraction)
        digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        return (negative ? "-" : "") + String(whole) + (decimals > 0 ? "." + digits : "")
    }
}
