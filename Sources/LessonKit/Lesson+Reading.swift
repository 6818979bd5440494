import Foundation
import LessonDiagnostics
import Yams

/// Bounds on what a lesson file may make the reader do. Each refusal says
/// what the file would need and which flag raises the bound.
public struct ReadingLimits: Sendable {
    /// Bytes of one lesson file (`--max-file-size`, in MiB).
    public var maximumFileSize = 8 << 20
    /// Characters on one line (`--max-line-length`).
    public var maximumLineLength = 100_000
    /// Blocks that run code: cells, corpora, solutions (`--max-cells`).
    public var maximumCells = 2_000

    public init() {}
}

extension Lesson {
    /// Reads and parses the lesson at `path`. Never throws: a file that
    /// cannot be read or parsed gives a lesson whose diagnostics say why.
    public static func load(path: String, limits: ReadingLimits = ReadingLimits()) -> Lesson {
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "the file does not exist or is not readable"
            return Lesson(failed: Diagnostic(.error, .unreadableFile(path, reason), file: path), path: path, id: id)
        }
        return parse(data: data, path: path, id: id, limits: limits)
    }

    /// Parses a lesson from the bytes of a file.
    public static func parse(data: Data, path: String, id: String, limits: ReadingLimits = ReadingLimits()) -> Lesson {
        if data.count > limits.maximumFileSize {
            return Lesson(failed: Diagnostic(.error, .fileTooLarge(data.count, limit: limits.maximumFileSize), file: path),
                          path: path, id: id)
        }
        if let nul = data.firstIndex(of: 0) {
            let line = data[..<nul].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
            return Lesson(failed: Diagnostic(.error, .binaryFile, file: path, at: SourceSpan(line: line, column: 1)),
                          path: path, id: id)
        }
        guard var text = String(validatingUTF8: data) else {
            let line = firstInvalidUTF8Line(data)
            return Lesson(failed: Diagnostic(.error, .invalidUTF8, file: path, at: SourceSpan(line: line, column: 1)),
                          path: path, id: id)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return parse(text, path: path, id: id, limits: limits)
    }

    /// Parses a lesson from its text.
    public static func parse(_ source: String, path: String, id: String, limits: ReadingLimits = ReadingLimits()) -> Lesson {
        // "\r\n" is one Character in Swift; make every line end in "\n" alone.
        let text = source.contains("\r") ? source.replacingOccurrences(of: "\r\n", with: "\n") : source
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var lesson = Lesson(path: path, id: id, frontMatter: FrontMatter(), blocks: [], diagnostics: [],
                            sourceLines: lines, proseHTML: [:])
        if text.allSatisfy(\.isWhitespace) {
            lesson.diagnostics.append(Diagnostic(.error, .emptyLesson, file: path))
            return lesson
        }
        if let long = lines.firstIndex(where: { $0.utf8.count > limits.maximumLineLength }) {
            lesson.diagnostics.append(Diagnostic(.error, .lineTooLong(lines[long].count, limit: limits.maximumLineLength),
                                                 file: path, at: SourceSpan(line: long + 1, column: 1)))
            return lesson
        }
        var markdownLines = lines
        if lines.first == "---" {
            guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
                lesson.diagnostics.append(Diagnostic(.error, .unterminatedFrontMatter, file: path,
                                                     at: SourceSpan(line: 1, column: 1, length: 3)))
                return lesson
            }
            let yaml = lines[1..<close].joined(separator: "\n")
            var (frontMatter, problems) = FrontMatter.parse(yaml, firstLine: 2)
            frontMatter.lines = 1...(close + 1)
            lesson.frontMatter = frontMatter
            lesson.diagnostics += problems
            // Blank lines keep cmark's line numbers equal to the file's.
            for i in 0...close { markdownLines[i] = "" }
        }
        let folder = (path as NSString).deletingLastPathComponent
        var converter = CommonMarkConverter(sourceLines: lines, folder: folder.isEmpty ? "." : folder)
        lesson.blocks = converter.convert(markdownLines.joined(separator: "\n"))
        lesson.diagnostics += converter.diagnostics
        lesson.proseHTML = converter.proseHTML
        let cells = lesson.runnableBlocks.count
        if cells > limits.maximumCells {
            lesson.diagnostics.append(Diagnostic(.error, .tooManyCells(cells, limit: limits.maximumCells), file: path))
            lesson.blocks = []
        }
        lesson.diagnostics = lesson.diagnostics.map { $0.inFile(path) }
        return lesson
    }

    private init(failed diagnostic: Diagnostic, path: String, id: String) {
        self.init(path: path, id: id, frontMatter: FrontMatter(), blocks: [], diagnostics: [diagnostic],
                  sourceLines: [], proseHTML: [:])
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for (i, byte) in zip(data.indices, data) where byte == 10 {
            if String(validatingUTF8: data[start..<i]) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}

extension String {
    init?(validatingUTF8 data: some Collection<UInt8>) {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(decoding: data, as: UTF8.self)
    }
}

extension FrontMatter {
    /// Reads the YAML between the `---` lines. `firstLine` is the file line
    /// of the YAML's first line, so every problem points into the file.
    static func parse(_ yaml: String, firstLine: Int) -> (FrontMatter, [Diagnostic]) {
        var frontMatter = FrontMatter()
        var problems: [Diagnostic] = []
        let yamlLines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func span(_ mark: Mark?, length: Int = 1) -> SourceSpan {
            var line = mark?.line ?? 1
            var column = mark?.column ?? 1
            // libyaml reports problems found at the end one line past it.
            if line > yamlLines.count {
                line = max(1, yamlLines.count)
                column = (yamlLines.last?.count ?? 0) + 1
            }
            return SourceSpan(line: line + firstLine - 1, column: column, length: length)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let text = context.map { "\(problem) \($0.text)" } ?? problem
                problems.append(Diagnostic(.error, .malformedFrontMatter(text), at: span(mark)))
            default:
                problems.append(Diagnostic(.error, .malformedFrontMatter(String(describing: error)), at: span(nil)))
            }
            return (frontMatter, problems)
        } catch {
            problems.append(Diagnostic(.error, .malformedFrontMatter(String(describing: error)), at: span(nil)))
            return (frontMatter, problems)
        }
        guard let root else { return (frontMatter, problems) }
        guard case .mapping(let mapping) = root else {
            problems.append(Diagnostic(.error, .frontMatterNotMapping, at: span(root.mark)))
            return (frontMatter, problems)
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let keySpan = span(keyNode.mark, length: max(1, key.count))
            func text() -> String? {
                if case .scalar(let scalar) = value { return scalar.string }
                problems.append(Diagnostic(.error, .frontMatterType(key, expected: "text"), at: span(value.mark)))
                return nil
            }
            func list() -> [String] {
                switch value {
                case .scalar(let scalar): return scalar.string.isEmpty ? [] : [scalar.string]
                case .sequence(let items):
                    return items.compactMap { item in
                        if case .scalar(let scalar) = item { return scalar.string }
                        problems.append(Diagnostic(.error, .frontMatterType(key, expected: "a list of names"),
                                                   at: span(item.mark)))
                        return nil
                    }
                case .mapping, .alias:
                    problems.append(Diagnostic(.error, .frontMatterType(key, expected: "a list of names"),
                                               at: span(value.mark)))
                    return []
                }
            }
            switch key {
            case "title": frontMatter.title = text()
            case "summary": frontMatter.summary = text()
            case "minutes":
                if case .scalar(let scalar) = value, let minutes = Int(scalar.string), minutes >= 0 {
                    frontMatter.minutes = minutes
                } else {
                    problems.append(Diagnostic(.error, .frontMatterType(key, expected: "a whole number of minutes"),
                                               at: span(value.mark)))
                }
            case "requires": frontMatter.requires = list()
            case "tags": frontMatter.tags = list()
            default:
                let suggestion = Suggestions.nearest(to: key, in: FrontMatter.knownKeys)
                problems.append(Diagnostic(.warning, .unknownFrontMatterKey(key, suggestion: suggestion), at: keySpan))
            }
        }
        return (frontMatter, problems)
    }
}
