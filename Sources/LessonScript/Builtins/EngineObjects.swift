import EmbeddingEngine

// How the engine's types appear in the language: names and one-line displays.

extension Embedding: ScriptObject {
    public static let typeName = "Embedding"
    /// `Embedding 50000 × 768`
    public var display: String { "Embedding \(count) × \(dim)" }
    public var summary: String { display }
    public func isEqual(to other: any ScriptObject) -> Bool { (other as? Embedding) === self }
}

extension Vocabulary: ScriptObject {
    public static let typeName = "Vocabulary"
    /// `Vocabulary(king, queen, man, woman)`, the first eight words then a count.
    public var display: String {
        let shown = words.prefix(8).joined(separator: ", ")
        let more = count > 8 ? ", … \(count - 8) more" : ""
        return "Vocabulary(\(shown)\(more))"
    }
    public var summary: String { "Vocabulary of \(count) words" }
    public func isEqual(to other: any ScriptObject) -> Bool { (other as? Vocabulary) == self }
}

extension Neighbours: ScriptObject {
    public static let typeName = "Neighbours"
    /// The top word, so `analogy(…) // => queen` reads naturally.
    public var display: String { entries.first?.word ?? "(none)" }
    /// `Neighbours queen 0.852, monarch 0.768, …`
    public var summary: String {
        let shown = entries.prefix(3).map { "\($0.word) \(TensorFormatter.formatFixed(Double($0.score), decimals: 3))" }
        return "Neighbours " + shown.joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
    }
    public func isEqual(to other: any ScriptObject) -> Bool { (other as? Neighbours) == self }
}

extension Neighbours.Entry: ScriptObject {
    public static let typeName = "Neighbour"
    /// `queen 0.8524`
    public var display: String { "\(word) \(TensorFormatter.formatFixed(Double(score), decimals: 4))" }
    public func isEqual(to other: any ScriptObject) -> Bool { (other as? Neighbours.Entry) == self }
}

extension Corpus: ScriptObject {
    public static let typeName = "Corpus"
    /// `Corpus: 42 sentences, 310 tokens, 57 words`
    public var display: String {
        "Corpus: \(sentences.count) sentences, \(tokenCount) tokens, \(vocabulary.count) words"
    }
    public var summary: String { display }
    public func isEqual(to other: any ScriptObject) -> Bool { (other as? Corpus) == self }
}

extension Projection: ScriptObject {
    public static let typeName = "Projection"
    /// `PCA of 4 words: the axes explain 61% and 24% of the variance`
    public var display: String {
        let a = Int((explained.0 * 100).rounded()), b = Int((explained.1 * 100).rounded())
        return "PCA of \(labels.count) words: the axes explain \(a)% and \(b)% of the variance"
    }
    public var summary: String { display }
    public func isEqual(to other: any ScriptObject) -> Bool { (other as? Projection) == self }
}

extension SkipGram: ScriptObject {
    public static let typeName = "SkipGram"
    /// `SkipGram: 57 words × 16 dims, window 2, 5 negatives, 200 epochs trained`
    public var display: String {
        "SkipGram: \(vocabulary.count) words × \(dim) dims, window \(window), \(negatives) negatives, "
            + "\(epochsTrained) epoch\(epochsTrained == 1 ? "" : "s") trained"
    }
    public var summary: String { display }
    public func isEqual(to other: any ScriptObject) -> Bool { (other as? SkipGram) === self }
}
