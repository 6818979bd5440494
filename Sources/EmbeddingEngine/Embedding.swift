import Dispatch

/// A pointer handed to parallel loops that write disjoint parts of one buffer.
struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
}

/// A lookup table of dense vectors, one row per id, as PyTorch's
/// `nn.Embedding`: a `(count, dim)` weight matrix.
///
/// A class, because training updates the same table that a lesson looks at.
///
/// The rows live in one of three places. A freshly initialised table is not
/// materialised: row `i` is drawn from N(0, 1) by its own generator, seeded
/// from `(seed, i)`, when it is first needed, so `Embedding(vocab: 50_000,
/// dim: 768)` costs nothing until the whole matrix is asked for. Pretrained
/// vectors stay in the memory-mapped file they were read from. Anything else
/// is an ordinary tensor.
public final class Embedding: @unchecked Sendable {
    /// Rows kept outside the engine (a memory-mapped file); `owner` keeps
    /// the memory alive.
    public struct ExternalRows: @unchecked Sendable {
        public let buffer: UnsafeBufferPointer<Float>
        public let owner: AnyObject

        public init(buffer: UnsafeBufferPointer<Float>, owner: AnyObject) {
            self.buffer = buffer
            self.owner = owner
        }
    }

    private enum Rows {
        case random(seed: UInt64)
        case dense(Tensor)
        case external(ExternalRows)
    }

    /// The words of the rows, when the table has them.
    public let vocabulary: Vocabulary?
    public let count: Int
    public let dim: Int

    private var rows: Rows
    /// Unit-length copies of the rows, made on the first similarity query.
    private var unitRows: [Float]?

    /// A table of `count` rows of `dim` values drawn from N(0, 1) with `seed`.
    public init(count: Int, dim: Int, seed: UInt64, vocabulary: Vocabulary? = nil) throws(EngineError) {
        guard count > 0 else { throw .invalidArgument("an embedding needs at least one row, not \(count)") }
        guard dim > 0 else { throw .invalidArgument("an embedding needs a dimension of at least 1, not \(dim)") }
        if let vocabulary, vocabulary.count != count {
            throw .invalidArgument("\(vocabulary.count) words for \(count) rows")
        }
        self.count = count
        self.dim = dim
        self.rows = .random(seed: seed)
        self.vocabulary = vocabulary
    }

    /// A table with one row per word of `vocabulary`, drawn from N(0, 1).
    public convenience init(vocabulary: Vocabulary, dim: Int, seed: UInt64) throws(EngineError) {
        try self.init(count: vocabulary.count, dim: dim, seed: seed, vocabulary: vocabulary)
    }

    /// A table over an existing `(count, dim)` matrix.
    public init(weight: Tensor, vocabulary: Vocabulary? = nil) throws(EngineError) {
        guard weight.rank == 2, weight.shape[0] > 0, weight.shape[1] > 0 else {
            throw .invalidArgument("an embedding's weight must be a non-empty matrix, not shape \(describeShape(weight.shape))")
        }
        if let vocabulary, vocabulary.count != weight.shape[0] {
            throw .invalidArgument("\(vocabulary.count) words for \(weight.shape[0]) rows")
        }
        self.rows = .dense(weight)
        self.vocabulary = vocabulary
        self.count = weight.shape[0]
        self.dim = weight.shape[1]
    }

    /// A table over rows that live elsewhere, read in place (no copy).
    public init(external: ExternalRows, count: Int, dim: Int, vocabulary: Vocabulary?) throws(EngineError) {
        guard count > 0, dim > 0, external.buffer.count == count * dim else {
            throw .invalidArgument("\(external.buffer.count) values cannot be \(count) rows of \(dim)")
        }
        if let vocabulary, vocabulary.count != count {
            throw .invalidArgument("\(vocabulary.count) words for \(count) rows")
        }
        self.rows = .external(external)
        self.vocabulary = vocabulary
        self.count = count
        self.dim = dim
    }

    public var shape: [Int] { [count, dim] }
    /// Learnable numbers in the table: `count · dim`.
    public var parameters: Int { count * dim }

    /// The `(count, dim)` matrix; row `i` is the vector of id `i`. Drawing or
    /// copying it happens here, once.
    public var weight: Tensor {
        switch rows {
        case .dense(let tensor):
            return tensor
        case .external(let external):
            return Tensor(shape: shape, storage: Array(external.buffer))
        case .random:
            var values = [Float](repeating: 0, count: count * dim)
            values.withUnsafeMutableBufferPointer { buffer in
                // Every row has its own generator, so the rows can be drawn on
                // all cores and still come out the same.
                let base = SendablePointer(pointer: buffer.baseAddress!)
                let (count, dim) = (self.count, self.dim)
                let chunks = min(64, count)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for id in stride(from: chunk, to: count, by: chunks) {
                        fillRandomRow(id, into: UnsafeMutableBufferPointer(start: base.pointer + id * dim, count: dim))
                    }
                }
            }
            let matrix = Tensor(shape: shape, storage: values)
            rows = .dense(matrix)
            return matrix
        }
    }

    /// Calls `body` with all rows, contiguous and row-major.
    public func withRows<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        if case .external(let external) = rows { return try body(external.buffer) }
        return try weight.storage.withUnsafeBufferPointer(body)
    }

    /// Row `id` of a table that has not been materialised.
    private func fillRandomRow(_ id: Int, into row: UnsafeMutableBufferPointer<Float>) {
        guard case .random(let seed) = rows else { return }
        var generator = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: id) &* 0x9E37_79B9_7F4A_7C15))
        for j in 0..<row.count { row[j] = generator.nextNormal() }
    }

    // MARK: - Lookup

    /// The vector of one id.
    public func row(_ id: Int) throws(EngineError) -> Tensor {
        try lookup([id], shape: [])
    }

    /// The vector of one word.
    public func row(_ word: String) throws(EngineError) -> Tensor {
        try row(id(of: word))
    }

    /// The id of a word, or an error naming it.
    public func id(of word: String) throws(EngineError) -> Int {
        guard let vocabulary else { throw .invalidArgument("this table has no words; look rows up by id") }
        return try vocabulary.requireID(of: word)
    }

    /// Looks up `ids` laid out in `shape`: the result has shape `shape + [dim]`.
    public func lookup(_ ids: [Int], shape: [Int]) throws(EngineError) -> Tensor {
        for id in ids where id < 0 || id >= count { throw .idOutOfRange(id, count: count) }
        var out = [Float](repeating: 0, count: ids.count * dim)
        out.withUnsafeMutableBufferPointer { buffer in
            for (i, id) in ids.enumerated() {
                let row = UnsafeMutableBufferPointer(rebasing: buffer[(i * dim)..<((i + 1) * dim)])
                if case .random = rows {
                    fillRandomRow(id, into: row)
                } else {
                    withRows { table in
                        for j in 0..<dim { row[j] = table[id * dim + j] }
                    }
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
        rows = .dense(newWeight)
        unitRows = nil
    }

    // MARK: - Unit rows

    /// Calls `body` with every row scaled to length 1 (a zero row stays
    /// zero), as gensim's `fill_norms` prepares them for similarity queries.
    public func withUnitRows<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        if unitRows == nil {
            var out = [Float](repeating: 0, count: count * dim)
            withRows { table in
                out.withUnsafeMutableBufferPointer { o in
                    for id in 0..<count {
                        var sum: Float = 0
                        for j in 0..<dim { sum += table[id * dim + j] * table[id * dim + j] }
                        let scale = sum > 0 ? 1 / sum.squareRoot() : 0
                        for j in 0..<dim { o[id * dim + j] = table[id * dim + j] * scale }
                    }
                }
            }
            unitRows = out
        }
        return try unitRows!.withUnsafeBufferPointer(body)
    }

    /// The unit-length vector of one row.
    public func unitRow(_ id: Int) -> [Float] {
        withUnitRows { Array($0[(id * dim)..<((id + 1) * dim)]) }
    }
}
