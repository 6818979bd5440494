import EmbeddingEngine
import Foundation
import LessonDiagnostics
import VectorStore

// The builtin table: every name the language knows, with its signature and
// one-line doc. `lessons builtins` and docs/authoring.md print it.

private typealias P = Builtin.Parameter

private func function(_ name: String, _ parameters: [P], _ returns: String, _ doc: String,
                      _ body: @escaping @Sendable (Invocation) throws -> Value) -> Builtin {
    Builtin(kind: .function, owner: nil, name: name, parameters: parameters, returns: returns, doc: doc, body: body)
}

private func method(_ owner: String, _ name: String, _ parameters: [P], _ returns: String, _ doc: String,
                    _ body: @escaping @Sendable (Invocation) throws -> Value) -> Builtin {
    Builtin(kind: .method, owner: owner, name: name, parameters: parameters, returns: returns, doc: doc, body: body)
}

private func property(_ owner: String, _ name: String, _ returns: String, _ doc: String,
                      _ body: @escaping @Sendable (Invocation) throws -> Value) -> Builtin {
    Builtin(kind: .property, owner: owner, name: name, parameters: [], returns: returns, doc: doc, body: body)
}

private func subscripting(_ owner: String, _ parameters: [P], _ returns: String, _ doc: String,
                          _ body: @escaping @Sendable (Invocation) throws -> Value) -> Builtin {
    Builtin(kind: .subscript, owner: owner, name: "subscript", parameters: parameters, returns: returns, doc: doc,
            body: body)
}

/// A tensor result, or a Float when it has rank 0 (tensor elements read as floating values).
private func result(_ t: Tensor) -> Value {
    t.rank == 0 ? .float(Double(t.storage[0])) : .tensor(t)
}

private func float(_ x: Float) -> Value { .float(Double(x)) }

private func shape(_ s: [Int]) -> Value { .tuple(s.map { .int($0) }) }

/// Indices of a tensor subscript: Ints and ranges.
private func tensorIndices(_ call: Invocation) throws -> [Tensor.Index] {
    var all: [Value] = []
    if let first = call.value("index") { all.append(first) }
    all += call.variadic
    return try all.map { value in
        switch value {
        case .int(let i): return .at(i)
        case .range(let r): return .range(r)
        default:
            throw ScriptError(.typeMismatch(expected: "an Int or a range", found: "'\(value.typeName)'",
                                            what: "a tensor index"), at: call.span)
        }
    }
}

let table: [Builtin] = [
    // MARK: Output and checks
    function("print", [P(nil, "items", "Any", variadic: true), P("separator", "String", default: "\" \""),
                       P("terminator", "String", default: "\"\\n\"")],
             "Void", "Writes the items' one-line displays, separated by spaces.") { call in
        let text = call.variadic.map(\.display).joined(separator: try call.string("separator", default: " "))
        try call.interpreter.emit(text + (try call.string("terminator", default: "\n")), span: call.span)
        return .void
    },
    function("expect", [P(nil, "condition", "Bool"), P(nil, "message", "String", default: "\"\"")],
             "Void", "Checks a condition that does not fit one line's display; a false one fails the lesson.") { call in
        let condition = try call.bool("condition")
        let message = call.has("message") ? try call.string("message") : nil
        call.interpreter.record(ExpectationOutcome(
            expectation: nil, met: condition, actual: condition ? "true" : "false",
            expected: message ?? "true",
            diagnostic: condition ? nil : Diagnostic(.error, .expectFailed(message), at: call.span),
            span: call.span))
        return .void
    },

    // MARK: Vocabularies and one-hot vectors
    function("Vocabulary", [P(nil, "words", "[String]")], "Vocabulary",
             "Ordered, distinct words; a word's id is its position.") { call in
        let words = try call.strings("words")
        return .object(try call.engine(at: "words") { () throws(EngineError) in try Vocabulary(words) })
    },
    function("oneHot", [P(nil, "word", "String"), P("in", "vocabulary", "Vocabulary")], "Tensor",
             "A vector of zeros with a 1 at the word's id.") { call in
        let vocabulary = try call.object("vocabulary", as: Vocabulary.self)
        let word = try call.string("word")
        return .tensor(try call.engine(at: "word", table: call.nameOf("vocabulary", or: "the vocabulary"),
                                       vocabulary: vocabulary) { () throws(EngineError) in
            try VectorMath.oneHot(vocabulary.requireID(of: word), size: vocabulary.count)
        })
    },
    function("oneHot", [P(nil, "index", "Int"), P("size", "Int")], "Tensor",
             "A vector of `size` zeros with a 1 at `index`.") { call in
        let size = try call.int("size")
        try call.reserve([size])
        let index = try call.int("index")
        return .tensor(try call.engine(at: "index") { () throws(EngineError) in try VectorMath.oneHot(index, size: size) })
    },

    // MARK: Lookup tables
    function("Embedding", [P("vocab", "Int | Vocabulary"), P("dim", "Int"), P("seed", "Int", default: "0")],
             "Embedding", "A lookup table initialised like PyTorch's nn.Embedding: N(0, 1), seeded.") { call in
        let dim = try call.int("dim")
        let seed = try call.int("seed", default: 0)
        if case .object(let o)? = call.value("vocab"), let vocabulary = o as? Vocabulary {
            try call.reserve([vocabulary.count, dim])
            return .object(try call.engine(at: "dim") { () throws(EngineError) in
                try Embedding(vocabulary: vocabulary, dim: dim, seed: UInt64(bitPattern: Int64(seed)))
            })
        }
        guard case .int(let count)? = call.value("vocab") else { throw call.mismatch("vocab", expected: "Int | Vocabulary") }
        try call.reserve([count, dim])
        return .object(try call.engine(at: count <= 0 ? "vocab" : "dim") { () throws(EngineError) in
            try Embedding(count: count, dim: dim, seed: UInt64(bitPattern: Int64(seed)))
        })
    },
    Builtin(kind: .call, owner: "Embedding", name: "callAsFunction", parameters: [P(nil, "ids", "Ids | Words")],
            returns: "Tensor", doc: "Looks up ids (or words) of any nesting: shape `ids.shape + [dim]`.") { call in
        let table = call.receiver(as: Embedding.self)
        guard let value = call.value("ids") else { throw call.mismatch("ids", expected: "Ids") }
        var ids: [Int], layout: [Int]
        if let (words, wordShape) = try? Conversions.words(from: value), !words.isEmpty {
            guard let vocabulary = table.vocabulary else {
                throw ScriptError(.tableHasNoWords(call.receiverName), at: call.span("ids"))
            }
            ids = try words.map { word in
                try call.engine(at: "ids", table: call.receiverName, vocabulary: vocabulary) { () throws(EngineError) in
                    try vocabulary.requireID(of: word)
                }
            }
            layout = wordShape
        } else {
            do {
                (ids, layout) = try Conversions.ids(from: value)
            } catch let error as Conversions.NotConvertible {
                throw ScriptError(.invalidArgument(error.reason), at: call.span("ids"))
            }
        }
        try call.reserve(layout + [table.dim])
        let rows = try call.engine(at: "ids") { () throws(EngineError) in try table.lookup(ids, shape: layout) }
        // Rows looked up by word carry the words, so charts can label them.
        if layout.count == 1, let vocabulary = table.vocabulary, case .array = value {
            if (try? Conversions.words(from: value)) != nil {
                return .tensor(rows.annotated(.labels(ids.map { vocabulary.words[$0] })))
            }
        }
        return .tensor(rows)
    },
    subscripting("Embedding", [P(nil, "key", "String | Int")], "Tensor", "The row of a word or an id.") { call in
        let table = call.receiver(as: Embedding.self)
        switch call.value("key") {
        case .string(let word)?:
            return .tensor(try call.engine(at: "key", table: call.receiverName, vocabulary: table.vocabulary) {
                () throws(EngineError) in try table.row(word)
            })
        case .int(let id)?:
            return .tensor(try call.engine(at: "key") { () throws(EngineError) in try table.row(id) })
        default:
            throw call.mismatch("key", expected: "String | Int")
        }
    },
    property("Embedding", "shape", "Shape", "`(count, dim)`.") { call in shape(call.receiver(as: Embedding.self).shape) },
    property("Embedding", "dim", "Int", "The length of each vector.") { call in .int(call.receiver(as: Embedding.self).dim) },
    property("Embedding", "count", "Int", "The number of rows (the vocabulary size).") { call in
        .int(call.receiver(as: Embedding.self).count)
    },
    property("Embedding", "parameters", "Int", "Learnable numbers: count · dim.") { call in
        .int(call.receiver(as: Embedding.self).parameters)
    },
    property("Embedding", "weight", "Tensor", "The (count, dim) matrix as a tensor.") { call in
        .tensor(call.receiver(as: Embedding.self).weight)
    },
    property("Embedding", "vocabulary", "Vocabulary", "The words of the rows.") { call in
        let table = call.receiver(as: Embedding.self)
        guard let vocabulary = table.vocabulary else {
            throw ScriptError(.tableHasNoWords(call.receiverName), at: call.span)
        }
        return .object(vocabulary)
    },
    method("Embedding", "nearest", [P(nil, "query", "Tensor | String"), P("k", "Int", default: "10"),
                                    P("excluding", "[String]", default: "[]")],
           "Neighbours", "The k rows most similar by cosine; a word query excludes itself.") { call in
        let table = call.receiver(as: Embedding.self)
        let k = try call.int("k", default: 10)
        let excludedWords = try call.strings("excluding", default: [])
        let vocabulary = table.vocabulary
        var excluded = Set<Int>()
        for word in excludedWords {
            excluded.insert(try call.engine(at: "excluding", table: call.receiverName, vocabulary: vocabulary) {
                () throws(EngineError) in
                guard let vocabulary else { throw .invalidArgument("this table has no words") }
                return try vocabulary.requireID(of: word)
            })
        }
        let query: Tensor
        if case .string(let word)? = call.value("query") {
            query = try call.engine(at: "query", table: call.receiverName, vocabulary: vocabulary) {
                () throws(EngineError) in try table.row(word)
            }
            if let id = vocabulary?.id(of: word) { excluded.insert(id) }
        } else {
            query = try call.tensor("query")
        }
        return .object(try call.engine(at: "query") { () throws(EngineError) in
            try table.nearest(to: query, k: k, excluding: excluded)
        })
    },

    // MARK: Pretrained vectors and queries on them
    function("vectors", [P(nil, "name", "String")], "Embedding",
             "Bundled pretrained vectors: \"glove-6B-50d\" is GloVe 6B 50-d, its 50,000 most frequent words.") { call in
        let name = try call.string("name")
        let library = call.interpreter.vectorLibrary
        guard let path = library.path(of: name) else {
            let names = library.names
            throw ScriptError(.unknownVectors(name, available: names, suggestion: Suggestions.nearest(to: name, in: names)),
                              at: call.span("name"))
        }
        return .object(try call.loadVectors(path, at: "name"))
    },
    function("vectors", [P("file", "String")], "Embedding",
             "Vectors from a word2vec/GloVe text file (or a .lvec file), relative to the lesson's folder.") { call in
        let file = try call.string("file")
        let path = try call.interpreter.confinedPath(file, at: call.span("file"))
        return .object(try call.loadVectors(path, at: "file"))
    },
    function("analogy", [P(nil, "a", "String"), P(nil, "b", "String"), P(nil, "c", "String"), P("in", "table", "Embedding"),
                         P("k", "Int", default: "1"), P("method", "String", default: "\"add\"")],
             "Neighbours",
             "a is to b as c is to ?: the rows nearest unit(b) − unit(a) + unit(c), the three words excluded (\"add\", gensim's most_similar), or 3CosMul (\"mul\", gensim's most_similar_cosmul).") { call in
        let table = try call.object("table", as: Embedding.self)
        let k = try call.int("k", default: 1)
        let method = try call.string("method", default: "add")
        let name = call.nameOf("table", or: "the table")
        let ids = try ["a", "b", "c"].map { parameter in
            let word = try call.string(parameter)
            return try call.engine(at: parameter, table: name, vocabulary: table.vocabulary) { () throws(EngineError) in
                try table.id(of: word)
            }
        }
        switch method {
        case "add", "cosadd", "3cosadd":
            return .object(try call.engine { () throws(EngineError) in try table.analogy(ids[0], ids[1], ids[2], k: k) })
        case "mul", "cosmul", "3cosmul":
            return .object(try call.engine { () throws(EngineError) in try table.analogyCosMul(ids[0], ids[1], ids[2], k: k) })
        default:
            throw ScriptError(.unknownOption(method, for: "method", options: ["add", "mul"]), at: call.span("method"))
        }
    },
    function("similarity", [P(nil, "words", "[String]"), P("in", "table", "Embedding")], "Tensor",
             "The cosine of every pair of words: an (n, n) matrix, shown as a heat map.") { call in
        let table = try call.object("table", as: Embedding.self)
        let ids = try call.wordIDs("words", in: table)
        return .tensor(try call.engine { () throws(EngineError) in try table.similarityMatrix(ids) })
    },
    function("pca", [P(nil, "words", "[String]"), P("in", "table", "Embedding")], "Projection",
             "The words' vectors projected onto their first two principal components, shown as a scatter plot.") { call in
        let table = try call.object("table", as: Embedding.self)
        let words = try call.strings("words")
        let ids = try call.wordIDs("words", in: table)
        let rows = try call.engine { () throws(EngineError) in try table.lookup(ids, shape: [ids.count]) }
        return .object(try call.engine(at: "words") { () throws(EngineError) in try PCA.project(rows, labels: words) })
    },
    function("doesntMatch", [P(nil, "words", "[String]"), P("in", "table", "Embedding")], "String",
             "The odd one out: the word least like the mean of all of them, as gensim's doesnt_match.") { call in
        let table = try call.object("table", as: Embedding.self)
        let words = try call.strings("words")
        let ids = try call.wordIDs("words", in: table)
        let odd = try call.engine(at: "words") { () throws(EngineError) in try table.doesntMatch(ids) }
        return .string(words[ids.firstIndex(of: odd)!])
    },
    function("embed", [P(nil, "text", "String"), P("in", "table", "Embedding")], "Tensor",
             "A text as one vector: the mean of the vectors of its words that the table knows.") { call in
        let table = try call.object("table", as: Embedding.self)
        let text = try call.string("text")
        guard let (vector, _) = Retrieval.embed(text, in: table) else {
            throw ScriptError(.noKnownWords(text, table: call.nameOf("table", or: "the table")), at: call.span("text"))
        }
        return .tensor(vector)
    },
    function("search", [P(nil, "query", "String"), P("documents", "[String]"), P("in", "table", "Embedding"),
                        P("k", "Int", default: "3"), P("metric", "String", default: "\"cosine\"")],
             "Neighbours",
             "Documents ranked against a query, each embedded as the mean of its word vectors; metric \"cosine\" or \"dot\".") { call in
        let table = try call.object("table", as: Embedding.self)
        let query = try call.string("query")
        let documents = try call.strings("documents")
        let k = try call.int("k", default: 3)
        let metricName = try call.string("metric", default: "cosine")
        guard let metric = Retrieval.Metric(rawValue: metricName) else {
            throw ScriptError(.unknownOption(metricName, for: "metric", options: Retrieval.Metric.allCases.map(\.rawValue)),
                              at: call.span("metric"))
        }
        guard let (vector, _) = Retrieval.embed(query, in: table) else {
            throw ScriptError(.noKnownWords(query, table: call.nameOf("table", or: "the table")), at: call.span("query"))
        }
        return .object(try call.engine { () throws(EngineError) in
            try Retrieval.rank(vector, documents: documents, in: table, k: k, metric: metric)
        })
    },

    // MARK: Vector maths
    function("dot", [P(nil, "a", "Tensor"), P(nil, "b", "Tensor")], "Float", "The dot product Σ aᵢbᵢ.") { call in
        let a = try call.tensor("a"), b = try call.tensor("b")
        return float(try call.engine { () throws(EngineError) in try VectorMath.dot(a, b) })
    },
    function("norm", [P(nil, "a", "Tensor")], "Float", "The Euclidean length √(Σ aᵢ²).") { call in
        float(VectorMath.norm(try call.tensor("a")))
    },
    function("normalize", [P(nil, "a", "Tensor")], "Tensor", "a / norm(a); a zero vector stays zero.") { call in
        .tensor(VectorMath.normalize(try call.tensor("a")))
    },
    function("cosine", [P(nil, "a", "Tensor"), P(nil, "b", "Tensor")], "Float",
             "The cosine of the angle between a and b, in [-1, 1]; 0 if either is zero.") { call in
        let a = try call.tensor("a"), b = try call.tensor("b")
        return float(try call.engine { () throws(EngineError) in try VectorMath.cosine(a, b) })
    },
    function("cosine", [P(nil, "a", "String"), P(nil, "b", "String"), P("in", "table", "Embedding")], "Float",
             "The cosine between two words' vectors in a table.") { call in
        let table = try call.object("table", as: Embedding.self)
        let name = call.nameOf("table", or: "the table")
        func row(_ parameter: String) throws -> Tensor {
            let word = try call.string(parameter)
            return try call.engine(at: parameter, table: name, vocabulary: table.vocabulary) {
                () throws(EngineError) in try table.row(word)
            }
        }
        let a = try row("a"), b = try row("b")
        return float(try call.engine { () throws(EngineError) in try VectorMath.cosine(a, b) })
    },
    function("distance", [P(nil, "a", "Tensor"), P(nil, "b", "Tensor")], "Float", "The Euclidean distance |a − b|.") { call in
        let a = try call.tensor("a"), b = try call.tensor("b")
        return float(try call.engine { () throws(EngineError) in try VectorMath.distance(a, b) })
    },
    function("matmul", [P(nil, "a", "Tensor"), P(nil, "b", "Tensor")], "Tensor",
             "The matrix product, with numpy's rules for rank 1 and 2.") { call in
        let a = try call.tensor("a"), b = try call.tensor("b")
        if a.rank == 2, b.rank == 2 { try call.reserve([a.shape[0], b.shape[1]]) }
        try call.interpreter.reserveWork(Double(a.count) * Double(b.rank == 2 ? b.shape[1] : 1), at: call.span)
        return result(try call.engine { () throws(EngineError) in try VectorMath.matmul(a, b) })
    },
    function("transpose", [P(nil, "a", "Tensor")], "Tensor", "Swaps the axes of a matrix.") { call in
        let a = try call.tensor("a")
        return .tensor(try call.engine { () throws(EngineError) in try VectorMath.transpose(a) })
    },
    function("softmax", [P(nil, "a", "Tensor")], "Tensor",
             "exp(aᵢ) / Σ exp(aⱼ) along the last axis: scores become weights that sum to 1.") { call in
        .tensor(VectorMath.softmax(try call.tensor("a")))
    },
    function("Tensor", [P(nil, "values", "[Float]")], "Tensor", "A tensor from nested arrays of numbers.") { call in
        .tensor(try call.tensor("values"))
    },
    function("Float", [P(nil, "x", "Float")], "Float",
             "A number as a Float: Float(7) / 2 is 3.5, where 7 / 2 is 3.") { call in .float(try call.number("x")) },
    function("Int", [P(nil, "x", "Float")], "Int", "A number as an Int, cut towards zero as Swift does: Int(2.7) is 2.") { call in
        let x = try call.number("x")
        guard x.isFinite, Swift.abs(x) < 0x1p63 else {
            throw ScriptError(.notAnInt(Value.float(x).display), at: call.span("x"))
        }
        return .int(Int(x))
    },
    function("sqrt", [P(nil, "x", "Float")], "Float", "The square root.") { call in .float((try call.number("x")).squareRoot()) },
    function("exp", [P(nil, "x", "Float")], "Float", "e raised to x.") { call in .float(Foundation.exp(try call.number("x"))) },
    function("log", [P(nil, "x", "Float")], "Float", "The natural logarithm.") { call in .float(Foundation.log(try call.number("x"))) },
    function("abs", [P(nil, "x", "Float")], "Float", "The absolute value.") { call in
        if case .int(let i)? = call.value("x") { return .int(Swift.abs(i)) }
        return .float(Swift.abs(try call.number("x")))
    },
    function("round", [P(nil, "x", "Float"), P("places", "Int", default: "0")], "Float",
             "x rounded half away from zero to some decimal places.") { call in
        let places = try call.int("places", default: 0)
        guard (0...12).contains(places) else {
            throw ScriptError(.outOfBounds("places", places, 0...12), at: call.span("places"))
        }
        let scale = Foundation.pow(10, Double(places))
        return .float((try call.number("x") * scale).rounded() / scale)
    },

    function("bytes", [P(nil, "count", "Int")], "String",
             "A number of bytes in binary units: bytes(153_600_000) is \"146 MiB\".") { call in
        let count = try call.int("count")
        guard count >= 0 else { throw ScriptError(.outOfBounds("count", count, 0...Int.max), at: call.span("count")) }
        return .string(formatBytes(count))
    },

    // MARK: Tensors
    property("Tensor", "shape", "Shape", "The size of each axis: `(1, 3, 768)`.") { call in
        guard case .tensor(let t)? = call.receiver else { return .void }
        return shape(t.shape)
    },
    property("Tensor", "count", "Int", "The number of elements.") { call in
        guard case .tensor(let t)? = call.receiver else { return .void }
        return .int(t.count)
    },
    property("Tensor", "rank", "Int", "The number of axes.") { call in
        guard case .tensor(let t)? = call.receiver else { return .void }
        return .int(t.rank)
    },
    subscripting("Tensor", [P(nil, "index", "Int | Range"), P(nil, "more", "Int | Range", variadic: true)], "Tensor",
                 "`t[0, 0, 0..<10]`: an index drops its axis, a range keeps it.") { call in
        guard case .tensor(let t)? = call.receiver else { return .void }
        let indices = try tensorIndices(call)
        return result(try call.engine { () throws(EngineError) in try t.slice(indices) })
    },
    method("Tensor", "sum", [], "Float", "The sum of the elements.") { call in
        guard case .tensor(let t)? = call.receiver else { return .void }
        return float(Float(t.storage.reduce(0.0) { $0 + Double($1) }))
    },
    method("Tensor", "mean", [], "Float", "The mean of the elements.") { call in
        guard case .tensor(let t)? = call.receiver, t.count > 0 else { return .float(.nan) }
        return float(Float(t.storage.reduce(0.0) { $0 + Double($1) } / Double(t.count)))
    },

    // MARK: Projections
    property("Projection", "labels", "[String]", "The words, in the order given.") { call in
        .array(call.receiver(as: Projection.self).labels.map { .string($0) })
    },
    property("Projection", "points", "Tensor", "The (n, 2) coordinates.") { call in
        let p = call.receiver(as: Projection.self)
        return .tensor(Tensor(shape: [p.labels.count, 2], storage: p.points.flatMap { [$0.0, $0.1] }))
    },
    property("Projection", "explained", "Tensor", "The share of the variance each axis explains.") { call in
        let p = call.receiver(as: Projection.self)
        return .tensor(Tensor([p.explained.0, p.explained.1]))
    },

    // MARK: Vocabularies
    property("Vocabulary", "count", "Int", "The number of words.") { call in .int(call.receiver(as: Vocabulary.self).count) },
    property("Vocabulary", "words", "[String]", "The words, in id order.") { call in
        .array(call.receiver(as: Vocabulary.self).words.map { .string($0) })
    },
    subscripting("Vocabulary", [P(nil, "key", "String | Int")], "Int | String",
                 "`v[\"king\"]` is the word's id; `v[1]` is the word with id 1.") { call in
        let vocabulary = call.receiver(as: Vocabulary.self)
        switch call.value("key") {
        case .string(let word)?:
            return .int(try call.engine(at: "key", table: call.receiverName, vocabulary: vocabulary) {
                () throws(EngineError) in try vocabulary.requireID(of: word)
            })
        case .int(let id)?:
            return .string(try call.engine(at: "key") { () throws(EngineError) in try vocabulary.word(at: id) })
        default:
            throw call.mismatch("key", expected: "String | Int")
        }
    },

    // MARK: Neighbours
    property("Neighbours", "words", "[String]", "The words, best first.") { call in
        .array(call.receiver(as: Neighbours.self).words.map { .string($0) })
    },
    property("Neighbours", "scores", "Tensor", "The scores, best first.") { call in
        .tensor(Tensor(call.receiver(as: Neighbours.self).entries.map(\.score)))
    },
    property("Neighbours", "count", "Int", "How many neighbours there are.") { call in
        .int(call.receiver(as: Neighbours.self).entries.count)
    },
    subscripting("Neighbours", [P(nil, "rank", "Int")], "Neighbour", "The entry at a rank: `n[0].word`, `n[0].score`.") { call in
        let entries = call.receiver(as: Neighbours.self).entries
        let rank = try call.int("rank")
        guard rank >= 0, rank < entries.count else {
            throw ScriptError(.indexOutOfRange(rank, count: entries.count), at: call.span("rank"))
        }
        return .object(entries[rank])
    },
    property("Neighbour", "word", "String", "The word.") { call in .string(call.receiver(as: Neighbours.Entry.self).word) },
    property("Neighbour", "score", "Float", "Its cosine similarity to the query.") { call in
        float(call.receiver(as: Neighbours.Entry.self).score)
    },

    // MARK: Corpora and training
    function("corpus", [P(nil, "text", "String"), P("minCount", "Int", default: "1")], "Corpus",
             "A corpus from text: one sentence per line, lower-cased words; words seen fewer than minCount times are dropped.") { call in
        let text = try call.string("text")
        let minCount = try call.int("minCount", default: 1)
        return .object(try call.engine(at: "text") { () throws(EngineError) in try Corpus(text: text, minCount: minCount) })
    },
    function("corpus", [P("file", "String"), P("minCount", "Int", default: "1")], "Corpus",
             "A corpus from a text file, relative to the lesson's folder: one sentence per line.") { call in
        let file = try call.string("file")
        let minCount = try call.int("minCount", default: 1)
        let text = try call.readText(file, at: "file")
        return .object(try call.engine(at: "file") { () throws(EngineError) in try Corpus(text: text, minCount: minCount) })
    },
    function("SkipGram", [P("corpus", "Corpus"), P("dim", "Int"), P("window", "Int", default: "5"),
                          P("negatives", "Int", default: "5"), P("seed", "Int", default: "0"),
                          P("sample", "Float", default: "0")],
             "SkipGram",
             "A word2vec skip-gram model with negative sampling over a corpus; sample > 0 down-samples frequent words.") { call in
        let corpus = try call.object("corpus", as: Corpus.self)
        let dim = try call.int("dim")
        try call.reserve([corpus.vocabulary.count, max(dim, 0), 2])
        let window = try call.int("window", default: 5)
        let negatives = try call.int("negatives", default: 5)
        let seed = try call.int("seed", default: 0)
        let sample = call.has("sample") ? try call.number("sample") : 0
        return .object(try call.engine { () throws(EngineError) in
            try SkipGram(corpus: corpus, dim: dim, window: window, negatives: negatives,
                         seed: UInt64(bitPattern: Int64(seed)), sample: sample)
        })
    },
    method("SkipGram", "train", [P("epochs", "Int"), P("lr", "Float", default: "0.025")], "Tensor",
           "Trains more epochs (the learning rate falls linearly to lr · 0.0001); returns each epoch's mean loss, measured while it trains, shown as a chart.") { call in
        let model = call.receiver(as: SkipGram.self)
        let epochs = try call.int("epochs")
        let lr = Float(call.has("lr") ? try call.number("lr") : 0.025)
        let losses = try call.interpreter.train(model, epochs: epochs, lr: lr, span: call.span)
        return .tensor(Tensor(losses).annotated(.series(x: "epoch", y: "loss")))
    },
    property("SkipGram", "embeddings", "Embedding", "The learned table (the input vectors), usable with every query.") { call in
        .object(call.receiver(as: SkipGram.self).embeddings)
    },
    property("SkipGram", "losses", "Tensor", "The mean loss of every epoch trained so far.") { call in
        .tensor(Tensor(call.receiver(as: SkipGram.self).lossHistory).annotated(.series(x: "epoch", y: "loss")))
    },
    property("SkipGram", "epochs", "Int", "How many epochs it has been trained.") { call in
        .int(call.receiver(as: SkipGram.self).epochsTrained)
    },
    property("Corpus", "count", "Int", "The number of tokens.") { call in .int(call.receiver(as: Corpus.self).tokenCount) },
    property("Corpus", "sentences", "Int", "The number of sentences.") { call in
        .int(call.receiver(as: Corpus.self).sentences.count)
    },
    property("Corpus", "vocabulary", "Vocabulary", "The words seen, most frequent first.") { call in
        .object(call.receiver(as: Corpus.self).vocabulary)
    },

    // MARK: Arrays, strings, tuples and ranges
    property("Array", "count", "Int", "The number of elements.") { call in
        guard case .array(let items)? = call.receiver else { return .void }
        return .int(items.count)
    },
    subscripting("Array", [P(nil, "index", "Int | Range")], "Element", "An element, or a slice for a range.") { call in
        guard case .array(let items)? = call.receiver else { return .void }
        switch call.value("index") {
        case .int(let i)?:
            guard i >= 0, i < items.count else {
                throw ScriptError(.indexOutOfRange(i, count: items.count), at: call.span("index"))
            }
            return items[i]
        case .range(let r)?:
            guard r.lowerBound >= 0, r.upperBound <= items.count else {
                throw ScriptError(.indexOutOfRange(r.upperBound - 1, count: items.count), at: call.span("index"))
            }
            return .array(Array(items[r]))
        default:
            throw call.mismatch("index", expected: "Int | Range")
        }
    },
    property("String", "count", "Int", "The number of characters.") { call in
        guard case .string(let s)? = call.receiver else { return .void }
        return .int(s.count)
    },
    property("Tuple", "count", "Int", "The number of elements.") { call in
        guard case .tuple(let items)? = call.receiver else { return .void }
        return .int(items.count)
    },
    subscripting("Tuple", [P(nil, "index", "Int")], "Element", "An element: `E.shape[1]` is the dimension.") { call in
        guard case .tuple(let items)? = call.receiver else { return .void }
        let i = try call.int("index")
        guard i >= 0, i < items.count else { throw ScriptError(.indexOutOfRange(i, count: items.count), at: call.span("index")) }
        return items[i]
    },
    property("Range", "count", "Int", "The number of values in the range.") { call in
        guard case .range(let r)? = call.receiver else { return .void }
        return .int(r.count)
    },
]
