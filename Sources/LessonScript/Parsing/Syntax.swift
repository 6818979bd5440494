import LessonDiagnostics

/// An expression with its span.
public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case string([StringSegment])
        case identifier(String)
        case array([Expr])
        case tuple([Expr])
        case unary(String, Expr)
        case binary(String, Expr, Expr, operatorSpan: SourceSpan)
        case range(Expr, Expr, closed: Bool)
        case call(Expr, [CallArgument])
        case member(Expr, String, nameSpan: SourceSpan)
        case subscriptAccess(Expr, [CallArgument])
    }

    public var kind: Kind
    public var span: SourceSpan

    /// The identifier's name when the expression is just a name (used to say
    /// "the vocabulary of glove").
    public var name: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }
}

public enum StringSegment: Sendable {
    case text(String)
    case interpolation(Expr)
}

/// `label: value`, or just `value`.
public struct CallArgument: Sendable {
    public var label: String?
    public var labelSpan: SourceSpan?
    public var value: Expr
    public var span: SourceSpan { labelSpan.map { $0.union(value.span) } ?? value.span }
}

/// A statement, with the expectation written on its last line.
public struct Statement: Sendable {
    public indirect enum Kind: Sendable {
        case declaration(name: String, nameSpan: SourceSpan, mutable: Bool, Expr)
        case assignment(target: Expr, op: String, Expr)
        case expression(Expr)
        case forIn(name: String, nameSpan: SourceSpan, Expr, [Statement])
        case ifElse(Expr, [Statement], [Statement]?)
    }

    public var kind: Kind
    public var span: SourceSpan
    public var expectation: Expectation?
}

/// What a trailing comment says the statement must produce (LESSON-FORMAT §5).
public struct Expectation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `// => TEXT`: the one-line display equals TEXT.
        case display(String)
        /// `// ≈ 0.78` or `// ≈ 0.78 ± 0.02`.
        case approximately(Double, tolerance: Double, written: String)
        /// `// error: TEXT`: the statement fails with a message containing TEXT.
        case error(String)
    }

    public var kind: Kind
    public var span: SourceSpan
}

/// A parsed cell: its statements and every problem the parser found.
public struct Program: Sendable {
    public var statements: [Statement]
    public var diagnostics: [Diagnostic]
    /// Names the cell declares, including in statements that did not parse,
    /// so a later cell can say why a name has no value.
    public var declaredNames: [String]
}
