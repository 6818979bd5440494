/// Points in two dimensions with their labels: a PCA of some words' vectors.
public struct Projection: Equatable, Sendable {
    public let labels: [String]
    /// `(x, y)` for each label.
    public let points: [(Float, Float)]
    /// The share of the variance each axis explains, in [0, 1].
    public let explained: (Float, Float)

    public static func == (a: Projection, b: Projection) -> Bool {
        a.labels == b.labels && a.points.elementsEqual(b.points, by: ==) && a.explained == b.explained
    }
}

/// Principal component analysis of a few vectors.
public enum PCA {
    /// The largest number of vectors one projection takes.
    public static let maximumPoints = 1000

    /// Projects the rows of `matrix` (n × d) onto their first two principal
    /// components. Computed from the n × n Gram matrix of the centred rows
    /// with the Jacobi eigenvalue method, in Double, so it is exact enough
    /// and the same on every machine. Each axis's sign is chosen so that its
    /// largest coordinate is positive (as scikit-learn's `svd_flip`), so the
    /// picture does not flip between runs or releases.
    public static func project(_ matrix: Tensor, labels: [String]) throws(EngineError) -> Projection {
        guard matrix.rank == 2, matrix.shape[0] == labels.count else {
            throw .invalidArgument("pca needs one row per label")
        }
        let (n, d) = (matrix.shape[0], matrix.shape[1])
        guard n >= 2 else { throw .invalidArgument("pca needs at least two vectors, not \(n)") }
        guard n <= maximumPoints else { throw .invalidArgument("pca takes at most \(maximumPoints) vectors, not \(n)") }
        var x = matrix.storage.map(Double.init)
        for j in 0..<d {
            var mean = 0.0
            for i in 0..<n { mean += x[i * d + j] }
            mean /= Double(n)
            for i in 0..<n { x[i * d + j] -= mean }
        }
        var gram = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in i..<n {
                var dot = 0.0
                for j in 0..<d { dot += x[i * d + j] * x[k * d + j] }
                gram[i * n + k] = dot
                gram[k * n + i] = dot
            }
        }
        let (values, vectors) = jacobi(gram, n)
        let order = values.indices.sorted { (values[$0], -$0) > (values[$1], -$1) }
        let total = values.reduce(0) { $0 + max(0, $1) }
        var axes: [[Double]] = []
        var shares: [Float] = []
        for component in 0..<2 {
            guard component < order.count else { axes.append([Double](repeating: 0, count: n)); shares.append(0); continue }
            let c = order[component]
            let lambda = max(0, values[c])
            var axis = (0..<n).map { vectors[$0 * n + c] * lambda.squareRoot() }
            if let largest = axis.indices.max(by: { abs(axis[$0]) < abs(axis[$1]) }), axis[largest] < 0 {
                axis = axis.map { -$0 }
            }
            axes.append(axis)
            shares.append(total > 0 ? Float(lambda / total) : 0)
        }
        let points = (0..<n).map { (Float(axes[0][$0]), Float(axes[1][$0])) }
        return Projection(labels: labels, points: points, explained: (shares[0], shares[1]))
    }

    /// Eigenvalues and eigenvectors (columns) of a symmetric n × n matrix.
    static func jacobi(_ input: [Double], _ n: Int) -> ([Double], [Double]) {
        var a = input
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in (p + 1)..<max(p + 1, n) { off += a[p * n + q] * a[p * n + q] } }
            if off < 1e-22 { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where abs(a[p * n + q]) > 1e-300 {
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0 * n + $0] }, v)
    }
}
