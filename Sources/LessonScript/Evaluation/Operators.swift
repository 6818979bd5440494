import EmbeddingEngine
import LessonDiagnostics

/// Unary and binary operators. Numbers mix as a reader expects (an Int and a
/// Float combine as Floats); tensors combine element-wise with scalar
/// broadcasting.
enum Operators {
    static func unary(_ op: String, _ operand: Value, span: SourceSpan) throws -> Value {
        switch (op, operand) {
        case ("-", .int(let i)):
            let (result, overflow) = Int(0).subtractingReportingOverflow(i)
            if overflow { throw ScriptError(.arithmeticOverflow, at: span) }
            return .int(result)
        case ("-", .float(let f)): return .float(-f)
        case ("-", .tensor(let t)): return .tensor(t.map { -$0 })
        case ("!", .bool(let b)): return .bool(!b)
        default: throw ScriptError(.unaryOperator(op, operand.typeName), at: span)
        }
    }

    static func binary(_ op: String, _ lhs: Value, _ rhs: Value, span: SourceSpan, operatorSpan: SourceSpan,
                       limits: Limits) throws -> Value {
        func mismatch() -> ScriptError { ScriptError(.binaryOperator(op, lhs.typeName, rhs.typeName), at: operatorSpan) }
        switch op {
        case "==", "!=":
            guard let equal = equals(lhs, rhs) else { throw mismatch() }
            return .bool(op == "==" ? equal : !equal)
        case "<", "<=", ">", ">=":
            let ordering: Bool
            if case .string(let a) = lhs, case .string(let b) = rhs {
                ordering = compare(op, a, b)
            } else if let a = scalar(lhs), let b = scalar(rhs) {
                ordering = compare(op, a, b)
            } else {
                throw mismatch()
            }
            return .bool(ordering)
        default: break
        }
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            let result: (partialValue: Int, overflow: Bool)
            switch op {
            case "+": result = a.addingReportingOverflow(b)
            case "-": result = a.subtractingReportingOverflow(b)
            case "*": result = a.multipliedReportingOverflow(by: b)
            case "/", "%":
                if b == 0 { throw ScriptError(.divisionByZero, at: span) }
                result = op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
            default: throw mismatch()
            }
            if result.overflow { throw ScriptError(.arithmeticOverflow, at: span) }
            return .int(result.partialValue)
        case (.string(let a), .string(let b)) where op == "+":
            return .string(a + b)
        case (.array(let a), .array(let b)) where op == "+":
            return .array(a + b)
        case (.tensor, _), (_, .tensor):
            guard let a = tensor(lhs), let b = tensor(rhs), let f = floatOperation(op) else { throw mismatch() }
            do {
                return .tensor(try Tensor.elementwise(a, b, "'\(op)'", f))
            } catch {
                throw ScriptError.from(error, at: span)
            }
        default:
            guard let a = scalar(lhs), let b = scalar(rhs) else { throw mismatch() }
            switch op {
            case "+": return .float(a + b)
            case "-": return .float(a - b)
            case "*": return .float(a * b)
            case "/": return .float(a / b)
            case "%": return .float(a.truncatingRemainder(dividingBy: b))
            default: throw mismatch()
            }
        }
    }

    /// Structural equality; `nil` when the two kinds cannot be compared.
    static func equals(_ lhs: Value, _ rhs: Value) -> Bool? {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)), (.tuple(let a), .tuple(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) {
                guard let equal = equals(x, y) else { return nil }
                if !equal { return false }
            }
            return true
        case (.range(let a), .range(let b)): return a == b
        case (.tensor(let a), .tensor(let b)): return a == b
        case (.tensor(let t), _) where t.count != 1, (_, .tensor(let t)) where t.count != 1:
            guard let a = tensor(lhs), let b = tensor(rhs) else { return nil }
            return a.storage == b.storage && (a.shape == b.shape || a.count == b.count)
        case (.object(let a), .object(let b)): return a.isEqual(to: b)
        default:
            guard let a = scalar(lhs), let b = scalar(rhs) else { return nil }
            return a == b
        }
    }

    private static func compare<T: Comparable>(_ op: String, _ a: T, _ b: T) -> Bool {
        switch op {
        case "<": return a < b
        case "<=": return a <= b
        case ">": return a > b
        default: return a >= b
        }
    }

    /// A number from an Int, a Float or a one-element tensor.
    static func scalar(_ value: Value) -> Double? {
        switch value {
        case .int, .float: return value.number
        case .tensor(let t) where t.count == 1: return Double(t.storage[0])
        default: return nil
        }
    }

    static func tensor(_ value: Value) -> Tensor? {
        switch value {
        case .tensor(let t): return t
        case .int, .float: return Tensor(scalar: Float(value.number!))
        case .array: return try? Conversions.tensor(from: value)
        default: return nil
        }
    }

    private static func floatOperation(_ op: String) -> ((Float, Float) -> Float)? {
        switch op {
        case "+": return (+)
        case "-": return (-)
        case "*": return (*)
        case "/": return (/)
        default: return nil
        }
    }
}
