/// Ranked words with their scores, best first: the answer of `nearest` and
/// `analogy`.
public struct Neighbours: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let word: String
        public let score: Float

        public init(word: String, score: Float) {
            self.word = word
            self.score = score
        }
    }

    public let entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    public var words: [String] { entries.map(\.word) }
}

/// Top-k selection without a full sort: one pass keeping the k best so far.
enum TopK {
    /// The `k` highest scores among `scores`, best first, skipping ids in
    /// `excluded`. Ties keep the lower id first; NaN scores are skipped.
    static func select(_ scores: UnsafeBufferPointer<Float>, k: Int, excluding excluded: Set<Int>) -> [(id: Int, score: Float)] {
        guard k > 0 else { return [] }
        if k >= scores.count / 4 {
            // Asking for most of the table: sorting is simpler and no slower.
            return scores.indices.filter { !excluded.contains($0) && !scores[$0].isNaN }
                .sorted { (scores[$0], -$0) > (scores[$1], -$1) }
                .prefix(k).map { ($0, scores[$0]) }
        }
        var best: [(id: Int, score: Float)] = []
        best.reserveCapacity(k + 1)
        var threshold = -Float.infinity
        for id in scores.indices {
            let score = scores[id]
            if best.count == k && !(score > threshold) { continue }
            if score.isNaN || excluded.contains(id) { continue }
            var i = best.count
            while i > 0, best[i - 1].score < score { i -= 1 }
            best.insert((id, score), at: i)
            if best.count > k { best.removeLast() }
            if best.count == k { threshold = best[k - 1].score }
        }
        return best
    }
}
