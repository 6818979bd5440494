import ArgumentParser
import Foundation
import LessonDiagnostics
import LessonKit
import LessonScript
import VectorStore

/// The lessons this invocation works on, and how names resolve to files.
enum Course {
    static func catalog() -> LessonCatalog? {
        LessonCatalog.locate(currentDirectory: FileManager.default.currentDirectoryPath,
                             executablePath: executablePath(),
                             environment: ProcessInfo.processInfo.environment)
    }

    /// Where `vectors("NAME")` looks.
    static func vectorLibrary() -> VectorLibrary {
        VectorLibrary(directories: LessonCatalog.vectorDirectories(
            currentDirectory: FileManager.default.currentDirectoryPath, executablePath: executablePath(),
            environment: ProcessInfo.processInfo.environment))
    }

    /// The real path of this executable, wherever it was started from.
    static func executablePath() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath
    }

    /// The file a learner means, or exit 64 with the available lessons.
    static func resolve(_ name: String) throws -> String {
        if name.hasSuffix(".md") || name.contains("/") {
            if FileManager.default.fileExists(atPath: name) { return name }
            printError(Diagnostic(.error, .unreadableFile(name, "no such file")))
            throw Exit.usage
        }
        let catalog = catalog()
        if let path = catalog?.resolve(name) { return path }
        printError(Diagnostic(.error, .unknownLesson(name, available: catalog?.ids ?? [])))
        throw Exit.usage
    }

    /// Every lesson file under the given paths (folders expand to their lessons), or the whole course.
    static func paths(_ arguments: [String]) throws -> [String] {
        if arguments.isEmpty {
            guard let catalog = catalog() else {
                printError(Diagnostic(.error, .unknownLesson("", available: [])))
                throw Exit.usage
            }
            return catalog.paths
        }
        var out: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                guard let folder = LessonCatalog(directory: argument) else { continue }
                let all = ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? [])
                    .filter { $0.hasSuffix(".md") }.sorted()
                    .map { (argument as NSString).appendingPathComponent($0) }
                out += all.isEmpty ? folder.paths : all
            } else {
                out.append(try resolve(argument))
            }
        }
        return out
    }
}

/// Writes a diagnostic to standard error, quoting the source when given.
func printError(_ diagnostic: Diagnostic, sourceLines: [Substring]? = nil, color: Bool = false) {
    let text = DiagnosticFormatter(colorize: color).format(diagnostic, sourceLines: sourceLines)
    FileHandle.standardError.write(Data(text.utf8))
}
