import ArgumentParser
import EmbeddingEngine
import Foundation
import LessonDiagnostics
import LessonScript
import VectorStore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate vectors on analogy questions or word-pair similarities, as gensim does.",
        subcommands: [Analogies.self, Similarity.self]
    )

    /// `--vectors`, `--restrict`, `--json`: shared by both evaluations.
    struct Options: ParsableArguments {
        @Option(help: "Bundled vectors by name, or a vectors file (.lvec or word2vec/GloVe text).")
        var vectors = "glove-6B-50d"

        @Option(help: "Use only the first N rows (the most frequent words), as gensim's restrict_vocab.")
        var restrict: Int?

        @Flag(help: "Print the results as JSON.")
        var json = false

        func validate() throws {
            if let restrict, restrict <= 0 { throw ValidationError("--restrict must be positive") }
        }

        func table() throws -> Embedding {
            let library = Course.vectorLibrary()
            let path: String
            if let named = library.path(of: vectors) {
                path = named
            } else if FileManager.default.fileExists(atPath: vectors) {
                path = vectors
            } else {
                printError(Diagnostic(.error, .unknownVectors(vectors, available: library.names,
                                                              suggestion: Suggestions.nearest(to: vectors, in: library.names))))
                throw Exit.usage
            }
            do {
                return try library.load(path: path, maximumBytes: 1 << 32)
            } catch {
                printError(Diagnostic(.error, error.message))
                throw Exit.badLesson
            }
        }
    }

    /// Reads `file`, loads the vectors and runs `evaluation` on both; a bad
    /// file or vectors end the command with a diagnostic.
    static func evaluate<Result>(_ file: String, _ options: Options,
                                 _ evaluation: (String, Embedding) throws(EngineError) -> Result) throws -> (Result, Embedding) {
        let text = try read(file)
        let table = try options.table()
        do {
            return (try evaluation(text, table), table)
        } catch {
            let detail: String
            if case .invalidArgument(let reason) = error { detail = reason } else { detail = "\(error)" }
            printError(Diagnostic(.error, .engine("\(file): " + detail)))
            throw Exit.badLesson
        }
    }

    static func read(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError(Diagnostic(.error, .unreadableFile(file, "no such file, or not readable")))
            throw Exit.usage
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func output(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    static func percent(_ x: Double) -> String { TensorFormatter.formatFixed(x * 100, decimals: 2) + "%" }

    struct Analogies: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accuracy on analogy questions in the Google format (': section' lines, then 'a b c d').",
            discussion: "Per section, semantic, syntactic and total, with the questions skipped for unknown words, "
                + "as gensim's evaluate_word_analogies reports them."
        )

        @Argument(help: "The questions file, e.g. questions-words.txt.")
        var file: String

        @OptionGroup var options: Options

        func run() throws {
            let restrict = options.restrict
            let (result, table) = try EvalCommand.evaluate(file, options) { (text, table) throws(EngineError) in
                try AnalogyEvaluation.run(text, table: table, restrict: restrict)
            }
            if options.json {
                func entry(_ s: AnalogyEvaluation.Section) -> [String: Any] {
                    ["section": s.name, "correct": s.correct, "total": s.total, "skipped": s.skipped, "accuracy": s.accuracy]
                }
                try EvalCommand.output(["sections": result.sections.map(entry), "semantic": entry(result.semantic),
                                        "syntactic": entry(result.syntactic), "total": entry(result.total),
                                        "vectors": options.vectors, "restrict": options.restrict ?? table.count])
                return
            }
            let width = max(28, result.sections.map(\.name.count).max() ?? 0)
            func line(_ s: AnalogyEvaluation.Section) -> String {
                s.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + "\(s.correct)/\(s.total)".leftPadded(12) + "  " + EvalCommand.percent(s.accuracy).leftPadded(8)
                    + (s.skipped > 0 ? "   (\(s.skipped) skipped)" : "")
            }
            var out = result.sections.map(line)
            out.append(String(repeating: "-", count: width + 24))
            out += [result.semantic, result.syntactic, result.total].map(line)
            let total = result.total
            out.append("\(total.skipped) of \(total.total + total.skipped) questions skipped: a word is not in the first "
                       + "\(options.restrict.map { min($0, table.count) } ?? table.count) rows of \(options.vectors)")
            print(out.joined(separator: "\n"))
        }
    }

    struct Similarity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correlation with human word-pair judgements ('word1<TAB>word2<TAB>score' lines, '#' comments).",
            discussion: "Pearson and Spearman correlations and the share of pairs skipped, as gensim's evaluate_word_pairs."
        )

        @Argument(help: "The pairs file, e.g. wordsim353.tsv.")
        var file: String

        @OptionGroup var options: Options

        func run() throws {
            let restrict = options.restrict
            let (result, _) = try EvalCommand.evaluate(file, options) { (text, table) throws(EngineError) in
                try PairEvaluation.run(text, table: table, restrict: restrict)
            }
            if options.json {
                try EvalCommand.output(["pearson": result.pearson, "spearman": result.spearman, "pairs": result.used,
                                        "skipped": result.skipped, "skippedPercent": result.skippedPercent,
                                        "vectors": options.vectors])
                return
            }
            print("""
                Pearson   \(TensorFormatter.formatFixed(result.pearson, decimals: 6))
                Spearman  \(TensorFormatter.formatFixed(result.spearman, decimals: 6))
                pairs     \(result.used) used, \(result.skipped) skipped (\(TensorFormatter.formatFixed(result.skippedPercent, decimals: 1))%)
                """)
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
