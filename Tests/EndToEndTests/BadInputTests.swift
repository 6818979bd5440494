import Foundation
import Testing

/// A corpus of bad inputs: each ends with a clear error and an exit code,
/// never a signal.
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var bytes: @Sendable () -> Data
        var command: String = "check"
        var status: Int32
        var message: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "binary", bytes: { Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]) }, status: 1,
             message: "the file looks binary (it contains NUL bytes), not Markdown"),
        Case(name: "binary-run", bytes: { Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]) }, command: "run", status: 65,
             message: "looks binary"),
        Case(name: "invalid-utf8", bytes: { Data("# Title\n\nok\n".utf8) + Data([0xC3, 0x28, 0x0A]) }, status: 1,
             message: ":4:1: error: the file is not valid UTF-8 text"),
        Case(name: "crlf", bytes: { Data("---\r\ntitle: T\r\n---\r\n\r\n```swift\r\nlet a = 2\r\na * 2 // => 4\r\n```\r\n".utf8) },
             status: 0, message: "1 expectation met, 0 errors"),
        Case(name: "bom", bytes: { Data("\u{FEFF}# T\n\n```swift\n1 + 1 // => 2\n```\n".utf8) }, status: 0,
             message: "1 expectation met"),
        Case(name: "tabs", bytes: { Data("# T\n\n```swift\n\tlet\tx = 1\n\tx + y\n```\n".utf8) }, status: 1,
             message: ":5:6: error: cannot find 'y' in scope"),
        Case(name: "ten-megabyte-line", bytes: { Data(("# T\n\n" + String(repeating: "word ", count: 2_000_000)).utf8) },
             status: 1, message: "the file is 9.5 MiB, over the limit of 8.0 MiB for a lesson"),
        Case(name: "long-line", bytes: { Data(("# T\n\n" + String(repeating: "x", count: 200_000) + "\n").utf8) },
             status: 1, message: ":3:1: error: this line is 200000 characters long, over the limit of 100000"),
        Case(name: "deep-brackets", bytes: {
            Data(("# T\n\n```swift\n" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
                  + "\n```\n").utf8)
        }, command: "check --max-line-length 1000000", status: 1, message: "nested more than 64 levels deep"),
        Case(name: "deep-quotes", bytes: { Data(("# T\n\n" + String(repeating: "> ", count: 50_000) + "deep\n").utf8) },
             command: "check --max-line-length 1000000", status: 1, message: "nested more than 48 levels deep"),
        Case(name: "empty", bytes: { Data() }, status: 1, message: "error: the lesson is empty"),
        Case(name: "only-whitespace", bytes: { Data("\n \n\t\n".utf8) }, status: 1, message: "error: the lesson is empty"),
        Case(name: "huge-literal", bytes: { Data("# T\n\n```swift\n99999999999999999999999 + 1\n```\n".utf8) }, status: 1,
             message: ":4:1: error: integer literal '99999999999999999999999' overflows"),
        Case(name: "truncated-vectors", bytes: { Data("# T\n\n```swift\nvectors(file: \"truncated.lvec\")\n```\n".utf8) },
             status: 1, message: "is truncated: it should be 10399688 bytes but is 4096"),
        Case(name: "escaping-path", bytes: { Data("# T\n\n```swift\ncorpus(file: \"../../../etc/passwd\")\n```\n".utf8) },
             status: 1, message: "error: '../../../etc/passwd' is outside the lesson's folder"),
        Case(name: "absolute-path", bytes: { Data("# T\n\n```swift\nvectors(file: \"/etc/hostname\")\n```\n".utf8) },
             status: 1, message: "error: '/etc/hostname' is outside the lesson's folder"),
        Case(name: "huge-tensor", bytes: { Data("# T\n\n```swift\nEmbedding(vocab: 1_000_000, dim: 1_000).weight\n```\n".utf8) },
             status: 1, message: "this tensor would need 3.7 GiB, over the budget of 1.0 GiB for one tensor"),
        Case(name: "endless-loop", bytes: { Data("# T\n\n```swift\nvar n = 0\nfor i in 0..<1_000_000_000_000 { n += 1 }\n```\n".utf8) },
             command: "check --max-cell-seconds 1", status: 1, message: "this cell ran longer than its budget of 1 s"),
    ]

    @Test(arguments: cases)
    func badInput(_ input: Case) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(input.name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let vectors = try Data(contentsOf: EndToEndTests.root.appendingPathComponent("Lessons/vectors/glove-6B-50d.lvec"))
        try vectors.prefix(4096).write(to: folder.appendingPathComponent("truncated.lvec"))
        let lesson = folder.appendingPathComponent("01-bad.md")
        try input.bytes().write(to: lesson)
        let words = input.command.split(separator: " ").map(String.init)
        let result = try await EndToEndTests.lessons([words[0], lesson.path] + words.dropFirst() + ["--color", "never"])
        #expect(result.status == input.status, "\(input.name): exit \(result.status)\n\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains(input.message),
                "\(input.name): \(String((result.stdout + result.stderr).prefix(2000)))")
    }

    @Test func allowPathLetsALessonReadElsewhere() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("allow-\(UUID().uuidString)")
        let shared = folder.appendingPathComponent("shared")
        let course = folder.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        try Data("the king rules\nthe queen rules\n".utf8).write(to: shared.appendingPathComponent("text.txt"))
        try Data("# T\n\n```swift\ncorpus(file: \"../shared/text.txt\").count // => 6\n```\n".utf8)
            .write(to: course.appendingPathComponent("01-t.md"))
        let refused = try await EndToEndTests.lessons(["check", course.appendingPathComponent("01-t.md").path])
        #expect(refused.status == 1)
        let allowed = try await EndToEndTests.lessons(["check", course.appendingPathComponent("01-t.md").path,
                                                       "--allow-path", shared.path])
        #expect(allowed.status == 0, "\(allowed.stdout)")
        // A symbolic link that leaves the folder is refused like a path would be.
        try FileManager.default.createSymbolicLink(at: course.appendingPathComponent("link.txt"),
                                                   withDestinationURL: shared.appendingPathComponent("text.txt"))
        try Data("# T\n\n```swift\ncorpus(file: \"link.txt\")\n```\n".utf8).write(to: course.appendingPathComponent("02-l.md"))
        let link = try await EndToEndTests.lessons(["check", course.appendingPathComponent("02-l.md").path])
        #expect(link.stdout.contains("'link.txt' is outside the lesson's folder"))
    }
}
