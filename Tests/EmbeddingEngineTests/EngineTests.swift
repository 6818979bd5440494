import Testing
@testable import EmbeddingEngine

@Suite struct TensorTests {
    let t = Tensor(shape: [2, 3, 4], storage: (0..<24).map(Float.init))

    @Test func slicesLikeNumpy() throws {
        #expect(try t.slice([.at(1), .at(2), .at(3)]).storage == [23])
        #expect(try t.slice([.at(1), .at(2), .at(3)]).shape == [])
        #expect(try t.slice([.at(0), .at(1), .range(0..<2)]) == Tensor([4, 5]))
        #expect(try t.slice([.at(1)]).shape == [3, 4])
        #expect(try t.slice([.range(0..<2), .at(0)]).storage == [0, 1, 2, 3, 12, 13, 14, 15])
    }

    @Test func outOfRangeIndicesAreErrors() {
        #expect(throws: EngineError.indexOutOfRange(2, axis: 0, size: 2)) { try t.slice([.at(2)]) }
        #expect(throws: EngineError.self) { try t.slice([.at(0), .at(0), .at(0), .at(0)]) }
        #expect(throws: EngineError.self) { try t.slice([.range(0..<9)]) }
    }

    @Test func elementwiseBroadcastsScalarsAndNamesBothShapes() throws {
        let a = Tensor([1, 2, 3])
        #expect(try Tensor.elementwise(a, Tensor(scalar: 2), "*", *) == Tensor([2, 4, 6]))
        #expect(try Tensor.elementwise(a, a, "+", +) == Tensor([2, 4, 6]))
        #expect(throws: EngineError.shapeMismatch(operation: "+", [3], [2])) {
            try Tensor.elementwise(a, Tensor([1, 2]), "+", +)
        }
    }

    @Test func byteCountSaturates() {
        #expect(Tensor.byteCount(of: [50_000, 768]) == 153_600_000)
        #expect(Tensor.byteCount(of: [Int.max, 4]) == Int.max)
    }
}

@Suite struct VocabularyAndEmbeddingTests {
    @Test func vocabularyMapsBothWays() throws {
        let v = try Vocabulary(["king", "queen"])
        #expect(v.id(of: "queen") == 1)
        #expect(try v.word(at: 0) == "king")
        #expect(throws: EngineError.notInVocabulary("kingg")) { try v.requireID(of: "kingg") }
        #expect(throws: EngineError.idOutOfRange(2, count: 2)) { try v.word(at: 2) }
        #expect(throws: EngineError.self) { try Vocabulary(["a", "a"]) }
    }

    @Test func lookupOfAnyNestingAddsTheDimension() throws {
        let e = try Embedding(count: 50_000, dim: 768, seed: 0)
        let out = try e.lookup([1, 45, 234], shape: [1, 3])
        #expect(out.shape == [1, 3, 768])
        #expect(try out.slice([.at(0), .at(1)]) == e.row(45))
        #expect(e.parameters == 38_400_000)
        #expect(throws: EngineError.idOutOfRange(50_000, count: 50_000)) { try e.lookup([50_000], shape: [1]) }
    }

    @Test func rowsAreTheSameWhetherLookedUpOrMaterialised() throws {
        let e = try Embedding(count: 20, dim: 8, seed: 3)
        let before = try e.row(7)
        let weight = e.weight
        #expect(try weight.slice([.at(7)]) == before)
        #expect(try e.row(7) == before)
    }

    @Test func seedsAreDeterministicAndDistinct() throws {
        let a = try Embedding(count: 4, dim: 16, seed: 1).weight
        let b = try Embedding(count: 4, dim: 16, seed: 1).weight
        let c = try Embedding(count: 4, dim: 16, seed: 2).weight
        #expect(a == b)
        #expect(a != c)
    }

    @Test func initialisationIsStandardNormal() throws {
        let w = try Embedding(count: 1000, dim: 100, seed: 0).weight.storage.map(Double.init)
        let mean = w.reduce(0, +) / Double(w.count)
        let variance = w.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(w.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.02)
    }
}

@Suite struct VectorMathTests {
    @Test func cosineNormAndDot() throws {
        #expect(try VectorMath.dot(Tensor([1, 2, 3]), Tensor([4, 5, 6])) == 32)
        #expect(VectorMath.norm(Tensor([3, 4])) == 5)
        #expect(abs(try VectorMath.cosine(Tensor([1, 0]), Tensor([1, 1])) - 0.70710677) < 1e-6)
        #expect(try VectorMath.distance(Tensor([0, 0]), Tensor([3, 4])) == 5)
    }

    @Test func zeroVectorsHaveNoDirection() throws {
        #expect(try VectorMath.cosine(Tensor([0, 0]), Tensor([1, 1])) == 0)
        #expect(VectorMath.normalize(Tensor([0, 0])) == Tensor([0, 0]))
    }

    @Test func matmulFollowsNumpyForRanksOneAndTwo() throws {
        let m = Tensor(shape: [2, 3], storage: [1, 2, 3, 4, 5, 6])
        #expect(try VectorMath.matmul(Tensor([1, 0]), m) == Tensor([1, 2, 3]))
        #expect(try VectorMath.matmul(m, Tensor([1, 1, 1])) == Tensor([6, 15]))
        #expect(try VectorMath.matmul(m, VectorMath.transpose(m)).shape == [2, 2])
        #expect(throws: EngineError.shapeMismatch(operation: "matmul", [2, 3], [2, 3])) { try VectorMath.matmul(m, m) }
    }

    @Test func oneHotTimesTableIsALookup() throws {
        let e = try Embedding(count: 10, dim: 4, seed: 5)
        #expect(try VectorMath.matmul(VectorMath.oneHot(6, size: 10), e.weight) == e.row(6))
    }

    @Test func softmaxIsStableAndSumsToOne() {
        let s = VectorMath.softmax(Tensor([1000, 1000, 1000]))
        #expect(s.storage.allSatisfy { abs($0 - 1.0 / 3) < 1e-6 })
        let r = VectorMath.softmax(Tensor(shape: [2, 2], storage: [0, 0, 0, 100]))
        #expect(r.storage[0] == 0.5 && r.storage[3] > 0.999)
    }

    @Test func nearestRanksByCosineAndCapsK() throws {
        let v = try Vocabulary(["a", "b", "c"])
        let e = try Embedding(weight: Tensor(shape: [3, 2], storage: [1, 0, 0.9, 0.1, -1, 0]), vocabulary: v)
        let n = try e.nearest(to: Tensor([1, 0]), k: 10)
        #expect(n.words == ["a", "b", "c"])
        #expect(try e.nearest(to: Tensor([1, 0]), k: 1, excluding: [0]).words == ["b"])
        #expect(try e.nearest(to: Tensor([1, 0]), k: 0).words.isEmpty)
    }

    @Test func generatorIsReproducible() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }
}

@Suite struct CorpusTests {
    @Test func tokenisesAndCountsByFrequency() throws {
        let c = try Corpus(text: "The king and the queen.\n\nThe man, the woman\n")
        #expect(c.sentences.count == 2)
        #expect(c.tokenCount == 9)
        #expect(c.vocabulary.words.first == "the")
        #expect(c.counts.first == 4)
    }
}
