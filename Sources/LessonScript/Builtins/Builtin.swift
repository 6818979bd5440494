import EmbeddingEngine
import Foundation
import LessonDiagnostics
import VectorStore

/// One entry of the builtin table: a function, a method, a property, a
/// subscript or a call of a value, with its signature and one-line doc.
/// Argument checking, "did you mean", `lessons builtins` and the authoring
/// guide all read this one declaration.
public struct Builtin: Sendable {
    public enum Kind: String, Sendable {
        case function, method, property, `subscript`, call
    }

    public struct Parameter: Sendable {
        /// `nil` for an unlabelled parameter (`_ a`).
        public var label: String?
        public var name: String
        public var type: String
        /// The default as written in the signature; `nil` when required.
        public var defaultValue: String?
        /// Takes every remaining unlabelled argument (`print`).
        public var variadic = false

        /// A labelled parameter named by its label: `k: Int = 10`.
        public init(_ label: String, _ type: String, default defaultValue: String? = nil) {
            self.init(label, label, type, default: defaultValue)
        }

        /// A parameter whose name differs from its label, or that has none: `_ a: Tensor`.
        public init(_ label: String?, _ name: String, _ type: String, default defaultValue: String? = nil,
                    variadic: Bool = false) {
            self.label = label
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
            self.variadic = variadic
        }
    }

    public var kind: Kind
    /// The receiver's type for members, `nil` for free functions.
    public var owner: String?
    public var name: String
    public var parameters: [Parameter]
    public var returns: String
    public var doc: String
    var body: @Sendable (Invocation) throws -> Value

    /// `nearest(_ x: Tensor | String, k: Int = 10, excluding: [String] = []) -> Neighbours`
    public var signature: String {
        let parameterList = parameters.map { p -> String in
            var text = p.label.map { $0 == p.name ? $0 : "\($0) \(p.name)" } ?? "_ \(p.name)"
            text += ": " + p.type + (p.variadic ? "..." : "")
            if let d = p.defaultValue { text += " = " + d }
            return text
        }.joined(separator: ", ")
        switch kind {
        case .property: return "\(name): \(returns)"
        case .subscript: return "[\(parameterList)] -> \(returns)"
        case .call: return "(\(parameterList)) -> \(returns)"
        case .function, .method: return "\(name)(\(parameterList)) -> \(returns)"
        }
    }

    /// The signature with the receiver, as the reference prints it: `E.nearest(…)`.
    public var qualifiedSignature: String {
        guard let owner else { return signature }
        switch kind {
        case .subscript, .call: return owner + signature
        default: return owner + "." + signature
        }
    }
}

/// The arguments of one call, bound to the builtin's parameters, with typed
/// accessors that report a mistake at the argument that made it.
struct Invocation {
    let builtin: Builtin
    let receiver: Value?
    let receiverExpr: Expr?
    /// Bound arguments by parameter name.
    let arguments: [String: (value: Value, span: SourceSpan, name: String?)]
    /// Extra unlabelled values for a variadic parameter.
    let variadic: [Value]
    let span: SourceSpan
    let interpreter: Interpreter

    /// The receiver's name in the lesson (`glove`), for messages.
    var receiverName: String { receiverExpr?.name ?? "the table" }

    /// How the lesson wrote an argument when it is a plain name (`glove`), for messages.
    func nameOf(_ parameter: String, or fallback: String) -> String { arguments[parameter]?.name ?? fallback }

    func has(_ name: String) -> Bool { arguments[name] != nil }
    func value(_ name: String) -> Value? { arguments[name]?.value }
    func span(_ name: String) -> SourceSpan { arguments[name]?.span ?? span }

    func mismatch(_ name: String, expected: String) -> ScriptError {
        let found = arguments[name]?.value.typeName ?? "nothing"
        let what = builtin.kind == .subscript ? "the index" : "argument '\(name)' of '\(builtin.name)'"
        return ScriptError(.typeMismatch(expected: "'\(expected)'", found: "'\(found)'", what: what), at: span(name))
    }

    func int(_ name: String, default fallback: Int? = nil) throws -> Int {
        guard let value = value(name) else {
            if let fallback { return fallback }
            throw mismatch(name, expected: "Int")
        }
        if case .int(let i) = value { return i }
        throw mismatch(name, expected: "Int")
    }

    func number(_ name: String) throws -> Double {
        guard let n = value(name)?.number else { throw mismatch(name, expected: "Float") }
        return n
    }

    func string(_ name: String, default fallback: String? = nil) throws -> String {
        if case .string(let s)? = value(name) { return s }
        if value(name) == nil, let fallback { return fallback }
        throw mismatch(name, expected: "String")
    }

    func bool(_ name: String) throws -> Bool {
        if case .bool(let b)? = value(name) { return b }
        throw mismatch(name, expected: "Bool")
    }

    func tensor(_ name: String) throws -> Tensor {
        guard let value = value(name) else { throw mismatch(name, expected: "Tensor") }
        if case .range(let r) = value { try reserve([r.count]) }
        do {
            return try Conversions.tensor(from: value)
        } catch let error as Conversions.NotConvertible {
            if case .tensor = value {} else if case .array = value {
                throw ScriptError(.invalidArgument(error.reason), at: span(name))
            }
            throw mismatch(name, expected: "Tensor")
        }
    }

    func strings(_ name: String, default fallback: [String]? = nil) throws -> [String] {
        guard let value = value(name) else {
            if let fallback { return fallback }
            throw mismatch(name, expected: "[String]")
        }
        guard case .array(let items) = value else { throw mismatch(name, expected: "[String]") }
        return try items.map { item in
            guard case .string(let s) = item else { throw mismatch(name, expected: "[String]") }
            return s
        }
    }

    func object<T: ScriptObject>(_ name: String, as type: T.Type) throws -> T {
        if case .object(let o)? = value(name), let typed = o as? T { return typed }
        throw mismatch(name, expected: T.typeName)
    }

    func receiver<T: ScriptObject>(as type: T.Type) -> T {
        guard case .object(let o)? = receiver, let typed = o as? T else {
            preconditionFailure("the builtin table dispatched \(builtin.name) on the wrong type")
        }
        return typed
    }

    /// Runs engine code, turning its errors into diagnostics at `argument`'s span.
    func engine<T>(at argument: String? = nil, table: String? = nil, vocabulary: Vocabulary? = nil,
                   _ body: () throws(EngineError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw ScriptError.from(error, at: argument.map(span) ?? span, table: table, vocabulary: vocabulary)
        }
    }

    /// The ids of the words in parameter `name`, each checked against the table.
    func wordIDs(_ name: String, in table: Embedding) throws -> [Int] {
        let words = try strings(name)
        let tableName = nameOf("table", or: "the table")
        return try words.map { word in
            try engine(at: name, table: tableName, vocabulary: table.vocabulary) { () throws(EngineError) in
                try table.id(of: word)
            }
        }
    }

    /// Loads a vectors file through the interpreter's library, within the tensor budget.
    func loadVectors(_ path: String, at parameter: String) throws -> Embedding {
        do {
            return try interpreter.vectorLibrary.load(path: path, maximumBytes: interpreter.limits.maximumTensorBytes)
        } catch {
            throw ScriptError(error.message, at: span(parameter))
        }
    }

    /// The text of a file a lesson reads, relative to the lesson's folder.
    func readText(_ file: String, at parameter: String) throws -> String {
        let path = try interpreter.confinedPath(file, at: span(parameter))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw ScriptError(.unreadableFile(file, "no such file, or not readable"), at: span(parameter))
        }
        if data.count > interpreter.limits.maximumTensorBytes {
            throw ScriptError(.fileTooLarge(data.count, limit: interpreter.limits.maximumTensorBytes), at: span(parameter))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScriptError(.invalidUTF8, at: span(parameter))
        }
        return text
    }

    /// Refuses a result that would exceed the tensor budget.
    func reserve(_ shape: [Int]) throws {
        try interpreter.reserve(shape, at: span)
    }
}
