import EmbeddingEngine
import LessonDiagnostics

/// A runtime error: a catalogue message and the span it points at.
public struct ScriptError: Error, Sendable {
    public var message: DiagnosticMessage
    public var span: SourceSpan

    public init(_ message: DiagnosticMessage, at span: SourceSpan) {
        self.message = message
        self.span = span
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, message, at: span) }

    /// Turns an engine error into a diagnostic message. `table` names the
    /// table a word was looked up in and `vocabulary` lets a missing word get
    /// a "did you mean".
    static func from(_ error: EngineError, at span: SourceSpan, table: String? = nil,
                     vocabulary: Vocabulary? = nil) -> ScriptError {
        switch error {
        case .shapeMismatch(let operation, let a, let b):
            return ScriptError(.shapeMismatch(operation, describeShape(a), describeShape(b)), at: span)
        case .notInVocabulary(let word):
            let suggestion = vocabulary.flatMap { v in
                v.id(of: word.lowercased()) != nil ? word.lowercased() : Suggestions.nearest(to: word, in: v.words)
            }
            return ScriptError(.notInVocabulary(word, table: table ?? "the table", suggestion: suggestion), at: span)
        case .idOutOfRange(let id, let count):
            return ScriptError(.idOutOfRange(id, count: count), at: span)
        case .indexOutOfRange(let index, _, let size):
            return ScriptError(.indexOutOfRange(index, count: size), at: span)
        case .invalidArgument(let text):
            return ScriptError(.engine(text), at: span)
        }
    }
}
