#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// word2vec's skip-gram with negative sampling (Mikolov et al., 2013), as
/// the original C code trains it: each word of a sentence predicts the
/// words around it within a randomly shrunk window; the true context word
/// is pushed towards it and `negatives` words drawn from the unigram
/// distribution raised to 0.75 are pushed away; the learning rate falls
/// linearly to a floor. Seeded and single-threaded, so a seed gives the
/// same vectors on every run.
public final class SkipGram: @unchecked Sendable {
    public let vocabulary: Vocabulary
    public let dim: Int
    public let window: Int
    public let negatives: Int
    /// word2vec's `sample`: frequent words are randomly skipped so that a
    /// word making up more than this share of the corpus is kept less
    /// often. 0 keeps every word.
    public let sample: Double
    public private(set) var epochsTrained = 0
    /// The mean loss of every epoch trained so far.
    public private(set) var lossHistory: [Float] = []
    /// Words trained on in the last `train` call, after down-sampling
    /// (gensim's "effective words").
    public private(set) var effectiveWords = 0

    /// The learned table: the input vectors, one row per vocabulary word.
    /// The same object throughout, updated after each `train` call.
    public let embeddings: Embedding

    private let sentences: [[Int32]]
    private let counts: [Int]
    private var input: [Float]
    private var output: [Float]
    private var aliasProbability: [Float] = []  // Walker's alias table for unigram^0.75
    private var alias: [Int32] = []
    private var generator: SeededGenerator

    /// Progress while training: called every few thousand words; returning
    /// `false` stops training (a budget ran out).
    public struct Progress: Sendable {
        public var epoch: Int
        public var epochs: Int
        /// Words processed so far in this call, and in all.
        public var words: Int
        public var totalWords: Int
        /// Mean loss of the current epoch so far.
        public var loss: Float
    }

    public init(corpus: Corpus, dim: Int, window: Int, negatives: Int, seed: UInt64, sample: Double = 0) throws(EngineError) {
        guard dim > 0 else { throw .invalidArgument("dim must be at least 1, not \(dim)") }
        guard window > 0 else { throw .invalidArgument("window must be at least 1, not \(window)") }
        guard negatives >= 0 else { throw .invalidArgument("negatives must be 0 or more, not \(negatives)") }
        guard sample >= 0, sample.isFinite else { throw .invalidArgument("sample must be 0 or more, not \(sample)") }
        guard corpus.vocabulary.count >= 2 else {
            throw .invalidArgument("a corpus needs at least two distinct words to train on, not \(corpus.vocabulary.count)")
        }
        vocabulary = corpus.vocabulary
        counts = corpus.counts
        self.dim = dim
        self.window = window
        self.negatives = negatives
        self.sample = sample
        sentences = corpus.sentences.map { sentence in
            sentence.compactMap { corpus.vocabulary.id(of: $0).map(Int32.init) }
        }.filter { $0.count > 1 }
        generator = SeededGenerator(seed: seed)
        // word2vec: input vectors uniform in [-0.5, 0.5) / dim, output vectors zero.
        let v = vocabulary.count
        input = (0..<(v * dim)).map { _ in Float(0) }
        output = [Float](repeating: 0, count: v * dim)
        for i in input.indices { input[i] = (Float(generator.nextUniform()) - 0.5) / Float(dim) }
        (aliasProbability, alias) = Self.aliasTable(counts.map { Foundation_pow(Double($0), 0.75) })
        embeddings = try Embedding(weight: Tensor(shape: [v, dim], storage: input), vocabulary: vocabulary)
    }

    /// Words per epoch (before down-sampling).
    public var wordsPerEpoch: Int { sentences.reduce(0) { $0 + $1.count } }

    /// Trains `epochs` more epochs with a learning rate falling linearly from
    /// `lr` to `lr · 0.0001`, and returns the mean loss of each. The loss of a
    /// (word, context) pair is −log σ(u·v) − Σ log σ(−uₖ·v) over the negatives.
    ///
    /// It is the running loss, as word2vec, gensim and fastText report it:
    /// each pair is scored just before its own update, so it profits from the
    /// updates the word's previous pairs have just made. That profit shrinks
    /// with the learning rate, so over many epochs of a large corpus the
    /// running loss can rise at the end while the loss of the whole corpus
    /// under fixed vectors keeps falling (BENCHMARKS.md measures both).
    public func train(epochs: Int, lr: Float, progress: ((Progress) -> Bool)? = nil) throws(EngineError) -> [Float] {
        guard epochs >= 0 else { throw .invalidArgument("epochs must be 0 or more, not \(epochs)") }
        guard lr > 0, lr.isFinite else { throw .invalidArgument("lr must be positive, not \(lr)") }
        let perEpoch = wordsPerEpoch
        let total = max(1, perEpoch * epochs)
        let floor = lr * 0.0001
        let keep = keepProbabilities()
        var losses: [Float] = []
        var done = 0
        var effective = 0
        var stopped = false
        input.withUnsafeMutableBufferPointer { syn0 in
            output.withUnsafeMutableBufferPointer { syn1 in
                var neu1e = [Float](repeating: 0, count: dim)
                neu1e.withUnsafeMutableBufferPointer { work in
                    for epoch in 0..<epochs where !stopped {
                        var lossSum = 0.0
                        var pairs = 0
                        for sentence in sentences where !stopped {
                            // Down-sampling happens afresh each epoch, as in word2vec.
                            let kept = sample > 0 ? sentence.filter { keep[Int($0)] >= generator.nextUniform() } : sentence
                            let alpha = max(floor, lr * (1 - Float(done) / Float(total)))
                            effective += kept.count
                            for (i, center) in kept.enumerated() {
                                let reduced = Int(generator.next() % UInt64(window))
                                let span = window - reduced
                                for j in max(0, i - span)...min(kept.count - 1, i + span) where j != i {
                                    lossSum += Double(pair(Int(center), context: Int(kept[j]), alpha: alpha,
                                                           syn0: syn0, syn1: syn1, work: work))
                                    pairs += 1
                                }
                            }
                            let before = done
                            done += sentence.count
                            if let progress, done / 4096 != before / 4096 {
                                let report = Progress(epoch: epochsTrained + epoch + 1, epochs: epochsTrained + epochs,
                                                      words: done, totalWords: total,
                                                      loss: pairs > 0 ? Float(lossSum / Double(pairs)) : 0)
                                if !progress(report) { stopped = true }
                            }
                        }
                        if !stopped { losses.append(pairs > 0 ? Float(lossSum / Double(pairs)) : 0) }
                    }
                }
            }
        }
        effectiveWords = effective
        epochsTrained += losses.count
        lossHistory += losses
        try embeddings.update(Tensor(shape: [vocabulary.count, dim], storage: input))
        if stopped { throw .invalidArgument("training stopped after \(losses.count) of \(epochs) epochs") }
        return losses
    }

    /// One (word, context) pair: the context word's input vector learns to
    /// predict the word against `negatives` noise words. Returns the loss.
    @inline(__always)
    private func pair(_ word: Int, context: Int, alpha: Float, syn0: UnsafeMutableBufferPointer<Float>,
                      syn1: UnsafeMutableBufferPointer<Float>, work: UnsafeMutableBufferPointer<Float>) -> Float {
        let l1 = syn0.baseAddress! + context * dim
        let e = work.baseAddress!
        e.update(repeating: 0, count: dim)
        var loss: Float = 0
        for d in 0...negatives {
            let target: Int
            let label: Float
            if d == 0 {
                target = word
                label = 1
            } else {
                target = drawNoise()
                if target == word { continue }
                label = 0
            }
            let l2 = syn1.baseAddress! + target * dim
            let f = Kernels.dot(l1, l2, dim)
            // σ(f), with the loss −log σ(±f), clipped as word2vec does at |f| > 6.
            let clipped = max(-6, min(6, f))
            let sigma = 1 / (1 + expf(-clipped))
            loss -= logf(label == 1 ? sigma : 1 - sigma)
            let g = (label - sigma) * alpha
            Kernels.accumulate(e, l2, l1, g, dim)
        }
        Kernels.add(l1, e, dim)
        return loss
    }

    /// A word drawn from the unigram distribution raised to 0.75, in constant
    /// time by Walker's alias method.
    @inline(__always)
    private func drawNoise() -> Int {
        let r = generator.next()
        let i = Int((r >> 32) % UInt64(aliasProbability.count))
        let u = Float(r & 0xFFFF_FFFF) * 0x1p-32
        return u < aliasProbability[i] ? i : Int(alias[i])
    }

    /// Walker's alias table for drawing index i with probability ∝ weights[i].
    static func aliasTable(_ weights: [Double]) -> ([Float], [Int32]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var probability = [Float](repeating: 1, count: n)
        var alias = [Int32](repeating: 0, count: n)
        var small = scaled.indices.filter { scaled[$0] < 1 }
        var large = scaled.indices.filter { scaled[$0] >= 1 }
        while let s = small.popLast(), let l = large.last {
            probability[s] = Float(scaled[s])
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 {
                large.removeLast()
                small.append(l)
            }
        }
        for i in large + small { probability[i] = 1; alias[i] = Int32(i) }
        return (probability, alias)
    }

    /// word2vec's chance of keeping each word: (√(f / (s·N)) + 1) · (s·N) / f.
    private func keepProbabilities() -> [Double] {
        guard sample > 0 else { return [Double](repeating: 1, count: counts.count) }
        let threshold = sample * Double(counts.reduce(0, +))
        return counts.map { c in
            let f = Double(c)
            return min(1, ((f / threshold).squareRoot() + 1) * threshold / f)
        }
    }

    // MARK: - For the tests: one pair's loss and gradients, without updating

    /// The loss of one (word, context) pair against the given negative words,
    /// and its gradients with respect to the context's input vector and each
    /// output vector, computed analytically.
    public func lossAndGradients(word: Int, context: Int, negatives ids: [Int])
        -> (loss: Double, input: [Double], outputs: [Int: [Double]]) {
        let v = (0..<dim).map { Double(input[context * dim + $0]) }
        var gradInput = [Double](repeating: 0, count: dim)
        var gradOutputs: [Int: [Double]] = [:]
        var loss = 0.0
        for (target, label) in [(word, 1.0)] + ids.map({ ($0, 0.0) }) {
            let u = (0..<dim).map { Double(output[target * dim + $0]) }
            let f = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
            let sigma = 1 / (1 + exp(-f))
            loss += label == 1 ? -log(sigma) : -log(1 - sigma)
            let g = sigma - label  // d loss / d f
            for k in 0..<dim { gradInput[k] += g * u[k] }
            gradOutputs[target, default: [Double](repeating: 0, count: dim)] =
                zip(gradOutputs[target] ?? [Double](repeating: 0, count: dim), v).map { $0 + g * $1 }
        }
        return (loss, gradInput, gradOutputs)
    }

    /// Sets one input or output value (the gradient check perturbs them).
    public func setParameter(output isOutput: Bool, row: Int, column: Int, to value: Float) {
        if isOutput { output[row * dim + column] = value } else { input[row * dim + column] = value }
    }

    public func parameter(output isOutput: Bool, row: Int, column: Int) -> Float {
        isOutput ? output[row * dim + column] : input[row * dim + column]
    }
}

@inline(__always) private func Foundation_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

/// The vector loops of training, written with SIMD so they vectorise
/// whatever the dimension.
enum Kernels {
    @inline(__always)
    static func dot(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD16<Float>()
        var i = 0
        while i + 16 <= n {
            // `+= a * b`, not `addProduct`: without FMA in the target, that is a libm call per lane.
            acc += load(a + i) * load(b + i)
            i += 16
        }
        var sum = acc.sum()
        while i < n { sum += a[i] * b[i]; i += 1 }
        return sum
    }

    /// e += g · u, then u += g · v (u is read before it changes).
    @inline(__always)
    static func accumulate(_ e: UnsafeMutablePointer<Float>, _ u: UnsafeMutablePointer<Float>,
                           _ v: UnsafeMutablePointer<Float>, _ g: Float, _ n: Int) {
        var i = 0
        let gv = SIMD16<Float>(repeating: g)
        while i + 16 <= n {
            let ui = load(u + i)
            store(load(e + i) + gv * ui, e + i)
            store(ui + gv * load(v + i), u + i)
            i += 16
        }
        while i < n {
            e[i] += g * u[i]
            u[i] += g * v[i]
            i += 1
        }
    }

    /// a += b.
    @inline(__always)
    static func add(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ n: Int) {
        var i = 0
        while i + 16 <= n {
            store(load(a + i) + load(b + i), a + i)
            i += 16
        }
        while i < n { a[i] += b[i]; i += 1 }
    }

    @inline(__always) static func load(_ p: UnsafeMutablePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    @inline(__always) static func store(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
    }
}
