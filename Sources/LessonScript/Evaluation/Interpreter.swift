import EmbeddingEngine
import Foundation
import LessonDiagnostics
import VectorStore

/// How far training has come, for a progress bar.
public struct TrainingProgress: Sendable {
    public var progress: SkipGram.Progress
    /// Seconds since this `train` call began.
    public var elapsed: Double

    public init(progress: SkipGram.Progress, elapsed: Double) {
        self.progress = progress
        self.elapsed = elapsed
    }

    /// Words per second so far.
    public var wordsPerSecond: Double { elapsed > 0 ? Double(progress.words) / elapsed : 0 }
    /// Seconds left at the current speed.
    public var remaining: Double {
        let rate = wordsPerSecond
        return rate > 0 ? Double(progress.totalWords - progress.words) / rate : 0
    }
}

/// Runs cells one after another in one notebook state (LESSON-FORMAT §3).
public final class Interpreter {
    struct Binding {
        /// `nil` when the statement that declares the name failed.
        var value: Value?
        var mutable: Bool
    }

    public var limits: Limits
    /// The folder a lesson's files are read from.
    public var baseDirectory: String
    /// Where `vectors("NAME")` looks.
    public var vectorLibrary: VectorLibrary
    /// Told how training goes, a few times a second (the CLI draws a progress bar).
    public var trainingProgress: (@Sendable (TrainingProgress) -> Void)?

    private var scopes: [[String: Binding]] = [[:]]
    private var events: [Event] = []
    private var deadline: Date = .distantFuture
    private var printedCharacters = 0

    public init(limits: Limits = Limits(), baseDirectory: String = ".",
                vectorLibrary: VectorLibrary = VectorLibrary(directories: [])) {
        self.limits = limits
        self.baseDirectory = baseDirectory
        self.vectorLibrary = vectorLibrary
    }

    /// Binds a name in the notebook state (corpus blocks do this).
    public func define(_ name: String, _ value: Value?) {
        scopes[0][name] = Binding(value: value, mutable: false)
    }

    /// A new interpreter with the same notebook state, for trying code
    /// without touching this one (an exercise's answer, its solution).
    /// Tables and models are shared objects: training in the fork trains them here too.
    public func fork() -> Interpreter {
        let copy = Interpreter(limits: limits, baseDirectory: baseDirectory, vectorLibrary: vectorLibrary)
        copy.scopes = [scopes[0]]
        copy.trainingProgress = trainingProgress
        return copy
    }

    /// The names bound so far, for "did you mean".
    public var names: [String] { scopes.flatMap(\.keys) }

    /// Parses and runs one cell whose code starts at `origin`.
    public func run(_ source: String, origin: SourceLocation) -> [Event] {
        let program = Parser.parse(source, origin: origin, maximumDepth: limits.maximumDepth)
        if !program.diagnostics.isEmpty {
            for name in program.declaredNames where scopes[0][name] == nil {
                scopes[0][name] = Binding(value: nil, mutable: true)
            }
            return program.diagnostics.map { .error($0, expected: false) }
        }
        return run(program)
    }

    /// Runs a parsed cell. After an unexpected error the rest of the cell is
    /// skipped, and the names it would have declared are marked as failed.
    public func run(_ program: Program) -> [Event] {
        events = []
        printedCharacters = 0
        deadline = Date(timeIntervalSinceNow: limits.maximumCellSeconds)
        scopes = [scopes[0]]
        var declaredHere: Set<String> = []
        for (index, statement) in program.statements.enumerated() {
            do {
                if case .declaration(let name, let nameSpan, _, _) = statement.kind {
                    if declaredHere.contains(name) { throw ScriptError(.redeclaration(name), at: nameSpan) }
                    declaredHere.insert(name)
                }
                try runTopLevel(statement)
            } catch let error as ScriptError {
                if let expectation = statement.expectation, case .error(let wanted) = expectation.kind {
                    let met = error.message.text.contains(wanted)
                    events.append(.error(error.diagnostic, expected: met))
                    events.append(.expectation(ExpectationOutcome(
                        expectation: expectation, met: met, actual: error.message.text, expected: wanted,
                        diagnostic: met ? nil : Diagnostic(.error, .wrongError(expected: wanted, actual: error.message.text),
                                                           at: expectation.span),
                        span: expectation.span)))
                    if met {
                        markFailed(program.statements[index...index])
                        continue
                    }
                } else {
                    events.append(.error(error.diagnostic, expected: false))
                }
                markFailed(program.statements[index...])
                break
            } catch {
                events.append(.error(Diagnostic(.error, .unexpectedFailure("\(error)"), at: statement.span), expected: false))
                markFailed(program.statements[index...])
                break
            }
        }
        return events
    }

    private func markFailed(_ statements: ArraySlice<Statement>) {
        for statement in statements {
            if case .declaration(let name, _, let mutable, _) = statement.kind {
                scopes[0][name] = Binding(value: nil, mutable: mutable)
            }
        }
    }

    // MARK: - Statements

    private func runTopLevel(_ statement: Statement) throws {
        switch statement.kind {
        case .declaration(let name, _, let mutable, let expr):
            let value = try evaluate(expr)
            scopes[0][name] = Binding(value: value, mutable: mutable)
            events.append(.binding(name: name, value.frozen, statement.span))
            try check(statement, value)
        case .expression(let expr):
            let value = try evaluate(expr)
            if case .void = value {} else { events.append(.value(value.frozen, expr.span)) }
            try check(statement, value)
        default:
            try execute(statement)
            if let expectation = statement.expectation {
                try check(statement, .void, expectation: expectation)
            }
        }
    }

    /// Checks the statement's expectation, if any, against `value`.
    private func check(_ statement: Statement, _ value: Value) throws {
        guard let expectation = statement.expectation else { return }
        try check(statement, value, expectation: expectation)
    }

    private func check(_ statement: Statement, _ value: Value, expectation: Expectation) throws {
        let actual = value.display
        switch expectation.kind {
        case .display(let wanted):
            let met = actual.trimmingCharacters(in: .whitespaces) == wanted
            events.append(.expectation(ExpectationOutcome(
                expectation: expectation, met: met, actual: actual, expected: wanted,
                diagnostic: met ? nil : Diagnostic(.error, .expectationFailed(expected: wanted, actual: actual),
                                                   at: expectation.span),
                span: expectation.span)))
        case .approximately(let target, let tolerance, let written):
            let expected = "\(written) ± \(Value.format(tolerance))"
            guard let number = value.number else {
                events.append(.expectation(ExpectationOutcome(
                    expectation: expectation, met: false, actual: actual, expected: expected,
                    diagnostic: Diagnostic(.error, .notANumber(actual), at: expectation.span), span: expectation.span)))
                return
            }
            // A hair of slack so `0.78` written and 0.785 computed in Float32 agree.
            let met = abs(number - target) <= tolerance * (1 + 1e-9) + 1e-12
            events.append(.expectation(ExpectationOutcome(
                expectation: expectation, met: met, actual: Value.format(number), expected: expected,
                diagnostic: met ? nil : Diagnostic(.error, .approximateFailed(
                    expected: written, tolerance: Value.format(tolerance), actual: Value.format(number)),
                    at: expectation.span),
                span: expectation.span)))
        case .error(let wanted):
            events.append(.expectation(ExpectationOutcome(
                expectation: expectation, met: false, actual: actual, expected: "error: " + wanted,
                diagnostic: Diagnostic(.error, .expectedErrorMissing(wanted), at: expectation.span),
                span: expectation.span)))
        }
    }

    private func execute(_ statement: Statement) throws {
        try checkTime(statement.span)
        switch statement.kind {
        case .declaration(let name, let nameSpan, let mutable, let expr):
            let value = try evaluate(expr)
            if scopes.count > 1, scopes[scopes.count - 1][name] != nil {
                throw ScriptError(.redeclaration(name), at: nameSpan)
            }
            scopes[scopes.count - 1][name] = Binding(value: value, mutable: mutable)
        case .expression(let expr):
            _ = try evaluate(expr)
        case .assignment(let target, let op, let expr):
            try assign(target, op, expr)
        case .forIn(let name, _, let sequenceExpr, let body):
            let sequence = try evaluate(sequenceExpr)
            let items = try iterate(sequence, span: sequenceExpr.span)
            for item in items {
                try checkTime(statement.span)
                scopes.append([name: Binding(value: item, mutable: false)])
                defer { scopes.removeLast() }
                for inner in body { try execute(inner) }
            }
        case .ifElse(let conditionExpr, let thenBody, let elseBody):
            let condition = try evaluate(conditionExpr)
            guard case .bool(let flag) = condition else {
                throw ScriptError(.notACondition(condition.typeName), at: conditionExpr.span)
            }
            scopes.append([:])
            defer { scopes.removeLast() }
            for inner in (flag ? thenBody : elseBody ?? []) { try execute(inner) }
        }
    }

    private func iterate(_ value: Value, span: SourceSpan) throws -> AnyCollection<Value> {
        switch value {
        case .array(let items): return AnyCollection(items)
        case .range(let r): return AnyCollection(r.lazy.map { Value.int($0) })
        case .tuple(let items): return AnyCollection(items)
        case .string(let s): return AnyCollection(s.map { Value.string(String($0)) })
        case .tensor(let t) where t.rank >= 1:
            return AnyCollection((0..<t.shape[0]).lazy.map { i in
                let row = try? t.slice([.at(i)])
                return row.map { $0.rank == 0 ? Value.float(Double($0.storage[0])) : Value.tensor($0) } ?? .void
            })
        default:
            if let items = Builtins.iterate(value) { return AnyCollection(items) }
            throw ScriptError(.notIterable(value.typeName), at: span)
        }
    }

    private func assign(_ target: Expr, _ op: String, _ expr: Expr) throws {
        var value = try evaluate(expr)
        switch target.kind {
        case .identifier(let name):
            guard let (scope, binding) = lookupBinding(name) else {
                throw ScriptError(.unknownName(name, suggestion: Suggestions.nearest(to: name, in: names)), at: target.span)
            }
            guard binding.mutable else { throw ScriptError(.assignToLet(name), at: target.span) }
            if op != "=" {
                guard let old = binding.value else { throw ScriptError(.failedBinding(name), at: target.span) }
                value = try Operators.binary(String(op.dropLast()), old, value, span: target.span.union(expr.span),
                                             operatorSpan: target.span, limits: limits)
            }
            scopes[scope][name]?.value = value
        case .subscriptAccess(let base, let arguments):
            guard case .identifier(let name) = base.kind, let (scope, binding) = lookupBinding(name) else {
                throw ScriptError(.notAssignable("this subscript"), at: target.span)
            }
            guard binding.mutable else { throw ScriptError(.assignToLet(name), at: base.span) }
            guard case .array(var items)? = binding.value, arguments.count == 1,
                  case .int(let index) = try evaluate(arguments[0].value) else {
                throw ScriptError(.notAssignable("an element of a '\(binding.value?.typeName ?? "Void")'"), at: target.span)
            }
            guard index >= 0, index < items.count else {
                throw ScriptError(.indexOutOfRange(index, count: items.count), at: arguments[0].span)
            }
            if op != "=" {
                value = try Operators.binary(String(op.dropLast()), items[index], value, span: target.span,
                                             operatorSpan: target.span, limits: limits)
            }
            items[index] = value
            scopes[scope][name]?.value = .array(items)
        default:
            throw ScriptError(.notAssignable("this expression"), at: target.span)
        }
    }

    private func lookupBinding(_ name: String) -> (Int, Binding)? {
        for i in stride(from: scopes.count - 1, through: 0, by: -1) {
            if let binding = scopes[i][name] { return (i, binding) }
        }
        return nil
    }

    private var checks = 0

    /// Stops a cell that runs past its time budget, or a lesson that holds
    /// more memory than its budget (looked at every 256 checks: reading it
    /// costs a system call).
    func checkTime(_ span: SourceSpan) throws {
        if Date() > deadline { throw ScriptError(.timeBudget(seconds: limits.maximumCellSeconds), at: span) }
        checks &+= 1
        if checks % 256 == 0, let resident = Self.residentBytes(), resident > limits.maximumLessonBytes {
            throw ScriptError(.lessonMemory(bytes: resident, limit: limits.maximumLessonBytes), at: span)
        }
    }

    /// The process's resident memory, from `/proc/self/statm`.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The path of a file a lesson names, which must be inside the lesson's
    /// folder (after `..` and symbolic links are resolved) or a folder the
    /// user allowed with `--allow-path`.
    func confinedPath(_ file: String, at span: SourceSpan) throws -> String {
        let joined = file.hasPrefix("/") ? file : (baseDirectory as NSString).appendingPathComponent(file)
        let resolved = ((joined as NSString).standardizingPath as NSString).resolvingSymlinksInPath
        let roots = ([baseDirectory] + limits.allowedPaths).map {
            ((($0 as NSString).standardizingPath as NSString).resolvingSymlinksInPath as NSString).standardizingPath
        }
        for root in roots where resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            return resolved
        }
        throw ScriptError(.outsideLessonFolder(file), at: span)
    }

    // MARK: - Expressions

    func evaluate(_ expr: Expr) throws -> Value {
        switch expr.kind {
        case .integer(let i): return .int(i)
        case .float(let f): return .float(f)
        case .bool(let b): return .bool(b)
        case .string(let segments):
            var text = ""
            for segment in segments {
                switch segment {
                case .text(let s): text += s
                case .interpolation(let inner): text += try evaluate(inner).display
                }
            }
            return .string(text)
        case .identifier(let name):
            if let (_, binding) = lookupBinding(name) {
                guard let value = binding.value else { throw ScriptError(.failedBinding(name), at: expr.span) }
                return value
            }
            if Builtins.isFunction(name) {
                throw ScriptError(.functionNotCalled(name), at: expr.span)
            }
            let suggestion = Suggestions.nearest(to: name, in: names + Builtins.functionNames)
            throw ScriptError(.unknownName(name, suggestion: suggestion), at: expr.span)
        case .array(let elements):
            return .array(try elements.map(evaluate))
        case .tuple(let elements):
            return .tuple(try elements.map(evaluate))
        case .unary(let op, let operandExpr):
            return try Operators.unary(op, try evaluate(operandExpr), span: expr.span)
        case .binary(let op, let lhsExpr, let rhsExpr, let operatorSpan):
            if op == "&&" || op == "||" {
                let lhs = try evaluate(lhsExpr)
                guard case .bool(let l) = lhs else { throw ScriptError(.binaryOperator(op, lhs.typeName, "Bool"), at: operatorSpan) }
                if op == "&&" && !l { return .bool(false) }
                if op == "||" && l { return .bool(true) }
                let rhs = try evaluate(rhsExpr)
                guard case .bool(let r) = rhs else { throw ScriptError(.binaryOperator(op, "Bool", rhs.typeName), at: operatorSpan) }
                return .bool(r)
            }
            let lhs = try evaluate(lhsExpr), rhs = try evaluate(rhsExpr)
            if case .array(let a) = lhs, case .array(let b) = rhs { try reserveElements(a.count + b.count, at: expr.span) }
            if case .string(let a) = lhs, case .string(let b) = rhs {
                try reserveElements((a.utf8.count + b.utf8.count) / MemoryLayout<Value>.stride, at: expr.span)
            }
            return try Operators.binary(op, lhs, rhs, span: expr.span, operatorSpan: operatorSpan, limits: limits)
        case .range(let lowerExpr, let upperExpr, let closed):
            let lower = try evaluate(lowerExpr), upper = try evaluate(upperExpr)
            guard case .int(let l) = lower, case .int(let u) = upper else {
                throw ScriptError(.binaryOperator(closed ? "..." : "..<", lower.typeName, upper.typeName), at: expr.span)
            }
            let end: (partialValue: Int, overflow: Bool) = closed ? u.addingReportingOverflow(1) : (u, false)
            guard !end.overflow, l <= end.partialValue else { throw ScriptError(.invalidRange(l, u), at: expr.span) }
            return .range(l..<end.partialValue)
        case .call(let callee, let arguments):
            try checkTime(expr.span)
            return try call(callee, arguments, span: expr.span)
        case .member(let baseExpr, let name, let nameSpan):
            let base = try evaluate(baseExpr)
            return try Builtins.property(name, of: base, baseExpr: baseExpr, nameSpan: nameSpan, interpreter: self)
        case .subscriptAccess(let baseExpr, let arguments):
            let base = try evaluate(baseExpr)
            let values = try arguments.map { try evaluate($0.value) }
            return try Builtins.subscriptValue(base, baseExpr: baseExpr, arguments: arguments, values: values,
                                               span: expr.span, interpreter: self)
        }
    }

    private func call(_ callee: Expr, _ arguments: [CallArgument], span: SourceSpan) throws -> Value {
        let values = try arguments.map { try evaluate($0.value) }
        switch callee.kind {
        case .identifier(let name) where lookupBinding(name) == nil:
            return try Builtins.callFunction(name, nameSpan: callee.span, arguments: arguments, values: values,
                                             span: span, interpreter: self)
        case .member(let baseExpr, let name, let nameSpan):
            let base = try evaluate(baseExpr)
            return try Builtins.callMethod(name, on: base, baseExpr: baseExpr, nameSpan: nameSpan,
                                           arguments: arguments, values: values, span: span, interpreter: self)
        default:
            let base = try evaluate(callee)
            return try Builtins.callValue(base, baseExpr: callee, arguments: arguments, values: values,
                                          span: span, interpreter: self)
        }
    }

    // MARK: - Output

    /// Appends text written by `print`, within the output budget.
    func emit(_ text: String, span: SourceSpan) throws {
        printedCharacters += text.count
        if printedCharacters > limits.maximumOutputCharacters {
            throw ScriptError(.outputBudget(characters: limits.maximumOutputCharacters), at: span)
        }
        events.append(.printed(text))
    }

    /// Refuses a tensor of `shape` when it would exceed the budget.
    func reserve(_ shape: [Int], at span: SourceSpan) throws {
        let bytes = Tensor.byteCount(of: shape)
        if bytes > limits.maximumTensorBytes {
            throw ScriptError(.tensorTooLarge(bytes: bytes, limit: limits.maximumTensorBytes), at: span)
        }
    }

    /// Refuses a collection of `count` values over the memory budget.
    func reserveElements(_ count: Int, at span: SourceSpan) throws {
        let limit = limits.maximumTensorBytes / MemoryLayout<Value>.stride
        if count > limit { throw ScriptError(.collectionTooLarge(elements: count, limit: limit), at: span) }
    }

    /// Refuses work that could not finish within the cell's time budget,
    /// at a generous billion multiply-adds a second.
    func reserveWork(_ operations: Double, at span: SourceSpan) throws {
        if operations > limits.maximumCellSeconds * 1e9 {
            throw ScriptError(.workTooLarge(operations: operations, seconds: limits.maximumCellSeconds), at: span)
        }
    }

    /// Trains `model` within the cell's time budget, reporting progress.
    func train(_ model: SkipGram, epochs: Int, lr: Float, span: SourceSpan) throws -> [Float] {
        let start = Date()
        let deadline = self.deadline
        let report = trainingProgress
        var lastReport = Date.distantPast
        do {
            return try model.train(epochs: epochs, lr: lr) { progress in
                let now = Date()
                if let report, now.timeIntervalSince(lastReport) > 0.1 {
                    lastReport = now
                    report(TrainingProgress(progress: progress, elapsed: now.timeIntervalSince(start)))
                }
                return now < deadline
            }
        } catch {
            if Date() >= deadline { throw ScriptError(.timeBudget(seconds: limits.maximumCellSeconds), at: span) }
            throw ScriptError.from(error, at: span)
        }
    }

    /// Records the verdict of an `expect(…)` call.
    func record(_ outcome: ExpectationOutcome) {
        events.append(.expectation(outcome))
    }
}
