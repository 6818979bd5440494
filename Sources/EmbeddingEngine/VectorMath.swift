#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Vector and matrix maths on tensors. Sums accumulate in Double so results
/// do not depend on the order a SIMD unit happens to use.
public enum VectorMath {
    /// The dot product of two vectors of the same shape.
    public static func dot(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Float {
        guard a.shape == b.shape else { throw .shapeMismatch(operation: "dot", a.shape, b.shape) }
        return Float(dotDouble(a.storage, b.storage))
    }

    /// The Euclidean length. The norm of a zero vector is 0.
    public static func norm(_ a: Tensor) -> Float {
        Float(dotDouble(a.storage, a.storage).squareRoot())
    }

    /// `a / norm(a)`. A zero vector stays zero (it has no direction), as
    /// gensim's `unitvec` does; no NaN is produced.
    public static func normalize(_ a: Tensor) -> Tensor {
        let n = norm(a)
        return n == 0 ? a : a.map { $0 / n }
    }

    /// The cosine of the angle between two vectors, in [-1, 1].
    ///
    /// If either vector is zero the cosine is 0 (no direction, no similarity),
    /// never NaN.
    public static func cosine(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Float {
        guard a.shape == b.shape else { throw .shapeMismatch(operation: "cosine", a.shape, b.shape) }
        let ab = dotDouble(a.storage, b.storage)
        let aa = dotDouble(a.storage, a.storage)
        let bb = dotDouble(b.storage, b.storage)
        guard aa > 0, bb > 0 else { return 0 }
        return Float(max(-1, min(1, ab / (aa.squareRoot() * bb.squareRoot()))))
    }

    /// The Euclidean distance between two vectors of the same shape.
    public static func distance(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Float {
        guard a.shape == b.shape else { throw .shapeMismatch(operation: "distance", a.shape, b.shape) }
        var sum = 0.0
        for i in a.storage.indices {
            let d = Double(a.storage[i]) - Double(b.storage[i])
            sum += d * d
        }
        return Float(sum.squareRoot())
    }

    /// The matrix product with numpy's rules for ranks 1 and 2: a rank-1 left
    /// operand is a row, a rank-1 right operand a column, and that axis is
    /// dropped from the result. So a one-hot row times a table is a lookup.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws(EngineError) -> Tensor {
        guard (1...2).contains(a.rank), (1...2).contains(b.rank) else {
            throw .invalidArgument("matmul takes tensors of rank 1 or 2, not shapes \(describeShape(a.shape)) and \(describeShape(b.shape))")
        }
        let (n, k) = a.rank == 1 ? (1, a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, m) = b.rank == 1 ? (b.shape[0], 1) : (b.shape[0], b.shape[1])
        guard k == k2 else { throw .shapeMismatch(operation: "matmul", a.shape, b.shape) }
        var out = [Float](repeating: 0, count: n * m)
        a.storage.withUnsafeBufferPointer { A in
            b.storage.withUnsafeBufferPointer { B in
                out.withUnsafeMutableBufferPointer { C in
                    for i in 0..<n {
                        for p in 0..<k {
                            let x = A[i * k + p]
                            if x == 0 { continue }
                            for j in 0..<m { C[i * m + j] += x * B[p * m + j] }
                        }
                    }
                }
            }
        }
        var shape: [Int] = []
        if a.rank == 2 { shape.append(n) }
        if b.rank == 2 { shape.append(m) }
        // Rows keep their labels (tokens through a projection stay those tokens).
        return Tensor(shape: shape, storage: out).annotated(a.rank == 2 && b.rank == 2 ? rowLabels(a) : .none)
    }

    /// Swaps the two axes of a matrix; a vector is returned unchanged.
    public static func transpose(_ a: Tensor) throws(EngineError) -> Tensor {
        switch a.rank {
        case 0, 1: return a
        case 2:
            let (r, c) = (a.shape[0], a.shape[1])
            var out = [Float](repeating: 0, count: a.count)
            for i in 0..<r { for j in 0..<c { out[j * r + i] = a.storage[i * c + j] } }
            return Tensor(shape: [c, r], storage: out)
        default:
            throw .invalidArgument("transpose takes a tensor of rank 1 or 2, not shape \(describeShape(a.shape))")
        }
    }

    /// Softmax along the last axis, computed stably (the maximum is
    /// subtracted first), so large scores do not overflow.
    public static func softmax(_ a: Tensor) -> Tensor {
        guard let last = a.shape.last, last > 0 else { return a }
        var out = a.storage
        var start = 0
        while start < out.count {
            let row = start..<(start + last)
            let peak = out[row].max()!
            var sum = 0.0
            for i in row {
                let e = exp(Double(out[i] - peak))
                out[i] = Float(e)
                sum += e
            }
            for i in row { out[i] = Float(Double(out[i]) / sum) }
            start += last
        }
        return Tensor(shape: a.shape, storage: out).annotated(a.annotation)
    }

    private static func rowLabels(_ t: Tensor) -> Tensor.Annotation {
        if case .labels = t.annotation { return t.annotation }
        return .none
    }

    /// A vector of `size` zeros with a 1 at `index`.
    public static func oneHot(_ index: Int, size: Int) throws(EngineError) -> Tensor {
        guard size > 0 else { throw .invalidArgument("a one-hot vector needs a size of at least 1, not \(size)") }
        guard index >= 0, index < size else { throw .idOutOfRange(index, count: size) }
        var values = [Float](repeating: 0, count: size)
        values[index] = 1
        return Tensor(values)
    }

    static func dotDouble(_ a: [Float], _ b: [Float]) -> Double {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var sum = 0.0
                for i in 0..<min(x.count, y.count) { sum += Double(x[i]) * Double(y[i]) }
                return sum
            }
        }
    }
}
