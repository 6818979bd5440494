import Foundation
import LessonDiagnostics
import Testing
@testable import LessonKit

@Suite struct FrontMatterTests {
    @Test func readsEveryKnownKey() {
        let lesson = Lesson.parse("""
            ---
            title: Word analogies
            summary: king − man + woman ≈ queen
            minutes: 15
            requires: [02-lookup]
            tags: [analogy, glove]
            ---

            # Heading
            """, path: "03-analogy.md", id: "03-analogy")
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.title == "Word analogies")
        #expect(lesson.frontMatter.summary == "king − man + woman ≈ queen")
        #expect(lesson.frontMatter.minutes == 15)
        #expect(lesson.frontMatter.requires == ["02-lookup"])
        #expect(lesson.frontMatter.tags == ["analogy", "glove"])
        #expect(lesson.frontMatter.lines == 1...7)
        #expect(lesson.number == 3)
        #expect(lesson.slug == "analogy")
    }

    @Test func titleDefaultsToTheFirstLevelOneHeading() {
        let lesson = Lesson.parse("Intro\n\n## Not this\n\n# This one\n", path: "x.md", id: "x")
        #expect(lesson.title == "This one")
    }

    @Test func unknownKeyIsAWarningWithItsLine() throws {
        let lesson = Lesson.parse("---\ntitle: T\nminuts: 5\n---\n", path: "x.md", id: "x")
        let d = try #require(lesson.diagnostics.first)
        #expect(d.severity == .warning)
        #expect(d.span?.start == SourceLocation(line: 3, column: 1))
        #expect(d.help == "did you mean 'minutes'?")
    }

    @Test func malformedYAMLIsAnErrorOnTheFileLine() throws {
        let lesson = Lesson.parse("---\ntitle: T\nminutes: [5\nsummary: x\n---\n# T\n", path: "x.md", id: "x")
        let d = try #require(lesson.diagnostics.first)
        #expect(d.isError)
        #expect(d.message.hasPrefix("malformed front matter"))
        #expect((d.span?.start.line ?? 0) >= 3)
    }

    @Test func wrongTypeAndMissingEnd() {
        #expect(Lesson.parse("---\nminutes: soon\n---\n", path: "x.md", id: "x").diagnostics.first?.message
                == "front matter key 'minutes' must be a whole number of minutes")
        #expect(Lesson.parse("---\ntitle: T\n", path: "x.md", id: "x").diagnostics.first?.message
                == "front matter has no closing '---' line")
    }
}

@Suite struct BlockTests {
    static let source = """
        ---
        title: Blocks
        ---

        # Blocks

        Prose with *emphasis*, **strong** and `code`.

        - item one
        - item two

        > a quote

        ---

        ```swift
        let a = 1
        ```

        ```swift norun
        import UIKit
        ```

        ```swift hide
        let b = 2
        ```

        ```swift,silent
        let c = 3
        ```

        ```swift setup title="Preamble"
        let d = 4
        ```

        ```corpus royals
        the king and the queen
        ```

        ```note
        A *note*.
        ```

        ```tip
        A tip.
        ```

        ```warning
        A warning.
        ```

        ```exercise
        Do this.
        ```

        ```hint
        Like this.
        ```

        ```solution
        let e = 5
        ```

        ```python
        print("shown")
        ```

          - nested
            ```swift
            let f = 6
            ```
        """

    @Test func recognisesEveryBlockKind() {
        let lesson = Lesson.parse(Self.source, path: "b.md", id: "b")
        #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
        var kinds: [String] = []
        for block in lesson.blocks {
            switch block {
            case .heading: kinds.append("heading")
            case .paragraph: kinds.append("paragraph")
            case .list: kinds.append("list")
            case .blockQuote: kinds.append("quote")
            case .thematicBreak: kinds.append("break")
            case .html: kinds.append("html")
            case .code(let language, _, _): kinds.append("code:\(language ?? "")")
            case .cell(let cell): kinds.append("cell:\(cell.visibility.rawValue)")
            case .corpus(let name, _, _): kinds.append("corpus:\(name)")
            case .callout(let kind, _, _): kinds.append(kind.rawValue)
            case .exercise: kinds.append("exercise")
            case .hint: kinds.append("hint")
            case .solution: kinds.append("solution")
            }
        }
        #expect(kinds == ["heading", "paragraph", "list", "quote", "break", "cell:normal", "code:swift",
                          "cell:hide", "cell:silent", "cell:setup", "corpus:royals", "note", "tip", "warning",
                          "exercise", "hint", "solution", "code:python", "list"])
    }

    @Test func cellsKnowWhereTheirCodeStarts() throws {
        let lesson = Lesson.parse(Self.source, path: "b.md", id: "b")
        let cells = lesson.runnableBlocks.compactMap { block -> Cell? in
            switch block {
            case .cell(let cell), .solution(let cell), .corpus(_, _, let cell): return cell
            default: return nil
            }
        }
        #expect(cells.first?.origin == SourceLocation(line: 17, column: 1))
        #expect(cells.first?.code == "let a = 1\n")
        #expect(cells.first(where: { $0.visibility == .setup })?.attributes["title"] == "Preamble")
        // The cell inside a list item starts at the fence's indentation.
        let nested = try #require(cells.last)
        #expect(nested.code == "let f = 6\n")
        let line = Self.source.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("let f = 6") }! + 1
        #expect(nested.origin == SourceLocation(line: line, column: 5))
    }

    @Test func inlineMarkdownIsKept() throws {
        let lesson = Lesson.parse(Self.source, path: "b.md", id: "b")
        guard case .paragraph(let inlines, let span) = lesson.blocks[1] else { Issue.record("no paragraph"); return }
        #expect(inlines.contains(.emphasis([.text("emphasis")])))
        #expect(inlines.contains(.strong([.text("strong")])))
        #expect(inlines.contains(.code("code")))
        #expect(span.start == SourceLocation(line: 7, column: 1))
    }

    @Test func calloutContentIsMarkdownWithFileLines() throws {
        let lesson = Lesson.parse(Self.source, path: "b.md", id: "b")
        let note = try #require(lesson.blocks.first { if case .callout(.note, _, _) = $0 { return true }; return false })
        guard case .callout(_, let inner, _) = note, case .paragraph(let inlines, let span)? = inner.first else {
            Issue.record("no paragraph in the note"); return
        }
        #expect(inlines.contains(.emphasis([.text("note")])))
        #expect(span.start.line == 41)
    }
}

@Suite struct BlockDiagnosticTests {
    @Test func unknownAttributeOnASwiftBlockIsAnErrorAtTheAttribute() throws {
        let lesson = Lesson.parse("# T\n\n```swift hidee\n1\n```\n", path: "x.md", id: "x")
        let d = try #require(lesson.diagnostics.first)
        #expect(d.isError)
        #expect(d.message == "unknown attribute 'hidee' on a 'swift' block")
        #expect(d.span?.start == SourceLocation(line: 3, column: 10))
        #expect(d.help == "did you mean 'hide'?")
    }

    @Test func conflictingVisibilityAndMissingCorpusName() {
        #expect(Lesson.parse("```swift hide silent\n1\n```\n", path: "x.md", id: "x").diagnostics.first?.message
                == "attributes 'hide' and 'silent' cannot be used together")
        #expect(Lesson.parse("```corpus\nthe king\n```\n", path: "x.md", id: "x").diagnostics.first?.message
                == "a 'corpus' block needs a name")
    }

    @Test func unclosedFenceIsReported() throws {
        let lesson = Lesson.parse("# T\n\n```swift\nlet a = 1\n", path: "x.md", id: "x")
        let d = try #require(lesson.diagnostics.first)
        #expect(d.message == "this code block is never closed")
        #expect(d.span?.start.line == 3)
    }

    @Test func badBytesAreErrorsNotCrashes() {
        let binary = Lesson.parse(data: Data([0x23, 0x20, 0x00, 0x01]), path: "x.md", id: "x")
        #expect(binary.diagnostics.first?.message == "the file looks binary (it contains NUL bytes), not Markdown")
        let invalid = Lesson.parse(data: Data([0x23, 0x0A, 0xFF, 0xFE]), path: "x.md", id: "x")
        #expect(invalid.diagnostics.first?.message == "the file is not valid UTF-8 text")
        #expect(invalid.diagnostics.first?.span?.start.line == 2)
        let empty = Lesson.parse(data: Data(), path: "x.md", id: "x")
        #expect(empty.diagnostics.first?.message == "the lesson is empty")
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() {
        let lesson = Lesson.parse(data: Data("\u{FEFF}---\r\ntitle: T\r\n---\r\n\r\n```swift\r\n1\r\n```\r\n".utf8),
                                  path: "x.md", id: "x")
        #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
        #expect(lesson.title == "T")
        #expect(lesson.runnableBlocks.count == 1)
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "> ", count: 10_000) + "deep\n"
        let lesson = Lesson.parse(deep, path: "x.md", id: "x")
        #expect(lesson.diagnostics.contains { $0.message.contains("nested more than") })
    }
}

@Suite struct CatalogTests {
    @Test func resolvesIdsNumbersAndSlugs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["01-what-is-an-embedding.md", "02-lookup.md", "notes.txt"] {
            try Data("# x\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        let catalog = try #require(LessonCatalog(directory: folder.path))
        #expect(catalog.ids == ["01-what-is-an-embedding", "02-lookup"])
        for name in ["2", "02", "lookup", "02-lookup"] {
            #expect(catalog.resolve(name)?.hasSuffix("02-lookup.md") == true, "\(name)")
        }
        #expect(catalog.resolve("analogy") == nil)
    }
}
