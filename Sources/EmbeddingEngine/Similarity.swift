import COpenBLAS

/// Similarity queries on a table: neighbours, analogies, similarity
/// matrices and the odd one out. Rows are compared by cosine, as gensim's
/// `KeyedVectors` does: every row is scaled to unit length once, and the
/// scores are dot products with a unit query, computed by OpenBLAS.
extension Embedding {
    /// The `k` rows most similar to `query` by cosine, best first, among the
    /// first `restrict` rows (all by default); rows in `excluded` are skipped.
    ///
    /// `k` larger than the rows left gives all of them; `k` of 0 gives none.
    /// A zero query has no direction: every score is 0.
    public func nearest(to query: Tensor, k: Int, excluding excluded: Set<Int> = [],
                        restrict: Int? = nil) throws(EngineError) -> Neighbours {
        guard query.shape == [dim] else { throw .shapeMismatch(operation: "nearest", query.shape, [dim]) }
        return try rank(unit(query.storage), k: k, excluding: excluded, restrict: restrict) { $0 }
    }

    /// "`a` is to `b` as `c` is to ?", by 3CosAdd: the rows closest to
    /// unit(b) − unit(a) + unit(c), the three words excluded, as gensim's
    /// `most_similar(positive: [b, c], negative: [a])` and word2vec's
    /// `compute-accuracy` answer it. Scores are cosines.
    public func analogy(_ a: Int, _ b: Int, _ c: Int, k: Int, restrict: Int? = nil) throws(EngineError) -> Neighbours {
        for id in [a, b, c] where id < 0 || id >= count { throw .idOutOfRange(id, count: count) }
        let (ua, ub, uc) = (unitRow(a), unitRow(b), unitRow(c))
        var query = [Float](repeating: 0, count: dim)
        for j in 0..<dim { query[j] = ub[j] - ua[j] + uc[j] }
        return try rank(unit(query), k: k, excluding: [a, b, c], restrict: restrict) { $0 }
    }

    /// The same question by 3CosMul (Levy and Goldberg, 2014), as gensim's
    /// `most_similar_cosmul`: cosines shifted to [0, 1] by (1 + cos) / 2,
    /// then `cos'(x, b) · cos'(x, c) / (cos'(x, a) + 0.000001)`.
    public func analogyCosMul(_ a: Int, _ b: Int, _ c: Int, k: Int, restrict: Int? = nil) throws(EngineError) -> Neighbours {
        for id in [a, b, c] where id < 0 || id >= count { throw .idOutOfRange(id, count: count) }
        let limit = try rowLimit(restrict)
        let sa = scores(unitRow(a), limit), sb = scores(unitRow(b), limit), sc = scores(unitRow(c), limit)
        var combined = [Float](repeating: 0, count: limit)
        for i in 0..<limit {
            combined[i] = ((1 + sb[i]) / 2) * ((1 + sc[i]) / 2) / ((1 + sa[i]) / 2 + 0.000001)
        }
        return neighbours(combined.withUnsafeBufferPointer { TopK.select($0, k: k, excluding: [a, b, c]) })
    }

    /// The cosine of every pair of `ids`: a symmetric `(n, n)` matrix with
    /// ones on the diagonal (zeros for a zero row).
    public func similarityMatrix(_ ids: [Int]) throws(EngineError) -> Tensor {
        for id in ids where id < 0 || id >= count { throw .idOutOfRange(id, count: count) }
        let rows = ids.map(unitRow)
        var out = [Float](repeating: 0, count: ids.count * ids.count)
        for i in rows.indices {
            for j in rows.indices {
                var dot: Float = 0
                for d in 0..<dim { dot += rows[i][d] * rows[j][d] }
                out[i * ids.count + j] = max(-1, min(1, dot))
            }
        }
        return Tensor(shape: [ids.count, ids.count], storage: out)
            .annotated(.labels(ids.map { vocabulary?.words[$0] ?? String($0) }))
    }

    /// The id among `ids` least like the others, as gensim's
    /// `doesnt_match`: the one whose unit vector has the lowest cosine with
    /// the normalised mean of all their unit vectors.
    public func doesntMatch(_ ids: [Int]) throws(EngineError) -> Int {
        guard ids.count >= 2 else { throw .invalidArgument("the odd one out needs at least two words, not \(ids.count)") }
        for id in ids where id < 0 || id >= count { throw .idOutOfRange(id, count: count) }
        let rows = ids.map(unitRow)
        var mean = [Float](repeating: 0, count: dim)
        for row in rows { for j in 0..<dim { mean[j] += row[j] } }
        mean = unit(mean.map { $0 / Float(ids.count) })
        let scores = rows.map { row in (0..<dim).reduce(Float(0)) { $0 + row[$1] * mean[$1] } }
        // gensim sorts (score, word) pairs: the lowest score wins.
        return ids[scores.indices.min { scores[$0] < scores[$1] }!]
    }

    // MARK: - Helpers

    /// Scores of the unit rows against a unit query, ranked.
    private func rank(_ query: [Float], k: Int, excluding excluded: Set<Int>, restrict: Int?,
                      transform: (Float) -> Float) throws(EngineError) -> Neighbours {
        guard k >= 0 else { throw .invalidArgument("k must be 0 or more, not \(k)") }
        let limit = try rowLimit(restrict)
        let s = scores(query, limit)
        return neighbours(s.withUnsafeBufferPointer { TopK.select($0, k: k, excluding: excluded) })
    }

    private func rowLimit(_ restrict: Int?) throws(EngineError) -> Int {
        guard let restrict else { return count }
        guard restrict > 0 else { throw .invalidArgument("restrict must be positive, not \(restrict)") }
        return min(restrict, count)
    }

    /// Dot products of the first `limit` unit rows with `query` (sgemv).
    func scores(_ query: [Float], _ limit: Int) -> [Float] {
        var out = [Float](repeating: 0, count: limit)
        withUnitRows { table in
            query.withUnsafeBufferPointer { q in
                out.withUnsafeMutableBufferPointer { o in
                    cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(limit), Int32(dim), 1, table.baseAddress, Int32(dim),
                                q.baseAddress, 1, 0, o.baseAddress, 1)
                }
            }
        }
        return out
    }

    private func neighbours(_ ranked: [(id: Int, score: Float)]) -> Neighbours {
        Neighbours(ranked.map { Neighbours.Entry(word: vocabulary?.words[$0.id] ?? String($0.id), score: $0.score) })
    }

    /// `v` scaled to length 1; a zero vector stays zero.
    func unit(_ v: [Float]) -> [Float] {
        var sum: Double = 0
        for x in v { sum += Double(x) * Double(x) }
        guard sum > 0 else { return v }
        let scale = Float(1 / sum.squareRoot())
        return v.map { $0 * scale }
    }
}
