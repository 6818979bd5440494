/// "Did you mean …?": the nearest candidate by edit distance, when one is
/// near enough to be the obvious fix.
public enum Suggestions {
    /// The candidate closest to `word`, or `nil` when none is within a third
    /// of the word's length (at least one edit, at most three).
    public static func nearest<S: Sequence>(to word: String, in candidates: S) -> String?
    where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        let exactTarget = Array(word.unicodeScalars)
        guard !target.isEmpty, target.count <= 64 else { return nil }
        let limit = max(1, min(3, target.count / 3))
        // Ranked by distance ignoring case, then by distance with case, then by name.
        var best: (String, Int, Int)?
        for candidate in candidates where candidate != word {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            if abs(scalars.count - target.count) > limit { continue }
            let d = distance(target, scalars, limit: limit)
            guard d <= limit else { continue }
            let exact = distance(exactTarget, Array(candidate.unicodeScalars), limit: limit + 3)
            if let b = best, (d, exact, candidate) >= (b.1, b.2, b.0) { continue }
            best = (candidate, d, exact)
        }
        return best?.0
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, stopping
    /// early once every path is over `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
