import LessonDiagnostics

/// A recursive-descent parser for the cell language, one function per
/// precedence level (as in Crafting Interpreters). After an error it
/// synchronises at the next statement, so one cell reports several errors.
public struct Parser {
    private var tokens: [Token]
    private var position = 0
    private var diagnostics: [Diagnostic]
    private var declaredNames: [String] = []
    private var depth = 0
    private var blockDepth = 0
    private let maximumDepth: Int

    /// Nesting deeper than this (brackets, parentheses, blocks) is refused.
    public static let defaultMaximumDepth = 64

    private struct Failure: Error {}

    /// Parses cell code whose first character is at `origin` in the `.md` file.
    public static func parse(_ source: String, origin: SourceLocation = SourceLocation(line: 1, column: 1),
                             maximumDepth: Int = defaultMaximumDepth) -> Program {
        let lexer = Lexer(source, origin: origin)
        var parser = Parser(tokens: lexer.tokens, diagnostics: lexer.diagnostics, maximumDepth: maximumDepth)
        var statements = parser.statements(until: nil)
        parser.attach(lexer.comments, to: &statements)
        let diagnostics = parser.diagnostics.sorted {
            ($0.span?.start ?? SourceLocation(line: 0, column: 0)) < ($1.span?.start ?? SourceLocation(line: 0, column: 0))
        }
        return Program(statements: statements, diagnostics: diagnostics, declaredNames: parser.declaredNames)
    }

    private init(tokens: [Token], diagnostics: [Diagnostic], maximumDepth: Int) {
        self.tokens = tokens
        self.diagnostics = diagnostics
        self.maximumDepth = maximumDepth
    }

    // MARK: - Tokens

    private var current: Token { tokens[position] }
    private var previous: Token { tokens[max(0, position - 1)] }
    private var atEnd: Bool { current.kind == .endOfFile }

    /// An operator with space before it and none after is prefix (Swift's rule).
    private var looksPrefix: Bool {
        current.spaceBefore && position + 1 < tokens.count && !tokens[position + 1].spaceBefore
    }

    private func check(_ text: String) -> Bool {
        (current.kind == .symbol || current.kind == .keyword) && current.text == text
    }

    private mutating func match(_ texts: String...) -> Bool {
        for text in texts where check(text) {
            position += 1
            return true
        }
        return false
    }

    @discardableResult
    private mutating func consume(_ text: String, _ what: String) throws -> Token {
        if check(text) {
            position += 1
            return previous
        }
        throw error(.expected(what, found: describe(current)), at: hereSpan)
    }

    /// Where a missing token should have been: right after the previous
    /// token when the current one is on a later line, else the current token.
    private var hereSpan: SourceSpan {
        guard position > 0, current.startsLine || current.kind == .endOfFile else { return current.span }
        let end = previous.span.end
        return SourceSpan(start: end, end: SourceLocation(line: end.line, column: end.column + 1))
    }

    private mutating func error(_ message: DiagnosticMessage, at span: SourceSpan) -> Failure {
        diagnostics.append(Diagnostic(.error, message, at: span))
        return Failure()
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfFile: return "end of cell"
        case .string: return "a string"
        case .integer, .float: return "'\(token.text)'"
        default: return token.startsLine && position > 0 && token.span.start.line != previous.span.end.line
            ? "end of line" : "'\(token.text)'"
        }
    }

    /// Skips to the start of the next statement: the first token on a new
    /// line after the statement began at `start`, a ';', or the '}' that
    /// closes the block being parsed.
    private mutating func synchronize(from start: Int) {
        if position > start && current.startsLine { return }
        while !atEnd {
            if check(";") { position += 1; return }
            if check("}") && blockDepth > 0 { return }
            position += 1
            if current.startsLine { return }
        }
    }

    // MARK: - Statements

    private mutating func statements(until closing: String?) -> [Statement] {
        var out: [Statement] = []
        while !atEnd && !(closing.map { check($0) } ?? false) {
            if match(";") { continue }
            if closing == nil, check("}") {
                _ = error(.expected("a statement", found: "'}'"), at: current.span)
                position += 1
                continue
            }
            let before = position
            do {
                out.append(try statement())
                if !atEnd && !check(";") && !check("}") && !current.startsLine {
                    throw error(.consecutiveStatements, at: current.span)
                }
            } catch {
                synchronize(from: before)
                if position == before { position += 1 }
            }
        }
        return out
    }

    private mutating func statement() throws -> Statement {
        let start = current.span
        if current.kind == .identifier, Keyword.unsupported.contains(current.text) {
            let token = current
            position += 1
            throw error(.unsupportedKeyword(token.text), at: token.span)
        }
        if match("let", "var") {
            let mutable = previous.text == "var"
            guard current.kind == .identifier else {
                throw error(.expected("a name", found: describe(current)), at: current.span)
            }
            let name = current
            position += 1
            declaredNames.append(name.text)
            if check(":") {
                throw error(.expected("'='", found: "':'"), at: current.span)
            }
            try consume("=", "'=' after the name")
            let value = try expression()
            return Statement(kind: .declaration(name: name.text, nameSpan: name.span, mutable: mutable, value),
                             span: start.union(value.span))
        }
        if match("for") {
            guard current.kind == .identifier else {
                throw error(.expected("a loop variable", found: describe(current)), at: current.span)
            }
            let name = current
            position += 1
            try consume("in", "'in'")
            let sequence = try expression()
            let (body, end) = try block()
            return Statement(kind: .forIn(name: name.text, nameSpan: name.span, sequence, body),
                             span: start.union(end))
        }
        if match("if") {
            return try ifStatement(start)
        }
        let expr = try expression()
        if match("=", "+=", "-=", "*=", "/=") {
            let op = previous.text
            switch expr.kind {
            case .identifier, .subscriptAccess: break
            default: throw error(.notAssignable("this expression"), at: expr.span)
            }
            let value = try expression()
            return Statement(kind: .assignment(target: expr, op: op, value), span: start.union(value.span))
        }
        return Statement(kind: .expression(expr), span: expr.span)
    }

    private mutating func ifStatement(_ start: SourceSpan) throws -> Statement {
        let condition = try expression()
        let (thenBody, thenEnd) = try block()
        var end = thenEnd
        var elseBody: [Statement]?
        if match("else") {
            if check("if") {
                let nestedStart = current.span
                position += 1
                let nested = try ifStatement(nestedStart)
                elseBody = [nested]
                end = nested.span
            } else {
                let (body, blockEnd) = try block()
                elseBody = body
                end = blockEnd
            }
        }
        return Statement(kind: .ifElse(condition, thenBody, elseBody), span: start.union(end))
    }

    private mutating func block() throws -> ([Statement], SourceSpan) {
        try consume("{", "'{'")
        try enter(previous.span)
        blockDepth += 1
        defer { depth -= 1; blockDepth -= 1 }
        let body = statements(until: "}")
        let close = try consume("}", "'}'")
        return (body, close.span)
    }

    private mutating func enter(_ span: SourceSpan) throws {
        depth += 1
        if depth > maximumDepth { throw error(.tooDeeplyNested(limit: maximumDepth), at: span) }
    }

    // MARK: - Expressions, loosest first

    private mutating func expression() throws -> Expr {
        try enter(current.span)
        defer { depth -= 1 }
        return try disjunction()
    }

    private mutating func disjunction() throws -> Expr {
        var expr = try conjunction()
        while match("||") { expr = binary(expr, previous, try conjunction()) }
        return expr
    }

    private mutating func conjunction() throws -> Expr {
        var expr = try comparison()
        while match("&&") { expr = binary(expr, previous, try comparison()) }
        return expr
    }

    private mutating func comparison() throws -> Expr {
        let expr = try rangeFormation()
        if match("==", "!=", "<", "<=", ">", ">=") {
            let result = binary(expr, previous, try rangeFormation())
            if check("==") || check("!=") || check("<") || check("<=") || check(">") || check(">=") {
                throw error(.expected("end of comparison", found: "'\(current.text)'"), at: current.span)
            }
            return result
        }
        return expr
    }

    private mutating func rangeFormation() throws -> Expr {
        let lower = try addition()
        if match("..<", "...") {
            let closed = previous.text == "..."
            let upper = try addition()
            return Expr(kind: .range(lower, upper, closed: closed), span: lower.span.union(upper.span))
        }
        return lower
    }

    private mutating func addition() throws -> Expr {
        var expr = try multiplication()
        while current.kind == .symbol, current.text == "+" || current.text == "-", !looksPrefix {
            position += 1
            expr = binary(expr, previous, try multiplication())
        }
        return expr
    }

    private mutating func multiplication() throws -> Expr {
        var expr = try prefix()
        while match("*", "/", "%") { expr = binary(expr, previous, try prefix()) }
        return expr
    }

    private mutating func prefix() throws -> Expr {
        if match("-", "!", "+") {
            let op = previous
            try enter(op.span)
            defer { depth -= 1 }
            let operand = try prefix()
            if op.text == "+" { return operand }
            return Expr(kind: .unary(op.text, operand), span: op.span.union(operand.span))
        }
        return try postfix()
    }

    private mutating func postfix() throws -> Expr {
        var expr = try primary()
        while true {
            // A call or subscript must start on the same line, as in Swift.
            if check("("), !current.startsLine {
                position += 1
                let (arguments, close) = try argumentList(closing: ")")
                expr = Expr(kind: .call(expr, arguments), span: expr.span.union(close))
            } else if check("["), !current.startsLine {
                position += 1
                let (arguments, close) = try argumentList(closing: "]")
                expr = Expr(kind: .subscriptAccess(expr, arguments), span: expr.span.union(close))
            } else if match(".") {
                let name = current
                guard name.kind == .identifier || name.kind == .integer || name.kind == .keyword else {
                    throw error(.expectedAfter("a member name", after: "'.'"), at: name.span)
                }
                position += 1
                expr = Expr(kind: .member(expr, name.text, nameSpan: name.span), span: expr.span.union(name.span))
            } else {
                return expr
            }
        }
    }

    private mutating func argumentList(closing: String) throws -> ([CallArgument], SourceSpan) {
        try enter(previous.span)
        defer { depth -= 1 }
        var arguments: [CallArgument] = []
        if !check(closing) {
            repeat {
                if check(closing) { break }  // trailing comma
                var label: String?
                var labelSpan: SourceSpan?
                if current.kind == .identifier || current.kind == .keyword,
                   tokens[position + 1].kind == .symbol, tokens[position + 1].text == ":" {
                    label = current.text
                    labelSpan = current.span
                    position += 2
                }
                arguments.append(CallArgument(label: label, labelSpan: labelSpan, value: try expression()))
            } while match(",")
        }
        let close = try consume(closing, "',' or '\(closing)'")
        return (arguments, close.span)
    }

    private mutating func primary() throws -> Expr {
        let token = current
        switch token.kind {
        case .integer:
            position += 1
            let digits = token.text.filter { $0 != "_" }
            guard let value = Int(digits) else {
                throw error(.integerOverflow(token.text), at: token.span)
            }
            return Expr(kind: .integer(value), span: token.span)
        case .float:
            position += 1
            guard let value = Double(token.text.filter { $0 != "_" }), value.isFinite else {
                throw error(.invalidNumber(token.text), at: token.span)
            }
            return Expr(kind: .float(value), span: token.span)
        case .string:
            position += 1
            return Expr(kind: .string(try segments(of: token)), span: token.span)
        case .keyword where token.text == "true" || token.text == "false":
            position += 1
            return Expr(kind: .bool(token.text == "true"), span: token.span)
        case .identifier:
            position += 1
            return Expr(kind: .identifier(token.text), span: token.span)
        case .symbol where token.text == "(":
            position += 1
            let (elements, close) = try argumentList(closing: ")")
            if elements.count == 1, elements[0].label == nil {
                var inner = elements[0].value
                inner.span = token.span.union(close)
                return inner
            }
            return Expr(kind: .tuple(elements.map(\.value)), span: token.span.union(close))
        case .symbol where token.text == "[":
            position += 1
            let (elements, close) = try argumentList(closing: "]")
            if let labelled = elements.first(where: { $0.label != nil }) {
                throw error(.expected("an array element", found: "a label"), at: labelled.labelSpan!)
            }
            return Expr(kind: .array(elements.map(\.value)), span: token.span.union(close))
        default:
            if token.kind == .identifier || token.kind == .keyword {
                throw error(.expected("an expression", found: "'\(token.text)'"), at: token.span)
            }
            throw error(.expected("an expression", found: describe(token)), at: token.span)
        }
    }

    /// Parses the interpolations of a string literal, each at its own place in the file.
    private mutating func segments(of token: Token) throws -> [StringSegment] {
        try token.stringParts.map { part in
            switch part {
            case .text(let text): return .text(text)
            case .interpolation(let code, let origin):
                let lexer = Lexer(code, origin: origin)
                var inner = Parser(tokens: lexer.tokens, diagnostics: lexer.diagnostics,
                                   maximumDepth: maximumDepth - depth)
                guard !inner.atEnd else {
                    throw error(.expected("an expression", found: "'()'"), at: token.span)
                }
                let expr = try? inner.expression()
                if expr != nil, !inner.atEnd {
                    _ = inner.error(.expected("')'", found: inner.describe(inner.current)), at: inner.current.span)
                }
                diagnostics += inner.diagnostics
                guard let expr, inner.diagnostics.isEmpty else { throw Failure() }
                return .interpolation(expr)
            }
        }
    }

    private func binary(_ lhs: Expr, _ op: Token, _ rhs: Expr) -> Expr {
        Expr(kind: .binary(op.text, lhs, rhs, operatorSpan: op.span), span: lhs.span.union(rhs.span))
    }

    // MARK: - Expectations

    /// Attaches each expectation comment to the top-level statement that ends on its line.
    private mutating func attach(_ comments: [Comment], to statements: inout [Statement]) {
        for comment in comments {
            guard let parsed = Expectation.parse(comment) else { continue }
            switch parsed {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let expectation):
                if let i = statements.lastIndex(where: { $0.span.end.line == comment.span.start.line }) {
                    statements[i].expectation = expectation
                } else if !diagnostics.contains(where: { $0.span?.start.line == comment.span.start.line }) {
                    diagnostics.append(Diagnostic(.error, .expectationWithoutStatement, at: comment.span))
                }
            }
        }
    }
}
