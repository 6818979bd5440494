/// One problem found in a lesson: severity, message, where, and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var message: String
    /// The file the span points into; `nil` when the problem is not in a file.
    public var file: String?
    public var span: SourceSpan?
    /// A suggestion printed on its own `help:` line.
    public var help: String?

    public init(_ severity: Severity = .error, _ message: DiagnosticMessage,
                file: String? = nil, at span: SourceSpan? = nil) {
        self.severity = severity
        self.message = message.text
        self.help = message.help
        self.file = file
        self.span = span
    }

    public var isError: Bool { severity == .error }

    /// The first line, as compilers print it: `file:line:col: error: message`.
    public var headline: String {
        var prefix = ""
        if let file { prefix += file + ":" }
        if let span { prefix += "\(span.start.line):\(span.start.column):" }
        if !prefix.isEmpty { prefix += " " }
        return prefix + severity.rawValue + ": " + message
    }

    /// The same diagnostic pointing into another file.
    public func inFile(_ file: String) -> Diagnostic {
        var copy = self
        copy.file = file
        return copy
    }
}
