import Foundation
import LessonKit
import LessonRunner
import LessonScript
import Testing
@testable import LessonRendering
import VectorStore

/// Golden files of whole lessons rendered for the terminal. Re-record with
/// `RECORD_SNAPSHOTS=1 swift test`, then review the diff.
@Suite struct TerminalSnapshotTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let lessons = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")

    func render(_ path: URL, width: Int = 80, color: Bool = false, ascii: Bool = false, solutions: Bool = false) -> String {
        // A relative path keeps the golden files free of this machine's folders.
        let lesson = Lesson.load(path: path.path)
        let vectors = VectorLibrary(directories: [Self.lessons.appendingPathComponent("vectors").path])
        let run = LessonRunner(runSolutions: solutions, vectorLibrary: vectors).run(lesson)
        let renderer = TerminalRenderer(style: TerminalStyle(width: width, color: color, ascii: ascii),
                                        showHints: solutions, showSolutions: solutions)
        return renderer.render(run)
    }

    @Test func sampleLessonPlain() throws {
        try assertSnapshot(render(Self.here.appendingPathComponent("Fixtures/sample.md")), named: "sample.txt")
    }

    @Test func sampleLessonInColour() throws {
        try assertSnapshot(render(Self.here.appendingPathComponent("Fixtures/sample.md"), color: true),
                           named: "sample.ansi.txt")
    }

    @Test func sampleLessonAsHTML() throws {
        let lesson = Lesson.load(path: Self.here.appendingPathComponent("Fixtures/sample.md").path)
        let run = LessonRunner(runSolutions: true).run(lesson)
        let html = HTMLRenderer(showSolutions: true).render(run)
        // No markup from the lesson's prose gets through in safe mode.
        #expect(!html.contains("<script"))
        try assertSnapshot(html, named: "sample.html")
    }

    @Test func analogyLessonInColour() throws {
        try assertSnapshot(render(Self.lessons.appendingPathComponent("03-analogy.md"), color: true), named: "03-analogy.ansi.txt")
    }

    @Test(arguments: [60, 120])
    func shippedLessonsFitOtherWidths(_ width: Int) throws {
        for id in ["01-what-is-an-embedding", "02-lookup", "03-analogy", "04-similarity-search", "05-training-loop", "06-inside-the-model"] {
            let text = render(Self.lessons.appendingPathComponent(id + ".md"), width: width)
            for line in text.split(separator: "\n") where !line.hasPrefix("  │ ") && !line.hasPrefix("    ") {
                #expect(line.count <= width, "\(id) at \(width): \(line)")
            }
        }
    }

    @Test func sampleLessonASCIIWithSolutions() throws {
        let text = render(Self.here.appendingPathComponent("Fixtures/sample.md"), ascii: true, solutions: true)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII || !"│▸✓✗█═─•".unicodeScalars.contains($0) })
        try assertSnapshot(text, named: "sample.ascii.txt")
    }

    @Test(arguments: ["01-what-is-an-embedding", "02-lookup", "03-analogy", "04-similarity-search", "05-training-loop", "06-inside-the-model"])
    func shippedLesson(_ id: String) throws {
        let text = render(Self.lessons.appendingPathComponent(id + ".md"))
        #expect(!text.contains("\u{1B}"))
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80 || line.hasPrefix("  │ "), "too wide: \(line)")
        }
        try assertSnapshot(text, named: id + ".txt")
    }
}

/// Compares `text` with the golden file `Snapshots/<name>`, writing it
/// when it is missing or when RECORD_SNAPSHOTS is set.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = TerminalSnapshotTests.here.appendingPathComponent("Snapshots").appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
    guard !record, let golden = try? String(contentsOf: url, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if !record { Issue.record("recorded a new snapshot \(name); review it and run again", sourceLocation: sourceLocation) }
        return
    }
    if golden != text {
        let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
            if i < a.count { diff.append("-\(i + 1): \(a[i])") }
            if i < b.count { diff.append("+\(i + 1): \(b[i])") }
            if diff.count > 20 { break }
        }
        Issue.record(Comment(rawValue: "snapshot \(name) differs (RECORD_SNAPSHOTS=1 to re-record):\n" + diff.joined(separator: "\n")),
                     sourceLocation: sourceLocation)
    }
}
