import Testing
@testable import EmbeddingEngine

@Suite struct SkipGramTests {
    static let text = """
        the king rules the kingdom
        the queen rules the kingdom
        the dog chases the cat
        the cat chases the mouse
        """

    @Test func analyticGradientsMatchNumericalOnes() throws {
        let model = try SkipGram(corpus: Corpus(text: Self.text), dim: 6, window: 2, negatives: 3, seed: 11)
        _ = try model.train(epochs: 3, lr: 0.05)  // away from the all-zero output vectors
        let (word, context, negatives) = (1, 3, [4, 5, 6])
        let analytic = model.lossAndGradients(word: word, context: context, negatives: negatives)
        let h: Float = 1e-2
        func numerical(output: Bool, row: Int, column: Int) -> Double {
            let original = model.parameter(output: output, row: row, column: column)
            model.setParameter(output: output, row: row, column: column, to: original + h)
            let plus = model.lossAndGradients(word: word, context: context, negatives: negatives).loss
            model.setParameter(output: output, row: row, column: column, to: original - h)
            let minus = model.lossAndGradients(word: word, context: context, negatives: negatives).loss
            model.setParameter(output: output, row: row, column: column, to: original)
            return (plus - minus) / Double(2 * h)
        }
        for k in 0..<6 {
            #expect(abs(numerical(output: false, row: context, column: k) - analytic.input[k]) < 1e-3)
            for target in [word] + negatives {
                #expect(abs(numerical(output: true, row: target, column: k) - analytic.outputs[target]![k]) < 1e-3)
            }
        }
    }

    /// Two topics that never share a sentence: after training, each word is
    /// closer to the words of its own topic than to the other topic's.
    @Test func wordsOfOneTopicEndUpTogether() throws {
        var generator = SeededGenerator(seed: 3)
        let topics = [(0..<8).map { "sea\($0)" }, (0..<8).map { "hill\($0)" }]
        var lines: [String] = []
        for i in 0..<400 {
            let topic = topics[i % 2]
            lines.append((0..<8).map { _ in topic[Int(generator.next() % 8)] }.joined(separator: " "))
        }
        let corpus = try Corpus(text: lines.joined(separator: "\n"))
        let model = try SkipGram(corpus: corpus, dim: 10, window: 3, negatives: 5, seed: 5)
        let losses = try model.train(epochs: 20, lr: 0.05)
        #expect(losses.last! < losses.first!)
        let table = model.embeddings
        var within: [Float] = [], across: [Float] = []
        for a in topics[0] {
            for b in topics[0] where a < b { within.append(try VectorMath.cosine(table.row(a), table.row(b))) }
            for b in topics[1] { across.append(try VectorMath.cosine(table.row(a), table.row(b))) }
        }
        let meanWithin = within.reduce(0, +) / Float(within.count)
        let meanAcross = across.reduce(0, +) / Float(across.count)
        #expect(meanWithin > meanAcross + 0.3, "within \(meanWithin), across \(meanAcross)")
        for word in topics[1] {
            let nearest = try table.nearest(to: table.row(word), k: 1, excluding: [try table.id(of: word)])
            #expect(nearest.words[0].hasPrefix("hill"), "\(word) → \(nearest.words[0])")
        }
    }

    @Test func trainingIsDeterministic() throws {
        let corpus = try Corpus(text: Self.text)
        let a = try SkipGram(corpus: corpus, dim: 8, window: 2, negatives: 3, seed: 1, sample: 0.01)
        let b = try SkipGram(corpus: corpus, dim: 8, window: 2, negatives: 3, seed: 1, sample: 0.01)
        #expect(try a.train(epochs: 5, lr: 0.05) == b.train(epochs: 5, lr: 0.05))
        #expect(a.embeddings.weight == b.embeddings.weight)
    }

    @Test func theAliasTableDrawsInProportion() {
        let (probability, alias) = SkipGram.aliasTable([1, 2, 3, 4])
        var counts = [0, 0, 0, 0]
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<100_000 {
            let r = generator.next()
            let i = Int((r >> 32) % 4)
            let u = Float(r & 0xFFFF_FFFF) * 0x1p-32
            counts[u < probability[i] ? i : Int(alias[i])] += 1
        }
        for (i, c) in counts.enumerated() {
            #expect(abs(Double(c) / 100_000 - Double(i + 1) / 10) < 0.01)
        }
    }

    @Test func badSettingsAreErrors() throws {
        let corpus = try Corpus(text: Self.text)
        #expect(throws: EngineError.self) { try SkipGram(corpus: corpus, dim: 0, window: 2, negatives: 1, seed: 0) }
        #expect(throws: EngineError.self) { try SkipGram(corpus: corpus, dim: 4, window: 0, negatives: 1, seed: 0) }
        #expect(throws: EngineError.self) { try SkipGram(corpus: Corpus(text: "one"), dim: 4, window: 2, negatives: 1, seed: 0) }
        let model = try SkipGram(corpus: corpus, dim: 4, window: 2, negatives: 1, seed: 0)
        #expect(throws: EngineError.self) { try model.train(epochs: 1, lr: 0) }
    }
}
