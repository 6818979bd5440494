import EmbeddingEngine

/// A value of the cell language. Kept small on purpose: numbers, text,
/// collections, tensors, and engine objects, whose behaviour lives in the
/// builtin table.
public enum Value: Sendable {
    case void
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case array([Value])
    case tuple([Value])
    /// `lower..<upper`; a closed range is stored with its upper bound + 1.
    case range(Range<Int>)
    case tensor(Tensor)
    case object(any ScriptObject)
}

/// An engine type as the language sees it: a name and a one-line display.
public protocol ScriptObject: Sendable {
    /// The type name used in messages and in the builtin table.
    static var typeName: String { get }
    /// The one-line display (`// =>`, interpolation, summaries).
    var display: String { get }
    /// What a `let` shows: by default, the type name and the display.
    var summary: String { get }
    /// Whether two objects are the same value, for `==`.
    func isEqual(to other: any ScriptObject) -> Bool
    /// The type name of this value (a snapshot reports the type it froze).
    var instanceTypeName: String { get }
}

extension ScriptObject {
    public var instanceTypeName: String { Self.typeName }
    public var summary: String { "\(Self.typeName) \(display)" }
    public func isEqual(to other: any ScriptObject) -> Bool { false }
}

extension Value {
    /// The name of the value's type, as messages and signatures write it.
    public var typeName: String {
        switch self {
        case .void: return "Void"
        case .bool: return "Bool"
        case .int: return "Int"
        case .float: return "Float"
        case .string: return "String"
        case .array: return "Array"
        case .tuple: return "Tuple"
        case .range: return "Range"
        case .tensor: return "Tensor"
        case .object(let object): return object.instanceTypeName
        }
    }

    /// The number, when the value is an Int, a Float, or a one-element tensor.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let f): return f
        case .tensor(let t): return t.scalar.map(Double.init)
        default: return nil
        }
    }
}

/// A reference object's displays, frozen when a statement produced it, so
/// that output shown later (a model displayed before training) says what
/// was true then.
public struct Snapshot: ScriptObject {
    public static let typeName = "Snapshot"
    public let instanceTypeName: String
    public let display: String
    public let summary: String
}

extension Value {
    /// The value as it is now: reference objects (tables, models) become
    /// snapshots of their displays; everything else is already a value.
    public var frozen: Value {
        if case .object(let object) = self, type(of: object) is AnyClass {
            return .object(Snapshot(instanceTypeName: object.instanceTypeName, display: object.display,
                                    summary: object.summary))
        }
        return self
    }
}
