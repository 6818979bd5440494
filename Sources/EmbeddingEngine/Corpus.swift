/// Training text: sentences of lower-cased tokens, and the vocabulary of
/// words seen at least `minCount` times, most frequent first.
public struct Corpus: Equatable, Sendable {
    public let sentences: [[String]]
    public let vocabulary: Vocabulary
    /// How often each vocabulary word occurs, in vocabulary order.
    public let counts: [Int]

    /// How a line becomes tokens.
    public enum Splitting: Sendable {
        /// Lower-cased runs of letters, digits and apostrophes (the default).
        case words
        /// Whatever whitespace separates, as it is (Python's `str.split()`,
        /// for corpora that are already tokenised).
        case whitespace
    }

    /// Splits `text` into one sentence per non-empty line, and each line into tokens.
    public init(text: String, minCount: Int = 1, splitting: Splitting = .words) throws(EngineError) {
        var sentences: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let tokens = splitting == .words ? Tokenizer.words(in: line)
                : line.split(whereSeparator: \.isWhitespace).map(String.init)
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
        // ASCII text (most corpora) is split byte by byte; anything else goes
        // through Character's Unicode properties.
        var utf8 = Array(text.utf8)
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased()
                .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
                .map(String.init)
        }
        var words: [String] = []
        var start = -1
        for i in utf8.indices {
            let b = utf8[i]
            let isWord = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x27
            if b >= 0x41 && b <= 0x5A { utf8[i] = b + 32 }
            if isWord {
                if start < 0 { start = i }
            } else if start >= 0 {
                words.append(String(decoding: utf8[start..<i], as: UTF8.self))
                start = -1
            }
        }
        if start >= 0 { words.append(String(decoding: utf8[start...], as: UTF8.self)) }
        return words
    }
}
