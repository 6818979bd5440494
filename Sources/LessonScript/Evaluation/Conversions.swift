import EmbeddingEngine

/// Reading language values as engine inputs.
enum Conversions {
    struct NotConvertible: Error {
        var reason: String
    }

    /// A tensor from a tensor, a number, or a rectangular nest of arrays of numbers.
    static func tensor(from value: Value) throws -> Tensor {
        switch value {
        case .tensor(let t): return t
        case .int, .float: return Tensor(scalar: Float(value.number!))
        case .array, .range:
            var values: [Float] = []
            let shape = try nest(value, into: &values) { item in
                guard let n = item.number else { throw NotConvertible(reason: "'\(item.typeName)' is not a number") }
                return Float(n)
            }
            return Tensor(shape: shape, storage: values)
        default:
            throw NotConvertible(reason: "'\(value.typeName)' is not a tensor")
        }
    }

    /// Integer ids from an Int, nested arrays of Ints, or a tensor of whole numbers; with their shape.
    static func ids(from value: Value) throws -> ([Int], [Int]) {
        switch value {
        case .int(let i): return ([i], [])
        case .tensor(let t):
            guard t.storage.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e9 }) else {
                throw NotConvertible(reason: "ids must be whole numbers")
            }
            return (t.storage.map { Int($0) }, t.shape)
        default:
            var ids: [Int] = []
            let shape = try nest(value, into: &ids) { item in
                if case .int(let i) = item { return i }
                throw NotConvertible(reason: "ids must be Ints, not '\(item.typeName)'")
            }
            return (ids, shape)
        }
    }

    /// Words from a String or nested arrays of Strings; with their shape.
    static func words(from value: Value) throws -> ([String], [Int]) {
        if case .string(let s) = value { return ([s], []) }
        var words: [String] = []
        let shape = try nest(value, into: &words) { item in
            if case .string(let s) = item { return s }
            throw NotConvertible(reason: "words must be Strings, not '\(item.typeName)'")
        }
        return (words, shape)
    }

    /// Flattens a rectangular nest of arrays; every leaf goes through `leaf`.
    private static func nest<T>(_ value: Value, into out: inout [T], leaf: (Value) throws -> T) throws -> [Int] {
        switch value {
        case .range(let r):
            for i in r { out.append(try leaf(.int(i))) }
            return [r.count]
        case .array(let items):
            var inner: [Int]?
            for item in items {
                let shape: [Int]
                if case .array = item { shape = try nest(item, into: &out, leaf: leaf) }
                else if case .range = item { shape = try nest(item, into: &out, leaf: leaf) }
                else { out.append(try leaf(item)); shape = [] }
                if let inner, inner != shape {
                    throw NotConvertible(reason: "the nested arrays are not rectangular: \(describeShape(inner)) and \(describeShape(shape))")
                }
                inner = shape
            }
            return [items.count] + (inner ?? [])
        default:
            out.append(try leaf(value))
            return []
        }
    }
}
