/// A lookup table of dense vectors, one row per id, as PyTorch's
/// `nn.Embedding`: a `(count, dim)` weight matrix, initialised from N(0, 1).
///
/// A class, because training updates the same table that a lesson looks at.
///
/// A freshly initialised table is not materialised: row `i` is drawn from
/// its own generator, seeded from `(seed, i)`, when it is first needed. So
/// `Embedding(vocab: 50_000, dim: 768)` costs nothing until the whole matrix
/// is asked for, and a row has the same values whichever way it is read.
public final class Embedding: @unchecked Sendable {
    /// The words of the rows, when the table has them.
    public let vocabulary: Vocabulary?
    public let count: Int
    public let dim: Int

    private var dense: Tensor?
    private let seed: UInt64

    /// A table of `count` rows of `dim` values drawn from N(0, 1) with `seed`.
    public init(count: Int, dim: Int, seed: UInt64, vocabulary: Vocabulary? = nil) throws(EngineError) {
        guard count > 0 else { throw .invalidArgument("an embedding needs at least one row, not \(count)") }
        guard dim > 0 else { throw .invalidArgument("an embedding needs a dimension of at least 1, not \(dim)") }
        self.count = count
        self.dim = dim
        self.seed = seed
        self.vocabulary = vocabulary
    }

    /// A table with one row per word of `vocabulary`, drawn from N(0, 1).
    public convenience init(vocabulary: Vocabulary, dim: Int, seed: UInt64) throws(EngineError) {
        try self.init(count: vocabulary.count, dim: dim, seed: seed, vocabulary: vocabulary)
    }

    /// The `(count, dim)` matrix; row `i` is the vector of id `i`.
    public var weight: Tensor {
        if let dense { return dense }
        var values = [Float](repeating: 0, count: count * dim)
        values.withUnsafeMutableBufferPointer { buffer in
            for id in 0..<count { fillRandomRow(id, into: UnsafeMutableBufferPointer(rebasing: buffer[(id * dim)..<((id + 1) * dim)])) }
        }
        let matrix = Tensor(shape: [count, dim], storage: values)
        dense = matrix
        return matrix
    }

    /// Row `id` of a table that has not been materialised.
    private func fillRandomRow(_ id: Int, into row: UnsafeMutableBufferPointer<Float>) {
        var generator = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: id) &* 0x9E37_79B9_7F4A_7C15))
        for j in 0..<row.count { row[j] = generator.nextNormal() }
    }

    /// A table over an existing `(count, dim)` matrix.
    public init(weight: Tensor, vocabulary: Vocabulary? = nil) throws(EngineError) {
        guard weight.rank == 2 else {
            throw .invalidArgument("an embedding's weight must have rank 2, not shape \(describeShape(weight.shape))")
        }
        if let vocabulary, vocabulary.count != weight.shape[0] {
            throw .invalidArgument("\(vocabulary.count) words for \(weight.shape[0]) rows")
        }
        self.dense = weight
        self.vocabulary = vocabulary
        self.count = weight.shape[0]
        self.dim = weight.shape[1]
        self.seed = 0
    }

    public var shape: [Int] { [count, dim] }
    /// Learnable numbers in the table: `count · dim`.
    public var parameters: Int { count * dim }

    /// The vector of one id.
    public func row(_ id: Int) throws(EngineError) -> Tensor {
        guard id >= 0, id < count else { throw .idOutOfRange(id, count: count) }
        return try lookup([id], shape: [])
    }

    /// The vector of one word.
    public func row(_ word: String) throws(EngineError) -> Tensor {
        guard let vocabulary else {
            throw .invalidArgument("this table has no words; look rows up by id")
        }
        return try row(vocabulary.requireID(of: word))
    }

    /// Looks up `ids` laid out in `shape`: the result has shape `shape + [dim]`.
    public func lookup(_ ids: [Int], shape: [Int]) throws(EngineError) -> Tensor {
        for id in ids where id < 0 || id >= count { throw .idOutOfRange(id, count: count) }
        var out = [Float](repeating: 0, count: ids.count * dim)
        out.withUnsafeMutableBufferPointer { buffer in
            for (i, id) in ids.enumerated() {
                let row = UnsafeMutableBufferPointer(rebasing: buffer[(i * dim)..<((i + 1) * dim)])
                if let dense {
                    dense.storage.withUnsafeBufferPointer { table in
                        for j in 0..<dim { row[j] = table[id * dim + j] }
                    }
                } else {
                    fillRandomRow(id, into: row)
                }
            }
        }
        return Tensor(shape: shape + [dim], storage: out)
    }

    /// Replaces the whole matrix (training does this); the shape must not change.
    public func update(_ newWeight: Tensor) throws(EngineError) {
        guard newWeight.shape == shape else {
            throw .shapeMismatch(operation: "update", shape, newWeight.shape)
        }
        dense = newWeight
    }
}
