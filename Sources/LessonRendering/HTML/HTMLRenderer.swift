import LessonDiagnostics
import LessonKit
import LessonRunner
import LessonScript

/// Writes a lesson and its run as one self-contained HTML page: inline CSS,
/// inline SVG, no script, no request to any other file or host. Prose comes
/// from cmark (safe mode unless `unsafeHTML`); everything else is built with
/// `HTMLNode`, which escapes all text.
public struct HTMLRenderer {
    public var showSolutions: Bool
    /// Pass raw HTML written in the lesson through (cmark without safe mode).
    public var unsafeHTML: Bool

    public init(showSolutions: Bool = false, unsafeHTML: Bool = false) {
        self.showSolutions = showSolutions
        self.unsafeHTML = unsafeHTML
    }

    /// The whole page.
    public func render(_ run: LessonRun) -> String {
        var charts = 0
        let lesson = run.lesson
        let body = lesson.blocks.map { block($0, run: run, charts: &charts) }
        let eyebrow = [lesson.number.map { "Lesson \($0)" }, lesson.frontMatter.minutes.map { "\($0) minutes" }]
            .compactMap { $0 }.joined(separator: " · ")
        var header: [HTMLNode] = []
        if !eyebrow.isEmpty { header.append(el("p", [("class", "eyebrow")], text: eyebrow)) }
        header.append(el("h1", text: lesson.title))
        if let summary = lesson.frontMatter.summary { header.append(el("p", [("class", "summary")], text: summary)) }
        let (met, failed) = run.expectationCounts
        let errors = run.diagnostics.filter(\.isError).count - failed
        var footer = "\(met) expectation\(met == 1 ? "" : "s") met"
        if failed > 0 { footer += ", \(failed) failed" }
        if errors > 0 { footer += ", \(errors) error\(errors == 1 ? "" : "s")" }
        let title = (lesson.number.map { LessonID.label($0) + " · " } ?? "") + lesson.title
        return page(title: title, [
            el("main", [("class", "lesson")], [
                el("header", [("class", "lesson-header")], header),
                .fragment(body),
                el("footer", [("class", "lesson-footer")], [el("p", text: footer + ".")]),
            ]),
        ])
    }

    /// The course page: every lesson's title, summary and minutes, in order.
    public func index(_ lessons: [(lesson: Lesson, file: String)], title: String = "Embeddings, from first principles") -> String {
        let items = lessons.map { entry -> HTMLNode in
            var children: [HTMLNode] = [el("a", [("href", entry.file)], text: entry.lesson.title)]
            if let minutes = entry.lesson.frontMatter.minutes {
                children.append(el("span", [("class", "minutes")], text: " · \(minutes) minutes"))
            }
            if let summary = entry.lesson.frontMatter.summary { children.append(el("p", text: summary)) }
            return el("li", [], children)
        }
        return page(title: title, [el("main", [], [el("h1", text: title), el("ol", [("class", "course")], items)])])
    }

    private func page(title: String, _ body: [HTMLNode]) -> String {
        HTMLNode.fragment([
            .raw("<!DOCTYPE html>\n"),
            el("html", [("lang", "en")], [
                el("head", [], [
                    .void("meta", [("charset", "utf-8")]),
                    .void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                    .void("meta", [("name", "color-scheme"), ("content", "light dark")]),
                    el("title", text: title),
                    el("style", [], [.raw(Stylesheet.css)]),
                ]),
                el("body", [], body),
            ]),
        ]).render() + "\n"
    }


    // MARK: - Blocks

    private func block(_ block: Block, run: LessonRun, charts: inout Int) -> HTMLNode {
        let lesson = run.lesson
        switch block {
        case .heading(let level, let inlines, let span):
            if level == 1 && Inline.plainText(inlines) == lesson.title { return .fragment([]) }
            return prose(span, lesson) ?? el("h\(min(6, max(2, level)))", text: Inline.plainText(inlines))
        case .paragraph(let inlines, let span):
            return prose(span, lesson) ?? el("p", text: Inline.plainText(inlines))
        case .thematicBreak(let span), .html(_, let span):
            return prose(span, lesson) ?? .fragment([])
        case .list(_, let items, let span):
            if Lesson.runnableBlocks(in: items.flatMap { $0 }).isEmpty, let html = prose(span, lesson) { return html }
            return el("ul", [], items.map { item in el("li", [], item.map { self.block($0, run: run, charts: &charts) }) })
        case .blockQuote(let inner, let span):
            if Lesson.runnableBlocks(in: inner).isEmpty, let html = prose(span, lesson) { return html }
            return el("blockquote", [], inner.map { self.block($0, run: run, charts: &charts) })
        case .code(let language, let code, _):
            var children: [HTMLNode] = []
            if let language { children.append(el("p", [("class", "language")], text: language)) }
            children.append(el("pre", [], [el("code", text: trimmed(code))]))
            return el("div", [("class", "verbatim")], children)
        case .cell(let cell):
            return self.cell(cell, events: run.events(of: cell) ?? [], charts: &charts)
        case .corpus(let name, let text, let cell):
            return el("section", [("class", "cell corpus")], [
                el("p", [("class", "cell-title")], text: "corpus \(name)"),
                el("pre", [("class", "code")], [el("code", text: trimmed(text))]),
                results(ResultItem.group(run.events(of: cell) ?? []), charts: &charts),
            ])
        case .callout(let kind, let inner, _):
            return el("aside", [("class", "callout \(kind.rawValue)")],
                      [el("p", [("class", "callout-title")], text: kind.rawValue.capitalized)]
                        + inner.map { self.block($0, run: run, charts: &charts) })
        case .exercise(let inner, _):
            return el("section", [("class", "exercise")],
                      [el("p", [("class", "callout-title")], text: "Exercise")]
                        + inner.map { self.block($0, run: run, charts: &charts) })
        case .hint(let inner, _):
            return el("details", [("class", "hint")],
                      [el("summary", text: "Hint")] + inner.map { self.block($0, run: run, charts: &charts) })
        case .solution(let cell):
            guard showSolutions else { return .fragment([]) }
            return el("details", [("class", "solution")],
                      [el("summary", text: "Solution"), self.cell(cell, events: run.events(of: cell) ?? [], charts: &charts)])
        }
    }

    /// cmark's HTML for a prose block, headings kept below the page's `h1`.
    private func prose(_ span: SourceSpan, _ lesson: Lesson) -> HTMLNode? {
        guard let html = lesson.proseHTML[span] else { return nil }
        var markup = unsafeHTML ? html.unsafe : html.safe
        if markup.hasPrefix("<h1>") && markup.hasSuffix("</h1>\n") {
            markup = "<h2>" + markup.dropFirst(4).dropLast(6) + "</h2>\n"
        }
        return .raw(markup)
    }

    private func trimmed(_ code: String) -> String {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    // MARK: - Cells

    private func cell(_ cell: Cell, events: [Event], charts: inout Int) -> HTMLNode {
        var children: [HTMLNode] = []
        if let title = cell.attributes["title"] { children.append(el("p", [("class", "cell-title")], text: title)) }
        if cell.showsCode { children.append(code(cell)) }
        // Hidden results still show what went wrong.
        let shown = ResultItem.group(events, showsResults: cell.showsResults)
        if !shown.isEmpty { children.append(results(shown, charts: &charts)) }
        if children.isEmpty { return .fragment([]) }
        return el("section", [("class", "cell")], children)
    }

    /// Code coloured by the language's own lexer.
    private func code(_ cell: Cell) -> HTMLNode {
        var nodes: [HTMLNode] = []
        for (i, pieces) in CodeClassifier.lines(cell.code, origin: cell.origin).enumerated() {
            if i > 0 { nodes.append(.text("\n")) }
            for (text, kind) in pieces {
                guard let kind else { nodes.append(.text(text)); continue }
                let cls: String
                switch kind {
                case .keyword: cls = "kw"
                case .string: cls = "str"
                case .number: cls = "num"
                case .builtin: cls = "fn"
                case .comment: cls = "com"
                case .expectation: cls = "expect"
                }
                nodes.append(el("span", [("class", cls)], text: text))
            }
        }
        return el("pre", [("class", "code")], [el("code", [("class", "language-swift")], nodes)])
    }

    private func results(_ items: [ResultItem], charts: inout Int) -> HTMLNode {
        var nodes: [HTMLNode] = []
        for item in items {
            switch item {
            case .binding(let name, let value, let verdict):
                nodes.append(el("div", [("class", "result binding")],
                                [el("span", [("class", "name")], text: name), .text(": " + value.summary)]
                                    + (verdict.map { [verdictNode($0)] } ?? [])))
            case .value(let value, let verdict):
                var children: [HTMLNode] = [el("output", text: value.display)]
                if let verdict { children.append(verdictNode(verdict)) }
                if let note = ValueFormatter.typeNote(value) { children.append(el("div", [("class", "type")], text: note)) }
                if let chart = Chart.from(value) {
                    charts += 1
                    children.append(SVGCharts(id: "chart-\(charts)").draw(chart))
                }
                nodes.append(el("div", [("class", "result value")], children))
            case .printed(let text):
                nodes.append(el("pre", [("class", "result printed")], [.text(text)]))
            case .expectation(let outcome):
                nodes.append(el("div", [("class", "result")], outcome.expectation == nil
                                ? [el("span", [("class", "name")], text: "expect"), verdictNode(outcome)]
                                : [verdictNode(outcome)]))
            case .error(let diagnostic, true, let verdict):
                nodes.append(el("div", [("class", "result binding")],
                                [.text("error: " + diagnostic.message)] + (verdict.map { [verdictNode($0)] } ?? [])))
            case .error(let diagnostic, false, _):
                var children: [HTMLNode] = [el("strong", text: "✗ error: "), .text(diagnostic.message)]
                if let help = diagnostic.help { children.append(el("span", [("class", "help")], text: "help: " + help)) }
                if let span = diagnostic.span {
                    children.append(el("span", [("class", "where")],
                                       text: "at line \(span.start.line), column \(span.start.column)"))
                }
                nodes.append(el("div", [("class", "result error"), ("role", "alert")], children))
            }
        }
        return el("div", [("class", "results")], nodes)
    }

    private func verdictNode(_ outcome: ExpectationOutcome) -> HTMLNode {
        if outcome.met {
            return el("span", [("class", "verdict met"), ("title", "expected " + outcome.expected)],
                      [.text("✓"), el("span", [("class", "visually-hidden")], text: " expectation met")])
        }
        let text = outcome.expectation == nil ? (outcome.diagnostic?.message ?? "failed")
            : "expected " + outcome.expected + ", got " + outcome.actual
        return el("span", [("class", "verdict failed")], text: "✗ " + text)
    }
}
