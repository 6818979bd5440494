import Foundation
import Testing

/// `lessons build`: self-contained, valid, deterministic handouts, checked
/// with Debian's `tidy` and opened in headless Chromium.
@Suite(.serialized) struct HandoutTests {
    static let out = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-\(UUID().uuidString)")

    static func build(_ arguments: [String] = [], into folder: URL = out) async throws -> EndToEndTests.Result {
        try await EndToEndTests.lessons(["build", "--out", folder.path] + arguments)
    }

    /// Runs tidy or Chromium; output and errors together, as a person sees them.
    static func tool(_ path: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await Subprocess.run(path, arguments, timeLimit: .seconds(90))
        #expect(!result.timedOut, "\(path) was still running after 90 seconds")
        return (result.status, result.stdout + result.stderr)
    }

    static let shipped = ["01-what-is-an-embedding", "02-lookup", "03-analogy", "04-similarity-search", "05-training-loop",
                          "06-inside-the-model"]

    @Test func everyLessonGetsAHandoutAndTheCourseAnIndex() async throws {
        let result = try await Self.build()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for id in Self.shipped + ["index"] {
            #expect(FileManager.default.fileExists(atPath: Self.out.appendingPathComponent(id + ".html").path), "\(id)")
        }
        let index = try String(contentsOf: Self.out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"03-analogy.html\""))
        #expect(index.contains("Word analogies"))
        #expect(index.contains("20 minutes"))
    }

    @Test func handoutsAreSelfContained() async throws {
        _ = try await Self.build()
        for id in Self.shipped {
            let html = try String(contentsOf: Self.out.appendingPathComponent(id + ".html"), encoding: .utf8)
            for request in ["<script", "<link", " src=", "url(", "@import"] {
                #expect(!html.contains(request), "\(id) asks for another file: \(request)")
            }
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("<style>"))
        }
    }

    @Test func handoutsAreDeterministic() async throws {
        let again = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-again-\(UUID().uuidString)")
        _ = try await Self.build()
        _ = try await Self.build(into: again)
        for id in Self.shipped + ["index"] {
            let a = try Data(contentsOf: Self.out.appendingPathComponent(id + ".html"))
            let b = try Data(contentsOf: again.appendingPathComponent(id + ".html"))
            #expect(a == b, "\(id) differs between two builds")
        }
    }

    @Test func everyHandoutPassesTidy() async throws {
        _ = try await Self.build()
        let tidy = "/usr/bin/tidy"
        try #require(FileManager.default.isExecutableFile(atPath: tidy), "tidy is missing: run Scripts/setup --test")
        for id in Self.shipped + ["index"] {
            let (status, output) = try await Self.tool(tidy, ["-q", "-e", Self.out.appendingPathComponent(id + ".html").path])
            #expect(status == 0, "tidy on \(id):\n\(output)")
        }
    }

    @Test func aFailingLessonStillGetsItsHandoutAndTheBuildFails() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString)")
        let result = try await EndToEndTests.lessons(["build", "Tests/EndToEndTests/Fixtures/broken/03-failed-expectation.md",
                                                      "--out", folder.path])
        #expect(result.status == 1)
        let html = try String(contentsOf: folder.appendingPathComponent("03-failed-expectation.html"), encoding: .utf8)
        #expect(html.contains("✗ expected (10, 5), got (10, 4)"))
        #expect(html.contains("role=\"alert\"") || html.contains("verdict failed"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func solutionsOnlyWithSolutions() async throws {
        let lesson = "Tests/EndToEndTests/Fixtures/exercise/01-exercise.md"
        for (arguments, shown) in [([String](), false), (["--solutions"], true)] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("solutions-\(UUID().uuidString)")
            let result = try await EndToEndTests.lessons(["build", lesson, "--out", folder.path] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: folder.appendingPathComponent("01-exercise.html"), encoding: .utf8)
            #expect(html.contains("Rows times columns"), "the hint is always there, folded")
            #expect(html.contains("parameters") == shown, "solution shown: \(shown)")
        }
    }

    @Test func rawHTMLIsDroppedUnlessAskedFor() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("raw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lesson = folder.appendingPathComponent("01-raw.md")
        try Data("# Raw\n\n<div class=\"teacher\">kept?</div>\n\nSome <b>bold</b> text.\n".utf8).write(to: lesson)
        _ = try await EndToEndTests.lessons(["build", lesson.path, "--out", folder.path])
        let safe = try String(contentsOf: folder.appendingPathComponent("01-raw.html"), encoding: .utf8)
        #expect(!safe.contains("<div class=\"teacher\">"))
        #expect(!safe.contains("<b>bold</b>"))
        _ = try await EndToEndTests.lessons(["build", lesson.path, "--out", folder.path, "--unsafe-html"])
        let unsafe = try String(contentsOf: folder.appendingPathComponent("01-raw.html"), encoding: .utf8)
        #expect(unsafe.contains("<div class=\"teacher\">"))
    }

    /// A lesson full of markup and script in every place a lesson can put
    /// text: none of it reaches the page as markup.
    @Test func hostileLessonsReachTheHandoutOnlyAsText() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        let result = try await EndToEndTests.lessons(["build", "Tests/EndToEndTests/Fixtures/hostile/01-hostile.md",
                                                      "--out", folder.path])
        #expect(result.status == 1, "the missing word is an error")
        let page = folder.appendingPathComponent("01-hostile.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(Self.markup(in: html).isEmpty, "the handout contains \(Self.markup(in: html))")
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Hostile"))
        let chromium = "/usr/bin/chromium"
        try #require(FileManager.default.isExecutableFile(atPath: chromium), "chromium is missing: run Scripts/setup --test")
        let (_, dom) = try await Self.tool(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                                                "--dump-dom", "file://" + page.path])
        // In the browser's own DOM: one style element and no script, image, frame or handler.
        #expect(Self.markup(in: dom).isEmpty, "the DOM contains \(Self.markup(in: dom))")
        #expect(dom.contains("&lt;script&gt;alert('word')&lt;/script&gt;"), "vocabulary words show as text")
        #expect(!dom.contains("CONSOLE"))
    }

    /// Real tags a lesson could have smuggled in, and event handlers or
    /// `javascript:` links inside any tag. (Escaped text that merely spells
    /// them out is fine: it is shown, not run.)
    static func markup(in html: String) -> [String] {
        let patterns = [#"<(script|img|iframe|object|embed)\b"#, #"<svg onload"#, #"<b>bold"#,
                        #"<[a-zA-Z][^>]*\son[a-z]+\s*="#, #"<[a-zA-Z][^>]*(href|src)\s*=\s*"?\s*javascript:"#]
        return patterns.compactMap { pattern in
            html.range(of: pattern, options: .regularExpression).map { String(html[$0]) }
        }
    }

    @Test func imagesBesideTheLessonAreEmbeddedOthersBecomeText() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The smallest PNG: one transparent pixel.
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")!
        try png.write(to: folder.appendingPathComponent("dot.png"))
        try Data("# Pictures\n\n![a dot](dot.png) and ![far away](https://example.com/x.png)\n".utf8)
            .write(to: folder.appendingPathComponent("01-pictures.md"))
        _ = try await EndToEndTests.lessons(["build", folder.appendingPathComponent("01-pictures.md").path, "--out", folder.path])
        let html = try String(contentsOf: folder.appendingPathComponent("01-pictures.html"), encoding: .utf8)
        #expect(html.contains("src=\"data:image/png;base64,iVBOR"))
        #expect(html.contains("[image: far away]"))
        #expect(!html.contains("example.com"))
    }

    @Test func twoBuildsAtOnceLeaveOnlyWholeFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concurrent-\(UUID().uuidString)")
        async let a = Self.build(into: folder)
        async let b = Self.build(into: folder)
        let (ra, rb) = try await (a, b)
        #expect(ra.status == 0 && rb.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.filter { $0.hasSuffix(".tmp") }.isEmpty, "\(files)")
        let reference = FileManager.default.temporaryDirectory.appendingPathComponent("reference-\(UUID().uuidString)")
        _ = try await Self.build(into: reference)
        for id in Self.shipped + ["index"] {
            let built = try Data(contentsOf: folder.appendingPathComponent(id + ".html"))
            #expect(built == (try Data(contentsOf: reference.appendingPathComponent(id + ".html"))), "\(id) is not whole")
        }
    }

    /// Opens each handout in headless Chromium: a screenshot is taken, the
    /// DOM has the charts the lesson draws, and the console stays quiet.
    @Test func handoutsOpenInARealBrowser() async throws {
        _ = try await Self.build()
        let chromium = "/usr/bin/chromium"
        try #require(FileManager.default.isExecutableFile(atPath: chromium), "chromium is missing: run Scripts/setup --test")
        let charts = ["01-what-is-an-embedding": 1, "02-lookup": 1, "03-analogy": 5, "04-similarity-search": 3,
                      "05-training-loop": 4, "06-inside-the-model": 1]
        for id in Self.shipped {
            let page = "file://" + Self.out.appendingPathComponent(id + ".html").path
            let shot = Self.out.appendingPathComponent(id + ".png")
            let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]
            let (_, screenshotLog) = try await Self.tool(chromium, common + ["--screenshot=\(shot.path)", "--window-size=1000,1400", page])
            #expect(FileManager.default.fileExists(atPath: shot.path), "no screenshot of \(id)")
            let (status, dom) = try await Self.tool(chromium, common + ["--dump-dom", page])
            #expect(status == 0)
            let svgs = dom.components(separatedBy: "<svg").count - 1
            #expect(svgs >= charts[id, default: 1], "\(id): \(svgs) charts in the DOM")
            #expect(dom.contains("<h1>"))
            for log in [screenshotLog, dom] {
                #expect(!log.contains("CONSOLE"), "\(id) wrote to the console")
                #expect(!log.contains("Uncaught"), "\(id) raised an error")
            }
        }
    }

    /// Prints each handout to PDF in Chromium on Letter and on A4 and reads
    /// the pages back with pdftotext: every cell (code, results, charts)
    /// lies whole on one page. Without the stylesheet's `break-inside:
    /// avoid` twelve cells of the shipped lessons are cut across pages.
    @Test func handoutsPrintOnLetterAndA4WithoutCuttingACell() async throws {
        _ = try await Self.build()
        let chromium = "/usr/bin/chromium", pdftotext = "/usr/bin/pdftotext"
        for tool in [chromium, pdftotext] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run Scripts/setup --test")
        }
        let printed = Self.out.appendingPathComponent("print")
        try FileManager.default.createDirectory(at: printed, withIntermediateDirectories: true)
        for id in Self.shipped {
            let html = try String(contentsOf: Self.out.appendingPathComponent(id + ".html"), encoding: .utf8)
            // Chromium prints `size: auto` on Letter; A4 is asked for in a copy.
            let a4 = html.replacingOccurrences(of: "@page { size: auto;", with: "@page { size: A4;")
            try #require(a4 != html, "the stylesheet no longer starts its @page rule with 'size: auto'")
            for (paper, page) in [("letter", html), ("a4", a4)] {
                let source = printed.appendingPathComponent("\(id)-\(paper).html")
                let pdf = printed.appendingPathComponent("\(id)-\(paper).pdf")
                try page.write(to: source, atomically: true, encoding: .utf8)
                _ = try await Self.tool(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                   "--print-to-pdf=\(pdf.path)", "file://" + source.path])
                let (status, text) = try await Self.tool(pdftotext, [pdf.path, "-"])
                try #require(status == 0, "pdftotext on \(id) (\(paper)): \(text)")
                let pages = text.components(separatedBy: "\u{0C}").map(Self.words)
                for (n, cell) in Self.cells(in: html).enumerated() {
                    let words = Self.words(cell)
                    #expect(pages.contains { words.isSubset(of: $0) },
                            "\(id) on \(paper): cell \(n + 1) is cut across pages")
                }
            }
        }
    }

    /// The visible text of each cell of a handout: its code, results and
    /// chart labels, without the charts' titles and descriptions and the
    /// text only screen readers get.
    static func cells(in html: String) -> [String] {
        html.components(separatedBy: "<section class=\"cell").dropFirst().map { part in
            var cell = String(part[..<(part.range(of: "</section>")?.lowerBound ?? part.endIndex)])
            for hidden in [#"<title>[^<]*</title>"#, #"<desc>[^<]*</desc>"#, #"<span class="visually-hidden">[^<]*</span>"#, "<[^>]+>"] {
                cell = cell.replacingOccurrences(of: hidden, with: " ", options: .regularExpression)
            }
            return cell.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// The words of three or more letters and digits, starting with a
    /// letter: punctuation and numbers are laid out differently in a PDF.
    static func words(_ text: String) -> Set<String> {
        let regex = /[A-Za-z][A-Za-z0-9]{2,}/
        return Set(text.matches(of: regex).map { String($0.output) })
    }
}
