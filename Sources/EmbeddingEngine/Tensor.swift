/// A Float32 tensor of any rank: a shape over contiguous, row-major storage.
///
/// A rank-0 tensor (shape `[]`) holds one scalar. Storage is copy-on-write,
/// so passing tensors around is cheap.
public struct Tensor: Equatable, Sendable {
    public private(set) var shape: [Int]
    public private(set) var storage: [Float]

    /// What the numbers are, for whoever shows them: a matrix whose rows
    /// (and columns) are words, or a series over steps. It never changes a
    /// result, does not take part in `==`, and operations drop it.
    public enum Annotation: Equatable, Sendable {
        case none
        /// Row labels; a square matrix uses them for its columns too.
        case labels([String])
        /// Values over steps, such as a loss per epoch.
        case series(x: String, y: String)
    }

    public var annotation: Annotation = .none

    /// Equal shapes and equal values; annotations are ignored.
    public static func == (a: Tensor, b: Tensor) -> Bool {
        a.shape == b.shape && a.storage == b.storage
    }

    /// The same tensor with an annotation.
    public func annotated(_ annotation: Annotation) -> Tensor {
        var copy = self
        copy.annotation = annotation
        return copy
    }

    /// A tensor over `storage`, which must hold exactly the product of `shape`.
    public init(shape: [Int], storage: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 } && shape.reduce(1, *) == storage.count,
                     "storage does not match the shape")
        self.shape = shape
        self.storage = storage
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(shape: shape, storage: [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    /// A rank-1 tensor.
    public init(_ values: [Float]) {
        self.init(shape: [values.count], storage: values)
    }

    /// A rank-0 tensor.
    public init(scalar: Float) {
        self.init(shape: [], storage: [scalar])
    }

    public var rank: Int { shape.count }
    public var count: Int { storage.count }

    /// The single value of a tensor with one element, whatever its rank.
    public var scalar: Float? { storage.count == 1 ? storage[0] : nil }

    /// Bytes a tensor of `shape` would occupy, saturating instead of overflowing.
    public static func byteCount(of shape: [Int]) -> Int {
        var total = MemoryLayout<Float>.stride
        for n in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: max(n, 0))
            if overflow { return .max }
            total = product
        }
        return total
    }

    // MARK: - Indexing

    /// One position along an axis, or a range of them.
    public enum Index: Equatable, Sendable {
        case at(Int)
        case range(Range<Int>)
    }

    /// `t[0, 0, 0..<10]`: an index drops its axis, a range keeps it. Axes not
    /// named are kept whole, as in numpy.
    public func slice(_ indices: [Index]) throws(EngineError) -> Tensor {
        guard indices.count <= rank else {
            throw .invalidArgument("too many indices (\(indices.count)) for a tensor of rank \(rank)")
        }
        var ranges: [Range<Int>] = []
        var keptShape: [Int] = []
        for (axis, size) in shape.enumerated() {
            if axis < indices.count {
                switch indices[axis] {
                case .at(let i):
                    guard i >= 0, i < size else { throw .indexOutOfRange(i, axis: axis, size: size) }
                    ranges.append(i..<i + 1)
                case .range(let r):
                    guard r.lowerBound >= 0, r.upperBound <= size else {
                        throw .indexOutOfRange(r.lowerBound < 0 ? r.lowerBound : r.upperBound - 1, axis: axis, size: size)
                    }
                    ranges.append(r)
                    keptShape.append(r.count)
                }
            } else {
                ranges.append(0..<size)
                keptShape.append(size)
            }
        }
        var out: [Float] = []
        out.reserveCapacity(ranges.reduce(1) { $0 * $1.count })
        var strides = [Int](repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) {
            strides[axis] = strides[axis + 1] * shape[axis + 1]
        }
        storage.withUnsafeBufferPointer { buffer in
            func copy(axis: Int, offset: Int) {
                if axis == rank {
                    out.append(buffer[offset])
                } else if axis == rank - 1 {
                    let r = ranges[axis]
                    out.append(contentsOf: buffer[(offset + r.lowerBound)..<(offset + r.upperBound)])
                } else {
                    for i in ranges[axis] { copy(axis: axis + 1, offset: offset + i * strides[axis]) }
                }
            }
            copy(axis: 0, offset: 0)
        }
        return Tensor(shape: keptShape, storage: out)
    }

    // MARK: - Element-wise arithmetic

    /// Applies `op` element by element. Equal shapes combine pairwise; a
    /// one-element tensor broadcasts against any shape. Anything else is a
    /// shape mismatch that names both shapes.
    public static func elementwise(_ a: Tensor, _ b: Tensor, _ name: String,
                                   _ op: (Float, Float) -> Float) throws(EngineError) -> Tensor {
        if a.shape == b.shape {
            var out = a.storage
            b.storage.withUnsafeBufferPointer { bb in
                out.withUnsafeMutableBufferPointer { o in
                    for i in o.indices { o[i] = op(o[i], bb[i]) }
                }
            }
            return Tensor(shape: a.shape, storage: out).annotated(a.annotation == .none ? b.annotation : a.annotation)
        }
        if b.count == 1, let s = b.scalar { return a.map { op($0, s) } }
        if a.count == 1, let s = a.scalar { return b.map { op(s, $0) } }
        throw .shapeMismatch(operation: name, a.shape, b.shape)
    }

    /// Applies `transform` to every element; the annotation stays.
    public func map(_ transform: (Float) -> Float) -> Tensor {
        Tensor(shape: shape, storage: storage.map(transform)).annotated(annotation)
    }
}
