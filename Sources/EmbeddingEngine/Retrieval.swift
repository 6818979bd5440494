/// Documents as vectors, ranked against a query: the retrieval step of RAG
/// in miniature.
public enum Retrieval {
    public enum Metric: String, Sendable, CaseIterable {
        /// The angle only: long and short documents compete fairly.
        case cosine
        /// Length counts too: vectors with large norms score high.
        case dot
    }

    /// The mean of the vectors of the words of `text` that the table knows
    /// (lower-cased tokens). `nil` when it knows none of them.
    public static func embed(_ text: String, in table: Embedding) -> (vector: Tensor, known: Int)? {
        guard let vocabulary = table.vocabulary else { return nil }
        let ids = Tokenizer.words(in: text).compactMap { vocabulary.id(of: $0) }
        guard !ids.isEmpty, let rows = try? table.lookup(ids, shape: [ids.count]) else { return nil }
        var mean = [Float](repeating: 0, count: table.dim)
        for i in 0..<ids.count { for j in 0..<table.dim { mean[j] += rows.storage[i * table.dim + j] } }
        return (Tensor(mean.map { $0 / Float(ids.count) }), ids.count)
    }

    /// Documents ranked by `metric` against `query`, best first, `k` of
    /// them. A document with no known word scores 0 (it has no vector).
    /// Ties keep the documents' order.
    public static func rank(_ query: Tensor, documents: [String], in table: Embedding, k: Int,
                            metric: Metric) throws(EngineError) -> Neighbours {
        guard k >= 0 else { throw .invalidArgument("k must be 0 or more, not \(k)") }
        var scored: [(index: Int, score: Float)] = []
        for (i, document) in documents.enumerated() {
            var score: Float = 0
            if let (vector, _) = embed(document, in: table) {
                score = metric == .cosine ? try VectorMath.cosine(query, vector) : try VectorMath.dot(query, vector)
            }
            scored.append((i, score))
        }
        scored.sort { ($0.score, -$0.index) > ($1.score, -$1.index) }
        return Neighbours(scored.prefix(k).map { Neighbours.Entry(word: documents[$0.index], score: $0.score) })
    }
}
