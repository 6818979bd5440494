import LessonDiagnostics
import LessonKit
import LessonRunner
import LessonScript

/// Draws a lesson and its run for a terminal (or a file): prose wrapped to
/// the width, each cell's code, then its results, ✓ or ✗ beside each
/// expectation. With colour off the output is plain text, no escape codes.
public struct TerminalRenderer {
    public var style: TerminalStyle
    /// Show `hint` blocks (`--hints`).
    public var showHints: Bool
    /// Show `solution` blocks and their results (`--solutions`).
    public var showSolutions: Bool

    public init(style: TerminalStyle, showHints: Bool = false, showSolutions: Bool = false) {
        self.style = style
        self.showHints = showHints
        self.showSolutions = showSolutions
    }

    /// The whole lesson: title banner, blocks, and a closing summary line.
    public func render(_ run: LessonRun) -> String {
        var out = banner(run.lesson)
        for block in run.lesson.blocks {
            out += render(block, run: run, indent: "")
        }
        out += "\n" + summary(run) + "\n"
        return out
    }

    // MARK: - Title and summary

    public func banner(_ lesson: Lesson) -> String {
        let width = style.width
        let line = String(repeating: style.doubleRule, count: width)
        var title = lesson.title
        if let number = lesson.number { title = LessonID.label(number) + " · " + title }
        if style.ascii { title = title.replacingOccurrences(of: "·", with: "-") }
        let minutes = lesson.frontMatter.minutes.map { "\($0) min" } ?? ""
        var out = style.dim(line) + "\n"
        let gap = max(1, width - 2 - visibleWidth(title) - minutes.count)
        out += " " + style.bold(title) + String(repeating: " ", count: gap) + style.dim(minutes) + "\n"
        if let summary = lesson.frontMatter.summary {
            for l in Wrapper.wrap(words(from: [.text(summary)], base: { style.italic($0) }), width: width,
                                  firstPrefix: " ", prefix: " ") {
                out += l + "\n"
            }
        }
        out += style.dim(line) + "\n"
        return out
    }

    public func summary(_ run: LessonRun) -> String {
        let (met, failed) = run.expectationCounts
        let errors = run.diagnostics.filter(\.isError).count - failed
        var parts: [String] = []
        parts.append(met == 1 ? "1 expectation met" : "\(met) expectations met")
        if failed > 0 { parts.append(style.red("\(failed) failed")) }
        if errors > 0 { parts.append(style.red(errors == 1 ? "1 error" : "\(errors) errors")) }
        let mark = failed + errors == 0 ? style.green(style.check) : style.red(style.cross)
        return style.dim(String(repeating: style.rule, count: style.width)) + "\n" + mark + " " + parts.joined(separator: ", ")
    }


    // MARK: - Blocks

    public func render(_ block: Block, run: LessonRun, indent: String = "") -> String {
        let width = style.width
        switch block {
        case .heading(let level, let inlines, _):
            let text = Inline.plainText(inlines)
            if level == 1 && text == run.lesson.title && indent.isEmpty { return "" }
            let body = style.bold(level <= 2 ? style.cyan(text) : text)
            let underline = level == 1 ? style.doubleRule : level == 2 ? style.rule : ""
            var out = "\n" + indent + body + "\n"
            if !underline.isEmpty {
                out += indent + style.dim(String(repeating: underline, count: min(visibleWidth(text), width - indent.count))) + "\n"
            }
            return out
        case .paragraph(let inlines, _):
            return "\n" + paragraph(inlines, firstPrefix: indent, prefix: indent)
        case .list(let ordered, let items, _):
            var out = "\n"
            for (i, item) in items.enumerated() {
                let marker = ordered.map { "\($0 + i)." } ?? style.bullet
                let first = indent + "  " + marker + " "
                let rest = indent + String(repeating: " ", count: visibleWidth(marker) + 3)
                out += listItem(item, run: run, firstPrefix: first, prefix: rest)
            }
            return out
        case .blockQuote(let blocks, _):
            return blocks.map { render($0, run: run, indent: indent + style.dim(style.bar) + " ") }.joined()
        case .thematicBreak:
            return "\n" + indent + style.dim(String(repeating: style.rule, count: max(10, width / 2))) + "\n"
        case .html(let text, _):
            return "\n" + text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { indent + style.dim(String($0)) }.joined(separator: "\n") + "\n"
        case .code(let language, let code, _):
            return "\n" + verbatim(code, language: language, indent: indent)
        case .cell(let cell):
            return cellBlock(cell, events: run.events(of: cell) ?? [], indent: indent)
        case .corpus(let name, let text, let cell):
            var out = "\n" + indent + "  " + style.dim("corpus \(name)") + "\n"
            out += verbatim(text, language: nil, indent: indent)
            out += results(run.events(of: cell) ?? [], indent: indent)
            return out
        case .callout(let kind, let blocks, _):
            let label: String
            switch kind {
            case .note: label = style.blue(style.bold("Note"))
            case .tip: label = style.green(style.bold("Tip"))
            case .warning: label = style.yellow(style.bold("Warning"))
            }
            return boxed(label, blocks, run: run, indent: indent)
        case .exercise(let blocks, _):
            return boxed(style.magenta(style.bold("Exercise")), blocks, run: run, indent: indent)
        case .hint(let blocks, _):
            guard showHints else {
                return "\n" + indent + style.dim("Hint available: run with --hints to see it.") + "\n"
            }
            return boxed(style.yellow(style.bold("Hint")), blocks, run: run, indent: indent)
        case .solution(let cell):
            guard showSolutions else {
                return "\n" + indent + style.dim("Solution hidden: run with --solutions to see it.") + "\n"
            }
            return "\n" + indent + style.green(style.bold("Solution")) + cellBlock(cell, events: run.events(of: cell) ?? [],
                                                                             indent: indent)
        }
    }

    private func listItem(_ blocks: [Block], run: LessonRun, firstPrefix: String, prefix: String) -> String {
        var out = ""
        for (i, block) in blocks.enumerated() {
            if i == 0, case .paragraph(let inlines, _) = block {
                out += paragraph(inlines, firstPrefix: firstPrefix, prefix: prefix)
            } else {
                out += render(block, run: run, indent: prefix)
            }
        }
        return out
    }

    /// A callout, exercise or hint: a label, then the content behind a bar.
    private func boxed(_ label: String, _ blocks: [Block], run: LessonRun, indent: String) -> String {
        let inner = indent + style.dim(style.bar) + " "
        let out = "\n" + indent + style.dim(style.bar) + " " + label + "\n"
        var body = blocks.map { render($0, run: run, indent: inner) }.joined()
        if body.hasPrefix("\n") { body.removeFirst() }
        // Blank lines inside the box keep the bar.
        body = body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? indent + style.dim(style.bar) : String($0) }.joined(separator: "\n")
        if body.hasSuffix(indent + style.dim(style.bar)) { body.removeLast((indent + style.dim(style.bar)).count) }
        return out + body + (body.hasSuffix("\n") ? "" : "\n")
    }

    // MARK: - Prose

    func paragraph(_ inlines: [Inline], firstPrefix: String, prefix: String) -> String {
        Wrapper.wrap(words(from: inlines, base: { $0 }), width: style.width, firstPrefix: firstPrefix, prefix: prefix)
            .joined(separator: "\n") + "\n"
    }

    /// Splits inline Markdown into styled, unbreakable words.
    func words(from inlines: [Inline], base: @escaping (String) -> String) -> [Wrapper.Word] {
        var words: [Wrapper.Word] = []
        var current = ""
        var currentWidth = 0
        func flush() {
            if currentWidth > 0 { words.append(Wrapper.Word(text: current, width: currentWidth)) }
            current = ""
            currentWidth = 0
        }
        func append(_ text: String, _ paint: (String) -> String, breakable: Bool) {
            guard breakable else {
                current += paint(text)
                currentWidth += visibleWidth(text)
                return
            }
            let pieces = text.split(separator: " ", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() {
                if i > 0 { flush() }
                if !piece.isEmpty {
                    current += paint(String(piece))
                    currentWidth += visibleWidth(String(piece))
                }
            }
        }
        func walk(_ inlines: [Inline], _ paint: @escaping (String) -> String) {
            for inline in inlines {
                switch inline {
                case .text(let text): append(text.replacingOccurrences(of: "\n", with: " "), paint, breakable: true)
                case .code(let code):
                    let shown = style.color ? code : "`" + code + "`"
                    append(shown, { style.paint($0, "36") }, breakable: false)
                case .emphasis(let inner): walk(inner, { style.italic(paint($0)) })
                case .strong(let inner): walk(inner, { style.bold(paint($0)) })
                case .link(let destination, let inner):
                    walk(inner, { style.underline(paint($0)) })
                    let text = Inline.plainText(inner)
                    if destination != text && !destination.hasPrefix("#") {
                        flush()
                        append("(" + destination + ")", { style.dim($0) }, breakable: false)
                    }
                case .image(let source, let alt):
                    append("[image: " + Inline.plainText(alt) + "]", { style.dim($0) }, breakable: true)
                    _ = source
                case .html(let html): append(html, { style.dim($0) }, breakable: true)
                case .softBreak: flush()
                case .lineBreak:
                    flush()
                    if !words.isEmpty { words[words.count - 1].breakAfter = true }
                }
            }
        }
        walk(inlines, base)
        flush()
        return words
    }

    // MARK: - Code and results

    private func verbatim(_ code: String, language: String?, indent: String) -> String {
        var out = ""
        if let language, !language.isEmpty { out += indent + "  " + style.dim(language) + "\n" }
        for line in trimmedLines(code) {
            out += indent + "    " + line + "\n"
        }
        return out
    }

    private func trimmedLines(_ code: String) -> [String] {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    private func cellBlock(_ cell: Cell, events: [Event], indent: String) -> String {
        var out = ""
        if let title = cell.attributes["title"] { out += indent + style.bold(title) + "\n" }
        if cell.showsCode {
            let highlighted = Highlighter(style: style).highlight(cell.code, origin: cell.origin)
            for line in highlighted {
                out += indent + "  " + style.dim(style.bar) + " " + line + "\n"
            }
        }
        // Hidden results still show what went wrong.
        out += results(ResultItem.group(events, showsResults: cell.showsResults), indent: indent)
        // A setup cell that went well shows nothing at all.
        return out.isEmpty ? "" : "\n" + out
    }

    /// The results of a cell, in order: summaries of bindings, values,
    /// printed text, ✓/✗ for expectations, errors in place.
    public func results(_ events: [Event], indent: String) -> String {
        results(ResultItem.group(events), indent: indent)
    }

    func results(_ items: [ResultItem], indent: String) -> String {
        var lines: [String] = []
        let lead = indent + "  "
        let mark = style.dim(style.resultMark) + " "
        let valueFormatter = ValueFormatter(style: style)
        for item in items {
            switch item {
            case .binding(let name, let value, let verdict):
                var summary = name + ": " + value.summary
                let room = style.width - visibleWidth(lead) - 2 - 4
                if summary.count > room { summary = String(summary.prefix(room - 1)) + style.ellipsis }
                lines.append(lead + mark + style.dim(summary) + (verdict.map { "  " + verdictText($0) } ?? ""))
            case .value(let value, let verdict):
                let rendered = valueFormatter.full(value, width: style.width - visibleWidth(lead) - 2)
                // A long display (a sentence, a document) wraps at spaces, under itself.
                var first = wrapPlain(rendered[0], firstPrefix: lead + mark, prefix: lead + "  ")
                if let verdict {
                    let v = verdictText(verdict)
                    if visibleWidth(first[first.count - 1]) + 2 + visibleWidth(v) <= style.width {
                        first[first.count - 1] += "  " + v
                    } else {
                        first.append(lead + "  " + v)
                    }
                }
                lines += first
                lines += rendered.dropFirst().map { lead + "  " + $0 }
            case .printed(let text):
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines += wrapPlain(String(line), firstPrefix: lead + "  ", prefix: lead + "    ")
                }
            case .expectation(let outcome):
                let what = outcome.expectation == nil ? style.dim("expect") + "  " : ""
                lines.append(lead + mark + what + verdictText(outcome))
            case .error(let diagnostic, true, let verdict):
                lines.append(lead + mark + style.dim("error: " + diagnostic.message) + (verdict.map { "  " + verdictText($0) } ?? ""))
            case .error(let diagnostic, false, _):
                lines.append(lead + style.red(style.cross + " error: ") + style.bold(diagnostic.message))
                if let help = diagnostic.help { lines.append(lead + "  " + style.cyan("help: ") + help) }
                if let span = diagnostic.span {
                    lines.append(lead + "  " + style.dim("at line \(span.start.line), column \(span.start.column)"))
                }
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// Wraps text that has no markup at spaces; a line without spaces stays whole.
    private func wrapPlain(_ text: String, firstPrefix: String, prefix: String) -> [String] {
        guard visibleWidth(firstPrefix) + visibleWidth(text) > style.width, text.contains(" ") else {
            return [firstPrefix + text]
        }
        let words = text.split(separator: " ").map { Wrapper.Word(text: String($0), width: visibleWidth(String($0))) }
        return Wrapper.wrap(words, width: style.width, firstPrefix: firstPrefix, prefix: prefix)
    }

    private func verdictText(_ outcome: ExpectationOutcome) -> String {
        if outcome.met { return style.green(style.check) }
        if outcome.expectation == nil { return style.red(style.cross + " " + (outcome.diagnostic?.message ?? "failed")) }
        return style.red(style.cross + " expected " + outcome.expected + ", got " + outcome.actual)
    }
}
