import Testing
@testable import EmbeddingEngine

/// A table small enough to check by hand: four words in two dimensions.
private func toyTable() throws -> Embedding {
    try Embedding(weight: Tensor(shape: [5, 2], storage: [
        3, 1,    // king
        3, -1,   // queen
        1, 1,    // man
        1, -1,   // woman
        -1, 0,   // apple
    ]), vocabulary: Vocabulary(["king", "queen", "man", "woman", "apple"]))
}

@Suite struct SimilarityTests {
    @Test func analogyExcludesTheQuestionWords() throws {
        let e = try toyTable()
        let n = try e.analogy(2, 0, 3, k: 2)  // man : king :: woman : ?
        #expect(n.words == ["queen", "apple"])
        // unit(king) − unit(man) + unit(woman), then the cosine with unit(queen).
        let u = { (v: [Float]) -> [Float] in let l = (v[0] * v[0] + v[1] * v[1]).squareRoot(); return v.map { $0 / l } }
        let (k, m, w, q) = (u([3, 1]), u([1, 1]), u([1, -1]), u([3, -1]))
        let query = u([k[0] - m[0] + w[0], k[1] - m[1] + w[1]])
        #expect(abs(n.entries[0].score - (query[0] * q[0] + query[1] * q[1])) < 1e-6)
    }

    @Test func cosMulFollowsLevyAndGoldberg() throws {
        let e = try toyTable()
        let n = try e.analogyCosMul(2, 0, 3, k: 1)
        let cos = { (a: Int, b: Int) throws -> Float in try VectorMath.cosine(e.row(a), e.row(b)) }
        let expected = try ((1 + cos(1, 0)) / 2) * ((1 + cos(1, 3)) / 2) / ((1 + cos(1, 2)) / 2 + 0.000001)
        #expect(n.words == ["queen"])
        #expect(abs(n.entries[0].score - expected) < 1e-5)
    }

    @Test func nearestRestrictsAndExcludes() throws {
        let e = try toyTable()
        #expect(try e.nearest(to: Tensor([1, 0]), k: 2).words == ["king", "queen"])
        #expect(try e.nearest(to: Tensor([1, 0]), k: 5, restrict: 2).words.count == 2)
        #expect(try e.nearest(to: Tensor([0, 0]), k: 1).entries.first?.score == 0)
        #expect(throws: EngineError.self) { try e.nearest(to: Tensor([1, 0, 0]), k: 1) }
    }

    @Test func similarityMatrixIsSymmetricWithUnitDiagonal() throws {
        let s = try toyTable().similarityMatrix([0, 1, 4])
        #expect(s.shape == [3, 3])
        #expect(abs(s.storage[0] - 1) < 1e-6 && abs(s.storage[4] - 1) < 1e-6)
        #expect(s.storage[1] == s.storage[3])
    }

    @Test func theOddOneOutIsFarthestFromTheMean() throws {
        #expect(try toyTable().doesntMatch([0, 1, 2, 4]) == 4)
        #expect(throws: EngineError.self) { try toyTable().doesntMatch([0]) }
    }

    @Test func pcaIsDeterministicWithPositiveLargestCoordinates() throws {
        let m = Tensor(shape: [4, 3], storage: [2, 0, 0, -2, 0, 0, 0, 1, 0, 0, -1, 0.5])
        let p = try PCA.project(m, labels: ["a", "b", "c", "d"])
        #expect(p.explained.0 > p.explained.1)
        #expect(abs(p.explained.0 + p.explained.1 - 1) < 0.05)
        let xs = p.points.map(\.0)
        #expect(xs.max()! >= abs(xs.min()!))
        #expect(try PCA.project(m, labels: ["a", "b", "c", "d"]) == p)
    }
}

@Suite struct EvaluationTests {
    @Test func analogyEvaluationCountsSectionsAndSkips() throws {
        let text = """
            : family
            man king woman queen
            man king woman apple
            : gram-test
            man woman king queen
            man king woman unknownword
            """
        let result = try AnalogyEvaluation.run(text, table: toyTable())
        #expect(result.sections.map(\.name) == ["family", "gram-test"])
        #expect(result.sections[0].correct == 1 && result.sections[0].total == 2)
        #expect(result.sections[1].skipped == 1)
        #expect(result.semantic.total == 2 && result.syntactic.total == 1)
    }

    @Test func ranksShareTiesLikeScipy() {
        #expect(Statistics.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        #expect(abs(Statistics.pearson([1, 2, 3], [2, 4, 6]) - 1) < 1e-12)
        #expect(Statistics.pearson([1, 1, 1], [1, 2, 3]) == 0)
    }

    @Test func retrievalRanksDocumentsByMeanVector() throws {
        let e = try toyTable()
        let query = try #require(Retrieval.embed("King QUEEN", in: e)).vector
        #expect(query.storage == [3, 0])
        let ranked = try Retrieval.rank(query, documents: ["apple", "the king", "nothing known"], in: e, k: 3, metric: .cosine)
        #expect(ranked.words == ["the king", "nothing known", "apple"])
        #expect(Retrieval.embed("nothing known", in: e) == nil)
    }
}
