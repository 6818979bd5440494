import ArgumentParser
import EmbeddingEngine
import Foundation
import LessonDiagnostics
import LessonScript
import VectorStore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train word2vec skip-gram vectors on a text file (one sentence per line).",
        discussion: """
            The same trainer as the lessons' SkipGram, on one thread. Writes the vectors in the word2vec text \
            format, which 'lessons eval --vectors' and 'vectors(file:)' read.
            """
    )

    @Argument(help: "The corpus: a text file, one sentence per line.")
    var corpus: String

    @Option(help: "Where to write the vectors (word2vec text format).")
    var out: String?

    @Option var dim = 50
    @Option var window = 5
    @Option var negatives = 5
    @Option var epochs = 1
    @Option var lr: Float = 0.025
    @Option(help: "Drop words seen fewer times than this.")
    var minCount = 5
    @Option(help: "Down-sample frequent words (word2vec's sample; 0 keeps every word).")
    var sample = 1e-3
    @Option var seed = 1
    @Flag(help: "Split lines on whitespace only, keeping tokens as they are (for corpora already tokenised).")
    var whitespace = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: corpus) else {
            printError(Diagnostic(.error, .unreadableFile(corpus, "no such file, or not readable")))
            throw Exit.usage
        }
        let start = Date()
        let text = String(decoding: data, as: UTF8.self)
        do {
            let parsed = try Corpus(text: text, minCount: minCount, splitting: whitespace ? .whitespace : .words)
            let model = try SkipGram(corpus: parsed, dim: dim, window: window, negatives: negatives,
                                     seed: UInt64(bitPattern: Int64(seed)), sample: sample)
            let prepared = Date()
            let bar = ProgressBar.forStandardError(style: output.style)
            var last = Date.distantPast
            let losses = try model.train(epochs: epochs, lr: lr) { progress in
                if let bar, Date().timeIntervalSince(last) > 0.1 {
                    last = Date()
                    bar(TrainingProgress(progress: progress, elapsed: last.timeIntervalSince(prepared)))
                }
                return true
            }
            ProgressBar.clear()
            let trained = Date().timeIntervalSince(prepared)
            let raw = model.wordsPerEpoch * epochs
            print("corpus     \(parsed.tokenCount) tokens, \(parsed.sentences.count) sentences, \(parsed.vocabulary.count) words (min count \(minCount))")
            print("trained    \(epochs) epoch\(epochs == 1 ? "" : "s") in \(TensorFormatter.formatFixed(trained, decimals: 2)) s "
                  + "(\(TensorFormatter.formatFixed(Date().timeIntervalSince(start), decimals: 2)) s with reading)")
            print("speed      \(Int(Double(raw) / trained)) raw words/s, \(Int(Double(model.effectiveWords) / trained)) effective words/s")
            print("loss       " + losses.map { TensorFormatter.formatFixed(Double($0), decimals: 4) }.joined(separator: ", "))
            if let out {
                do {
                    try VectorFile.writeText(model.embeddings, to: out)
                } catch {
                    printError(Diagnostic(.error, .unreadableFile(out, "cannot write: \(error.localizedDescription)")))
                    throw Exit.badLesson
                }
                print("wrote      \(out)")
            }
        } catch let error as EngineError {
            printError(Diagnostic(.error, .engine("\(error)")))
            throw Exit.badLesson
        }
    }
}
