// Benchmarks of the engine on the bundled GloVe vectors, in a release build:
//
//     swift run -c release lessons-bench [--runs 5] [--queries 200]
//
// Each figure is the median of several runs; BENCHMARKS.md puts them beside
// the numpy and gensim references (../shared/anchors) measured in the same minutes.
import BLASTuning
import EmbeddingEngine
import Foundation
import VectorStore

func arguments() -> (runs: Int, queries: Int, questions: String, vectors: String) {
    var runs = 5, queries = 200
    var questions = "Tests/EndToEndTests/Fixtures/questions-words.txt"
    var vectors = "Lessons/vectors/glove-6B-50d.lvec"
    var args = CommandLine.arguments.dropFirst().makeIterator()
    while let arg = args.next() {
        switch arg {
        case "--runs": runs = Int(args.next() ?? "") ?? runs
        case "--queries": queries = Int(args.next() ?? "") ?? queries
        case "--questions": questions = args.next() ?? questions
        case "--vectors": vectors = args.next() ?? vectors
        default: fatalError("unknown argument \(arg)")
        }
    }
    return (runs, queries, questions, vectors)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
}

func report(_ name: String, _ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print("RESULT \(name) " + String(decoding: data, as: UTF8.self))
}

BLASTuning.restartWithFastKernelsIfNeeded()
let options = arguments()
let threads = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "default"
print("ENV threads=\(threads) runs=\(options.runs) cores=\(ProcessInfo.processInfo.activeProcessorCount) blas=\(BLASTuning.coreName)")

// Load: map the file, check the CRC-32 of its 10 MB, read the 50,000 words.
var loads: [Double] = []
for _ in 0..<options.runs {
    loads.append(try seconds { _ = try VectorFile.load(path: options.vectors) })
}
report("load", ["median_ms": median(loads) * 1e3])

let table = try VectorFile.load(path: options.vectors)

// Top-10 neighbours of one word, the query word excluded, over the first N rows.
var generator = SeededGenerator(seed: 12345)
let queryIDs = (0..<options.queries).map { _ in Int(generator.next() % 30_000) }
_ = try table.nearest(to: table.row(0), k: 10)  // unit rows, built once, as numpy's setup
for rows in [50_000, 30_000] {
    var times: [Double] = []
    for _ in 0..<3 {
        for id in queryIDs {
            let query = try table.row(id)
            times.append(try seconds { _ = try table.nearest(to: query, k: 10, excluding: [id], restrict: rows) })
        }
    }
    report("nearest", ["rows": rows, "median_ms": median(times) * 1e3, "p10_ms": percentile(times, 0.1) * 1e3,
                       "p90_ms": percentile(times, 0.9) * 1e3])
}

// The Google analogy test set, 3CosAdd, restricted as gensim's restrict_vocab.
let questions = try String(contentsOfFile: options.questions, encoding: .utf8)
for restrict in [30_000, 50_000] {
    var times: [Double] = []
    var result: AnalogyEvaluation?
    for _ in 0..<options.runs {
        times.append(try seconds { result = try AnalogyEvaluation.run(questions, table: table, restrict: restrict) })
    }
    let total = result!.total
    report("analogy", ["restrict": restrict, "median_s": median(times), "correct": total.correct, "total": total.total,
                       "min_s": times.min()!])
}
