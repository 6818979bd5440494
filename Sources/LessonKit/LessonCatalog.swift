import Foundation

/// The lessons of a course: the `NN-slug.md` files of one folder, in order.
public struct LessonCatalog: Sendable {
    /// The folder the lessons are in.
    public let directory: String
    /// Lesson files, sorted by name.
    public let paths: [String]

    /// The lessons in `directory`, or `nil` when it is not a folder.
    public init?(directory: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        self.directory = directory
        self.paths = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.first?.isNumber == true }
            .sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Finds the course: a `Lessons/` folder in the current directory (a
    /// teacher's own course) first; then `$LESSONS_HOME/Lessons`; then the
    /// lessons shipped with the program, found by walking up from the
    /// executable's real path (`.build/release/lessons` inside a checkout,
    /// or `PREFIX/bin/lessons` beside `PREFIX/share/lessons/Lessons`).
    public static func locate(currentDirectory: String, executablePath: String?,
                              environment: [String: String]) -> LessonCatalog? {
        for candidate in candidates(currentDirectory: currentDirectory, executablePath: executablePath,
                                    environment: environment) {
            if let catalog = LessonCatalog(directory: candidate), !catalog.paths.isEmpty { return catalog }
        }
        return nil
    }

    /// Folders of bundled vectors (`Lessons/vectors`), in the order `locate`
    /// searches: a teacher's course may bring its own, and the shipped
    /// vectors stay available to it.
    public static func vectorDirectories(currentDirectory: String, executablePath: String?,
                                         environment: [String: String]) -> [String] {
        candidates(currentDirectory: currentDirectory, executablePath: executablePath, environment: environment)
            .map { ($0 as NSString).appendingPathComponent("vectors") }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    private static func candidates(currentDirectory: String, executablePath: String?,
                                   environment: [String: String]) -> [String] {
        var candidates = [(currentDirectory as NSString).appendingPathComponent("Lessons")]
        if let home = environment["LESSONS_HOME"], !home.isEmpty {
            candidates.append((home as NSString).appendingPathComponent("Lessons"))
        }
        if let executablePath {
            var folder = ((executablePath as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
            while folder != "/" && !folder.isEmpty {
                candidates.append((folder as NSString).appendingPathComponent("Lessons"))
                candidates.append((folder as NSString).appendingPathComponent("share/lessons/Lessons"))
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        return candidates
    }

    /// Lesson ids (`02-lookup`), in order.
    public var ids: [String] {
        paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    }

    /// The file a learner means by `name`: a full id (`03-analogy`), a
    /// number (`3`, `03`), or a slug (`analogy`).
    public func resolve(_ name: String) -> String? {
        for (id, path) in zip(ids, paths) {
            let number = LessonID.number(of: id)
            if id == name || (number != nil && number == Int(name)) || LessonID.slug(of: id) == name {
                return path
            }
        }
        return nil
    }
}
