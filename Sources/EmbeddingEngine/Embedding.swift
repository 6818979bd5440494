/// A lookup table of dense vectors, one row per id, as PyTorch's
/// `nn.Embedding`: a `(count, dim)` weight matrix, initialised from N(0, 1).
///
/// A class, because training updates the same table that a lesson looks at.
public final class Embedding: @unchecked Sendable {
    /// The `(count, dim)` matrix; row `i` is the vector of id `i`.
    public private(set) var weight: Tensor
    /// The words of the rows, when the table has them.
    public let vocabulary: Vocabulary?

    /// A table of `count` rows of `dim` values drawn from N(0, 1) with `seed`.
    public init(count: Int, dim: Int, seed: UInt64) throws(EngineError) {
        guard count > 0 else { throw .invalidArgument("an embedding needs at least one row, not \(count)") }
        guard dim > 0 else { throw .invalidArgument("an embedding needs a dimension of at least 1, not \(dim)") }
        var generator = SeededGenerator(seed: seed)
        var values = [Float](repeating: 0, count: count * dim)
        for i in values.indices { values[i] = generator.nextNormal() }
        self.weight = Tensor(shape: [count, dim], storage: values)
        self.vocabulary = nil
    }

    /// A table with one row per word of `vocabulary`, drawn from N(0, 1).
    public convenience init(vocabulary: Vocabulary, dim: Int, seed: UInt64) throws(EngineError) {
        let random = try Embedding(count: vocabulary.count, dim: dim, seed: seed)
        try self.init(weight: random.weight, vocabulary: vocabulary)
    }

    /// A table over an existing `(count, dim)` matrix.
    public init(weight: Tensor, vocabulary: Vocabulary? = nil) throws(EngineError) {
        guard weight.rank == 2 else {
            throw .invalidArgument("an embedding's weight must have rank 2, not shape \(describeShape(weight.shape))")
        }
        if let vocabulary, vocabulary.count != weight.shape[0] {
            throw .invalidArgument("\(vocabulary.count) words for \(weight.shape[0]) rows")
        }
        self.weight = weight
        self.vocabulary = vocabulary
    }

    public var count: Int { weight.shape[0] }
    public var dim: Int { weight.shape[1] }
    public var shape: [Int] { weight.shape }
    /// Learnable numbers in the table: `count · dim`.
    public var parameters: Int { count * dim }

    /// The vector of one id.
    public func row(_ id: Int) throws(EngineError) -> Tensor {
        guard id >= 0, id < count else { throw .idOutOfRange(id, count: count) }
        return Tensor(shape: [dim], storage: Array(weight.storage[(id * dim)..<((id + 1) * dim)]))
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
        var out = [Float]()
        out.reserveCapacity(ids.count * dim)
        try weight.storage.withUnsafeBufferPointer { (table) throws(EngineError) in
            for id in ids {
                guard id >= 0, id < count else { throw .idOutOfRange(id, count: count) }
                out.append(contentsOf: table[(id * dim)..<((id + 1) * dim)])
            }
        }
        return Tensor(shape: shape + [dim], storage: out)
    }

    /// Replaces the whole matrix (training does this); the shape must not change.
    public func update(_ newWeight: Tensor) throws(EngineError) {
        guard newWeight.shape == weight.shape else {
            throw .shapeMismatch(operation: "update", weight.shape, newWeight.shape)
        }
        weight = newWeight
    }
}
