import COpenBLAS
import Dispatch

/// The Google analogy test set (`: section` lines, then `a b c d` lines),
/// scored as gensim's `evaluate_word_analogies` scores it.
public struct AnalogyEvaluation: Sendable {
    public struct Section: Sendable, Equatable {
        public var name: String
        public var correct: Int
        /// Questions asked: all four words known.
        public var total: Int
        /// Questions skipped because a word is not in the first `restrict` rows.
        public var skipped: Int
        /// gensim's convention: sections named `gram…` are syntactic, the rest semantic.
        public var isSyntactic: Bool { name.hasPrefix("gram") }
        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
    }

    public var sections: [Section]

    public var semantic: Section { sum("semantic", sections.filter { !$0.isSyntactic }) }
    public var syntactic: Section { sum("syntactic", sections.filter(\.isSyntactic)) }
    public var total: Section { sum("total", sections) }

    private func sum(_ name: String, _ parts: [Section]) -> Section {
        Section(name: name, correct: parts.reduce(0) { $0 + $1.correct }, total: parts.reduce(0) { $0 + $1.total },
                skipped: parts.reduce(0) { $0 + $1.skipped })
    }

    /// A question: "a is to b as c is to d".
    struct Question {
        var a, b, c, d: Int
    }

    /// Scores every question in `text` against the first `restrict` rows of
    /// `table` (all rows by default). Words are matched case-insensitively;
    /// a question with a word outside those rows is skipped. The answer is
    /// the best row by 3CosAdd other than a, b and c.
    ///
    /// The scores of a batch of questions against all rows are one sgemm;
    /// the best row of each question is then found on both cores.
    public static func run(_ text: String, table: Embedding, restrict: Int? = nil) throws(EngineError) -> AnalogyEvaluation {
        guard let vocabulary = table.vocabulary else { throw .invalidArgument("the table has no words to evaluate") }
        let limit = min(restrict ?? table.count, table.count)
        guard limit > 0 else { throw .invalidArgument("restrict must be positive, not \(restrict ?? 0)") }
        var index: [String: Int] = [:]
        for id in stride(from: limit - 1, through: 0, by: -1) { index[vocabulary.words[id].lowercased()] = id }

        var sections: [Section] = []
        var questions: [(section: Int, question: Question)] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            if fields[0].hasPrefix(":") {
                let name = line.dropFirst().trimmingSpaces
                sections.append(Section(name: name, correct: 0, total: 0, skipped: 0))
                continue
            }
            guard fields.count == 4 else {
                throw .invalidArgument("line \(lineNumber): a question needs four words, not \(fields.count)")
            }
            if sections.isEmpty { sections.append(Section(name: "questions", correct: 0, total: 0, skipped: 0)) }
            let ids = fields.map { index[$0.lowercased()] }
            if ids.contains(where: { $0 == nil }) {
                sections[sections.count - 1].skipped += 1
            } else {
                sections[sections.count - 1].total += 1
                questions.append((sections.count - 1, Question(a: ids[0]!, b: ids[1]!, c: ids[2]!, d: ids[3]!)))
            }
        }
        let answers = answer(questions.map(\.question), table: table, limit: limit)
        for (i, entry) in questions.enumerated() where answers[i] == entry.question.d {
            sections[entry.section].correct += 1
        }
        return AnalogyEvaluation(sections: sections)
    }

    /// The 3CosAdd answer to each question among the first `limit` rows.
    static func answer(_ questions: [Question], table: Embedding, limit: Int) -> [Int] {
        let dim = table.dim
        let batch = 256
        var answers = [Int](repeating: -1, count: questions.count)
        var queries = [Float](repeating: 0, count: batch * dim)
        var scores = [Float](repeating: 0, count: batch * limit)
        table.withUnitRows { rows in
            var start = 0
            while start < questions.count {
                let n = min(batch, questions.count - start)
                for i in 0..<n {
                    let q = questions[start + i]
                    for j in 0..<dim {
                        queries[i * dim + j] = rows[q.b * dim + j] - rows[q.a * dim + j] + rows[q.c * dim + j]
                    }
                }
                queries.withUnsafeBufferPointer { qs in
                    scores.withUnsafeMutableBufferPointer { s in
                        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(limit), Int32(dim),
                                    1, qs.baseAddress, Int32(dim), rows.baseAddress, Int32(dim), 0, s.baseAddress, Int32(limit))
                    }
                }
                scores.withUnsafeBufferPointer { s in
                    answers.withUnsafeMutableBufferPointer { out in
                        let base = UnsafeSendable(s: s, out: out)
                        let start = start
                        DispatchQueue.concurrentPerform(iterations: 2) { half in
                            for i in stride(from: half, to: n, by: 2) {
                                let q = questions[start + i]
                                var best = -1
                                var bestScore = -Float.infinity
                                let row = base.s.baseAddress! + i * limit
                                for j in 0..<limit where row[j] > bestScore && j != q.a && j != q.b && j != q.c {
                                    best = j
                                    bestScore = row[j]
                                }
                                base.out[start + i] = best
                            }
                        }
                    }
                }
                start += n
            }
        }
        return answers
    }

    /// Buffers handed to both halves of a parallel loop; they write disjoint elements.
    private struct UnsafeSendable: @unchecked Sendable {
        let s: UnsafeBufferPointer<Float>
        let out: UnsafeMutableBufferPointer<Int>
    }
}

/// Word-pair similarity judgements (`word1<TAB>word2<TAB>score`, `#`
/// comments) against the table's cosines, as gensim's `evaluate_word_pairs`.
public struct PairEvaluation: Sendable, Equatable {
    public var pearson: Double
    public var spearman: Double
    /// Pairs used and pairs skipped because a word is unknown.
    public var used: Int
    public var skipped: Int
    /// The share of pairs skipped, in percent, as gensim reports it.
    public var skippedPercent: Double { used + skipped == 0 ? 0 : Double(skipped) / Double(used + skipped) * 100 }

    public static func run(_ text: String, table: Embedding, restrict: Int? = nil) throws(EngineError) -> PairEvaluation {
        guard let vocabulary = table.vocabulary else { throw .invalidArgument("the table has no words to evaluate") }
        let limit = min(restrict ?? table.count, table.count)
        var index: [String: Int] = [:]
        for id in stride(from: limit - 1, through: 0, by: -1) { index[vocabulary.words[id].lowercased()] = id }
        var gold: [Double] = [], model: [Double] = []
        var skipped = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let score = Double(fields[2].trimmingSpaces) else {
                throw .invalidArgument("line \(lineNumber): expected 'word1<TAB>word2<TAB>score'")
            }
            guard let a = index[fields[0].trimmingSpaces.lowercased()], let b = index[fields[1].trimmingSpaces.lowercased()] else {
                skipped += 1
                continue
            }
            gold.append(score)
            model.append(Double(try VectorMath.cosine(table.row(a), table.row(b))))
        }
        guard gold.count >= 2 else { throw .invalidArgument("fewer than two pairs have both words in the vocabulary") }
        return PairEvaluation(pearson: Statistics.pearson(gold, model),
                              spearman: Statistics.pearson(Statistics.ranks(gold), Statistics.ranks(model)),
                              used: gold.count, skipped: skipped)
    }
}

/// Correlations, as scipy computes them.
public enum Statistics {
    /// Pearson's r; 0 when either side is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    /// 1-based ranks, ties sharing their average rank (Spearman's ρ is
    /// Pearson's r of these).
    public static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, x[order[j + 1]] == x[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = average }
            i = j + 1
        }
        return ranks
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
