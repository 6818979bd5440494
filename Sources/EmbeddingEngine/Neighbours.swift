/// Ranked words with their scores, best first: the answer of `nearest` and
/// `analogy`.
public struct Neighbours: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let word: String
        public let score: Float
    }

    public let entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    public var words: [String] { entries.map(\.word) }
}

extension Embedding {
    /// The `k` rows most similar to `query` by cosine, best first; rows in
    /// `excluded` are skipped. Ties keep the lower id first.
    ///
    /// `k` larger than the rows left gives all of them; `k` of 0 gives none.
    /// A zero query scores 0 against every row.
    public func nearest(to query: Tensor, k: Int, excluding excluded: Set<Int> = []) throws(EngineError) -> Neighbours {
        guard let vocabulary else { throw .invalidArgument("this table has no words to rank; it was built from ids") }
        guard query.shape == [dim] else { throw .shapeMismatch(operation: "nearest", query.shape, [dim]) }
        guard k >= 0 else { throw .invalidArgument("k must be 0 or more, not \(k)") }
        let queryNorm = VectorMath.norm(query)
        var best: [(score: Float, id: Int)] = []
        best.reserveCapacity(k + 1)
        weight.storage.withUnsafeBufferPointer { table in
            query.storage.withUnsafeBufferPointer { q in
                for id in 0..<count where !excluded.contains(id) {
                    var dot = 0.0, norm2 = 0.0
                    let base = id * dim
                    for j in 0..<dim {
                        let x = Double(table[base + j])
                        dot += x * Double(q[j])
                        norm2 += x * x
                    }
                    let score = (norm2 > 0 && queryNorm > 0) ? Float(dot / (norm2.squareRoot() * Double(queryNorm))) : 0
                    // Partial selection: keep the k best seen so far, sorted.
                    if best.count == k, let last = best.last, score <= last.score { continue }
                    var i = best.count
                    while i > 0, best[i - 1].score < score { i -= 1 }
                    best.insert((score, id), at: i)
                    if best.count > k { best.removeLast() }
                }
            }
        }
        return Neighbours(best.map { Neighbours.Entry(word: vocabulary.words[$0.id], score: $0.score) })
    }
}
