import EmbeddingEngine
import LessonDiagnostics

/// Looks builtins up in the table and calls them.
public enum Builtins {
    /// Every builtin, in the order the reference lists them.
    public static let all: [Builtin] = table

    private static let index: [String: [Builtin]] = Dictionary(grouping: all, by: { key($0.owner, $0.name, $0.kind) })

    private static func key(_ owner: String?, _ name: String, _ kind: Builtin.Kind) -> String {
        "\(owner ?? "").\(name).\(kind.rawValue)"
    }

    static func lookup(_ owner: String?, _ name: String, _ kind: Builtin.Kind) -> [Builtin] {
        index[key(owner, name, kind)] ?? []
    }

    /// Names of free functions, for "did you mean".
    public static let functionNames: [String] = Array(Set(all.filter { $0.kind == .function }.map(\.name))).sorted()

    static func isFunction(_ name: String) -> Bool { !lookup(nil, name, .function).isEmpty }

    /// Member names of a type, for "did you mean".
    static func memberNames(of type: String) -> [String] {
        all.filter { $0.owner == type && ($0.kind == .method || $0.kind == .property) }.map(\.name)
    }

    // MARK: - Dispatch

    static func callFunction(_ name: String, nameSpan: SourceSpan, arguments: [CallArgument], values: [Value],
                             span: SourceSpan, interpreter: Interpreter) throws -> Value {
        let candidates = lookup(nil, name, .function)
        guard !candidates.isEmpty else {
            let suggestion = Suggestions.nearest(to: name, in: interpreter.names + functionNames)
            throw ScriptError(.unknownName(name, suggestion: suggestion), at: nameSpan)
        }
        return try invoke(candidates, receiver: nil, receiverExpr: nil, arguments: arguments, values: values,
                          span: span, interpreter: interpreter)
    }

    static func callMethod(_ name: String, on base: Value, baseExpr: Expr, nameSpan: SourceSpan,
                           arguments: [CallArgument], values: [Value], span: SourceSpan,
                           interpreter: Interpreter) throws -> Value {
        let candidates = lookup(base.typeName, name, .method)
        guard !candidates.isEmpty else {
            if !lookup(base.typeName, name, .property).isEmpty {
                // `E.weight(…)`: a property's value called.
                let value = try property(name, of: base, baseExpr: baseExpr, nameSpan: nameSpan, interpreter: interpreter)
                return try callValue(value, baseExpr: baseExpr, arguments: arguments, values: values, span: span,
                                     interpreter: interpreter)
            }
            throw unknownMember(name, of: base, at: nameSpan)
        }
        return try invoke(candidates, receiver: base, receiverExpr: baseExpr, arguments: arguments, values: values,
                          span: span, interpreter: interpreter)
    }

    static func callValue(_ base: Value, baseExpr: Expr, arguments: [CallArgument], values: [Value], span: SourceSpan,
                          interpreter: Interpreter) throws -> Value {
        let candidates = lookup(base.typeName, "callAsFunction", .call)
        guard !candidates.isEmpty else { throw ScriptError(.notCallable(base.typeName), at: baseExpr.span) }
        return try invoke(candidates, receiver: base, receiverExpr: baseExpr, arguments: arguments, values: values,
                          span: span, interpreter: interpreter)
    }

    static func property(_ name: String, of base: Value, baseExpr: Expr, nameSpan: SourceSpan,
                         interpreter: Interpreter) throws -> Value {
        if case .tuple(let items) = base, let i = Int(name) {
            guard i >= 0, i < items.count else { throw ScriptError(.indexOutOfRange(i, count: items.count), at: nameSpan) }
            return items[i]
        }
        guard let builtin = lookup(base.typeName, name, .property).first else {
            if !lookup(base.typeName, name, .method).isEmpty { throw ScriptError(.methodNotCalled(name), at: nameSpan) }
            throw unknownMember(name, of: base, at: nameSpan)
        }
        return try builtin.body(Invocation(builtin: builtin, receiver: base, receiverExpr: baseExpr, arguments: [:],
                                           variadic: [], span: baseExpr.span.union(nameSpan), interpreter: interpreter))
    }

    static func subscriptValue(_ base: Value, baseExpr: Expr, arguments: [CallArgument], values: [Value],
                               span: SourceSpan, interpreter: Interpreter) throws -> Value {
        let candidates = lookup(base.typeName, "subscript", .subscript)
        guard !candidates.isEmpty else { throw ScriptError(.notSubscriptable(base.typeName), at: baseExpr.span) }
        return try invoke(candidates, receiver: base, receiverExpr: baseExpr, arguments: arguments, values: values,
                          span: span, interpreter: interpreter)
    }

    static func iterate(_ value: Value) -> [Value]? {
        if case .object(let o) = value, let n = o as? Neighbours {
            return n.entries.map { .object($0) }
        }
        return nil
    }

    private static func unknownMember(_ name: String, of base: Value, at span: SourceSpan) -> ScriptError {
        let suggestion = Suggestions.nearest(to: name, in: memberNames(of: base.typeName))
        return ScriptError(.unknownMember(name, of: base.typeName, suggestion: suggestion), at: span)
    }

    // MARK: - Binding arguments to parameters

    private static func invoke(_ candidates: [Builtin], receiver: Value?, receiverExpr: Expr?, arguments: [CallArgument],
                               values: [Value], span: SourceSpan, interpreter: Interpreter) throws -> Value {
        var failures: [(Builtin, ScriptError)] = []
        for builtin in candidates {
            switch bind(builtin, arguments: arguments, values: values, span: span) {
            case .success(let (bound, variadic)):
                return try builtin.body(Invocation(builtin: builtin, receiver: receiver, receiverExpr: receiverExpr,
                                                   arguments: bound, variadic: variadic, span: span,
                                                   interpreter: interpreter))
            case .failure(let error):
                failures.append((builtin, error))
            }
        }
        // The overload the call most resembles explains the mistake best.
        let scored = failures.map { ($0.1, resemblance($0.0, arguments)) }.sorted { $0.1 > $1.1 }
        if scored.count == 1 || (scored.count > 1 && scored[0].1 > scored[1].1) { throw scored[0].0 }
        let labels = arguments.map { ($0.label ?? "_") + ":" }.joined()
        throw ScriptError(.noMatchingCall(displayName(candidates[0]), labels: labels,
                                          candidates: candidates.map { "'" + $0.signature + "'" }),
                          at: span)
    }

    /// How closely a call's labels fit a builtin's: equal labels count 2, near ones 1.
    private static func resemblance(_ builtin: Builtin, _ arguments: [CallArgument]) -> Int {
        var score = 0
        for (argument, parameter) in zip(arguments, builtin.parameters) {
            if argument.label == parameter.label { score += 2 }
            else if let a = argument.label, let p = parameter.label, Suggestions.nearest(to: a, in: [p]) != nil { score += 1 }
        }
        return score - abs(builtin.parameters.count - arguments.count)
    }

    private static func displayName(_ builtin: Builtin) -> String {
        switch builtin.kind {
        case .subscript: return "subscript"
        case .call: return builtin.owner ?? builtin.name
        default: return builtin.name
        }
    }

    private static func bind(_ builtin: Builtin, arguments: [CallArgument], values: [Value], span: SourceSpan)
        -> Result<([String: (value: Value, span: SourceSpan, name: String?)], [Value]), ScriptError> {
        var bound: [String: (value: Value, span: SourceSpan, name: String?)] = [:]
        var variadic: [Value] = []
        var next = 0
        let name = displayName(builtin)
        for parameter in builtin.parameters {
            if parameter.variadic {
                while next < arguments.count, arguments[next].label == nil {
                    variadic.append(values[next])
                    next += 1
                }
                continue
            }
            guard next < arguments.count else {
                if parameter.defaultValue != nil { continue }
                return .failure(ScriptError(.missingArgument(parameter.label.map { $0 + ":" } ?? parameter.name,
                                                             in: name, signature: "'\(builtin.signature)'"),
                                            at: span))
            }
            let argument = arguments[next]
            if argument.label == parameter.label {
                bound[parameter.name] = (values[next], argument.value.span, argument.value.name)
                next += 1
                continue
            }
            if parameter.defaultValue != nil,
               builtin.parameters.contains(where: { $0.label != nil && $0.label == argument.label }) {
                continue  // skip a defaulted parameter; a later one takes this argument
            }
            let at = argument.labelSpan ?? argument.value.span
            switch (argument.label, parameter.label) {
            case (let found?, let expected?):
                return .failure(ScriptError(.wrongLabel(found, expected: expected, in: name), at: at))
            case (let found?, nil):
                return .failure(ScriptError(.extraneousLabel(found, in: name), at: at))
            case (nil, let expected?):
                return .failure(ScriptError(.missingLabel(expected, in: name), at: at))
            case (nil, nil):
                return .failure(ScriptError(.extraArgument(in: name, signature: "'\(builtin.signature)'"), at: at))
            }
        }
        if next < arguments.count {
            let argument = arguments[next]
            if let label = argument.label {
                let labels = builtin.parameters.compactMap(\.label)
                if let near = Suggestions.nearest(to: label, in: labels) {
                    return .failure(ScriptError(.wrongLabel(label, expected: near, in: name),
                                                at: argument.labelSpan ?? argument.span))
                }
            }
            return .failure(ScriptError(.extraArgument(in: name, signature: "'\(builtin.signature)'"), at: argument.span))
        }
        return .success((bound, variadic))
    }
}
