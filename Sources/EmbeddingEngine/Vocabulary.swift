/// Ordered, distinct words: a word's id is its position.
public struct Vocabulary: Equatable, Sendable {
    public let words: [String]
    private let ids: [String: Int]

    /// Builds a vocabulary; a repeated word is an error that names it.
    public init(_ words: [String]) throws(EngineError) {
        var ids: [String: Int] = [:]
        ids.reserveCapacity(words.count)
        for (i, word) in words.enumerated() {
            if ids.updateValue(i, forKey: word) != nil {
                throw .invalidArgument("the word '\(word)' appears twice in the vocabulary")
            }
        }
        self.words = words
        self.ids = ids
    }

    public var count: Int { words.count }

    /// The id of `word`, or `nil` when it is not in the vocabulary.
    public func id(of word: String) -> Int? { ids[word] }

    /// The id of `word`, or an error naming it.
    public func requireID(of word: String) throws(EngineError) -> Int {
        if let id = ids[word] { return id }
        throw .notInVocabulary(word)
    }

    /// The word with `id`, or an error when it is out of range.
    public func word(at id: Int) throws(EngineError) -> String {
        guard id >= 0, id < words.count else { throw .idOutOfRange(id, count: words.count) }
        return words[id]
    }
}
