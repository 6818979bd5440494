import EmbeddingEngine
import Foundation

/// Where named vectors (`vectors("glove-6B-50d")`) are found, and the tables
/// already loaded, so a lesson that asks twice maps the file once.
public final class VectorLibrary: @unchecked Sendable {
    /// Folders searched for `NAME.lvec`, in order.
    public let directories: [String]
    private var loaded: [String: Embedding] = [:]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// Names of the bundled vectors, sorted.
    public var names: [String] {
        var out = Set<String>()
        for directory in directories {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where file.hasSuffix(".lvec") {
                out.insert(String(file.dropLast(5)))
            }
        }
        return out.sorted()
    }

    /// The path of the vectors called `name`, if any folder has them.
    public func path(of name: String) -> String? {
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(name + ".lvec")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Loads (once) the table at `path`.
    public func load(path: String, maximumBytes: Int) throws(VectorFileError) -> Embedding {
        let key = (path as NSString).standardizingPath
        if let table = loaded[key] { return table }
        let table = try VectorFile.load(path: path, maximumBytes: maximumBytes)
        loaded[key] = table
        return table
    }
}
