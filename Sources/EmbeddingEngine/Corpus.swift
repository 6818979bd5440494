/// Training text: sentences of lower-cased tokens, and the vocabulary of
/// words seen at least `minCount` times, most frequent first.
public struct Corpus: Equatable, Sendable {
    public let sentences: [[String]]
    public let vocabulary: Vocabulary
    /// How often each vocabulary word occurs, in vocabulary order.
    public let counts: [Int]

    /// Splits `text` into one sentence per non-empty line and tokens at
    /// anything that is not a letter, a digit or an apostrophe.
    public init(text: String, minCount: Int = 1) throws(EngineError) {
        var sentences: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let tokens = Tokenizer.words(in: line)
            if !tokens.isEmpty { sentences.append(tokens) }
        }
        try self.init(sentences: sentences, minCount: minCount)
    }

    public init(sentences: [[String]], minCount: Int = 1) throws(EngineError) {
        var frequency: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for token in sentences.joined() {
            frequency[token, default: 0] += 1
            if firstSeen[token] == nil { firstSeen[token] = firstSeen.count }
        }
        // Most frequent first; ties in order of first appearance, so the
        // vocabulary does not depend on hashing.
        let kept = frequency.filter { $0.value >= max(1, minCount) }.keys
            .sorted { (frequency[$0]!, -firstSeen[$0]!) > (frequency[$1]!, -firstSeen[$1]!) }
        self.sentences = sentences
        self.vocabulary = try Vocabulary(kept)
        self.counts = kept.map { frequency[$0]! }
    }

    /// Tokens in all sentences.
    public var tokenCount: Int { sentences.reduce(0) { $0 + $1.count } }
}

/// How text becomes tokens, everywhere in the engine: lower-cased runs of
/// letters, digits and apostrophes.
public enum Tokenizer {
    public static func words<S: StringProtocol>(in text: S) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            .map(String.init)
    }
}
