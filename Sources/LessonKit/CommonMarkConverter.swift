import CCmark
import Foundation
import LessonDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Every call into cmark is in this file: parse Markdown and walk the tree
/// once into `Block`s and `Inline`s.
struct CommonMarkConverter {
    /// The whole file's lines, for reading fences as the teacher wrote them.
    let sourceLines: [Substring]
    /// Added to cmark's line numbers: content of a callout is parsed on its
    /// own, starting below its fence.
    let lineOffset: Int
    /// Added to cmark's column numbers, for the same reason.
    let columnOffset: Int
    let depth: Int

    var diagnostics: [Diagnostic] = []
    /// cmark's own HTML of every prose block, keyed by the block's span:
    /// safe (raw HTML dropped) and unsafe (raw HTML kept, for `--unsafe-html`).
    var proseHTML: [SourceSpan: ProseHTML] = [:]

    /// The lesson's folder: images next to the lesson are embedded in the
    /// handout (a handout loads no other file); `nil` embeds none.
    let folder: String?

    init(sourceLines: [Substring], lineOffset: Int = 0, columnOffset: Int = 0, depth: Int = 0, folder: String? = nil) {
        self.sourceLines = sourceLines
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
        self.depth = depth
        self.folder = folder
    }

    /// Nesting that cmark accepts but a lesson has no use for (quotes in
    /// quotes in callouts …) stops here, so a hostile file cannot recurse
    /// without bound.
    static let maximumDepth = 48

    /// Parses `markdown` into blocks.
    mutating func convert(_ markdown: String) -> [Block] {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        let document: OpaquePointer? = markdown.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), options)
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        embedImages(in: document)
        return children(of: document, depth: 0)
    }

    // MARK: - Blocks

    private mutating func children(of node: OpaquePointer, depth: Int) -> [Block] {
        var blocks: [Block] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if let block = block(current, depth: depth) { blocks.append(block) }
            child = cmark_node_next(current)
        }
        return blocks
    }

    private mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
        let span = self.span(of: node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING, CMARK_NODE_PARAGRAPH, CMARK_NODE_LIST, CMARK_NODE_BLOCK_QUOTE,
             CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_HTML_BLOCK:
            proseHTML[span] = ProseHTML(safe: html(node, unsafe: false), unsafe: html(node, unsafe: true))
        default:
            break
        }
        if depth + self.depth > Self.maximumDepth {
            diagnostics.append(Diagnostic(.error, .tooDeeplyNested(limit: Self.maximumDepth), at: span))
            return nil
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(Int(cmark_node_get_heading_level(node)), inlines(of: node, depth: 0), span)
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node, depth: 0), span)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var items: [[Block]] = []
            var item = cmark_node_first_child(node)
            while let current = item {
                items.append(children(of: current, depth: depth + 1))
                item = cmark_node_next(current)
            }
            return .list(ordered: ordered ? Int(cmark_node_get_list_start(node)) : nil, items: items, span)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(children(of: node, depth: depth + 1), span)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(span)
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(of: node), span)
        case CMARK_NODE_CODE_BLOCK:
            return fencedBlock(node, span: span, depth: depth)
        default:
            return nil
        }
    }

    private mutating func fencedBlock(_ node: OpaquePointer, span: SourceSpan, depth: Int) -> Block? {
        let info = string(cmark_node_get_fence_info(node))
        let code = literal(of: node)
        let fenceLine = span.start.line
        let rawFence = fenceLine >= 1 && fenceLine <= sourceLines.count ? sourceLines[fenceLine - 1] : ""
        let fenced = rawFence.drop(while: { $0 == " " || $0 == ">" }).first.map { $0 == "`" || $0 == "~" } ?? false
        // An indented code block has no info string and no fence.
        guard fenced else { return .code(language: nil, code, span) }

        let header = FencedBlockHeader(info: info, fenceLine: fenceLine, rawFenceLine: String(rawFence))
        diagnostics += header.diagnostics
        checkClosed(span: span, rawFence: rawFence)
        let origin = SourceLocation(line: fenceLine + 1, column: span.start.column)
        let fence = SourceSpan(line: fenceLine, column: span.start.column, length: rawFence.count - span.start.column + 1)
        func cell(_ visibility: Cell.Visibility) -> Cell {
            Cell(code: code, origin: origin, visibility: visibility, attributes: header.keyedAttributes, fence: fence)
        }
        func markdown() -> [Block] {
            var inner = CommonMarkConverter(sourceLines: sourceLines, lineOffset: fenceLine,
                                            columnOffset: span.start.column - 1, depth: self.depth + depth + 1,
                                            folder: folder)
            let blocks = inner.convert(code)
            diagnostics += inner.diagnostics
            proseHTML.merge(inner.proseHTML) { a, _ in a }
            return blocks
        }

        switch header.kind {
        case .swift(let visibility, let run):
            return run ? .cell(cell(visibility)) : .code(language: "swift", code, span)
        case .corpus(let name):
            return .corpus(name: name, text: code, cell(.normal))
        case .callout(let kind):
            return .callout(kind, markdown(), span)
        case .exercise:
            return .exercise(markdown(), span)
        case .hint:
            return .hint(markdown(), span)
        case .solution:
            return .solution(cell(.normal))
        case .verbatim(let language):
            return .code(language: language, code, span)
        }
    }

    /// cmark closes an unclosed fence at the end of the document; a teacher
    /// almost never means that.
    private mutating func checkClosed(span: SourceSpan, rawFence: Substring) {
        let opening = rawFence.drop(while: { $0 == " " || $0 == ">" })
        guard let char = opening.first else { return }
        let fenceLength = opening.prefix(while: { $0 == char }).count
        let endLine = span.end.line
        var closed = false
        if endLine > span.start.line, endLine <= sourceLines.count {
            let closing = sourceLines[endLine - 1].drop(while: { $0 == " " || $0 == ">" })
            let run = closing.prefix(while: { $0 == char }).count
            closed = run >= fenceLength && closing.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
        }
        if !closed {
            diagnostics.append(Diagnostic(.error, .unclosedFence(String(repeating: char, count: fenceLength)),
                                          at: SourceSpan(line: span.start.line, column: span.start.column,
                                                         length: fenceLength)))
        }
    }

    // MARK: - Inlines

    private func inlines(of node: OpaquePointer, depth: Int) -> [Inline] {
        var out: [Inline] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            defer { child = cmark_node_next(current) }
            guard depth < Self.maximumDepth else { out.append(.text(literal(of: current))); continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT:
                // Adjacent text nodes (cmark splits at brackets) read as one.
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + literal(of: current))
                } else {
                    out.append(.text(literal(of: current)))
                }
            case CMARK_NODE_CODE: out.append(.code(literal(of: current)))
            case CMARK_NODE_EMPH: out.append(.emphasis(inlines(of: current, depth: depth + 1)))
            case CMARK_NODE_STRONG: out.append(.strong(inlines(of: current, depth: depth + 1)))
            case CMARK_NODE_LINK:
                out.append(.link(destination: string(cmark_node_get_url(current)),
                                 inlines(of: current, depth: depth + 1)))
            case CMARK_NODE_IMAGE:
                out.append(.image(source: string(cmark_node_get_url(current)),
                                  alt: inlines(of: current, depth: depth + 1)))
            case CMARK_NODE_HTML_INLINE: out.append(.html(literal(of: current)))
            case CMARK_NODE_SOFTBREAK: out.append(.softBreak)
            case CMARK_NODE_LINEBREAK: out.append(.lineBreak)
            default: break
            }
        }
        return out
    }

    // MARK: - Images

    /// Handouts are single files: an image in the lesson's folder (PNG, JPEG,
    /// GIF or WebP, up to 2 MiB) becomes a `data:` URL; any other image
    /// (another host, another folder, a script URL) becomes its alt text.
    private func embedImages(in document: OpaquePointer) {
        var images: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_IMAGE,
               cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER {
                images.append(node)
            }
        }
        cmark_iter_free(iterator)
        for image in images {
            if let data = dataURL(for: string(cmark_node_get_url(image))) {
                cmark_node_set_url(image, data)
                continue
            }
            var alt = ""
            var child = cmark_node_first_child(image)
            while let c = child {
                alt += literal(of: c)
                child = cmark_node_next(c)
            }
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, "[image: \(alt)]")
            if cmark_node_replace(image, text) == 1 { cmark_node_free(image) } else { cmark_node_free(text) }
        }
    }

    private func dataURL(for url: String) -> String? {
        guard let folder, !url.contains(":"), !url.hasPrefix("/"), !url.contains("..") else { return nil }
        let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"]
        let path = (folder as NSString).appendingPathComponent(url)
        guard let type = types[(path as NSString).pathExtension.lowercased()],
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.size] as? Int ?? .max) <= 2 << 20,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return "data:\(type);base64," + data.base64EncodedString()
    }

    // MARK: - Helpers

    /// cmark's HTML for one node of the parsed document (so reference links
    /// resolve as in the whole file). Without `unsafe`, raw HTML is dropped.
    private func html(_ node: OpaquePointer, unsafe: Bool) -> String {
        let options = CMARK_OPT_DEFAULT | (unsafe ? CMARK_OPT_UNSAFE : 0)
        guard let pointer = cmark_render_html(node, options) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private func span(of node: OpaquePointer) -> SourceSpan {
        let startLine = Int(cmark_node_get_start_line(node)) + lineOffset
        let startColumn = Int(cmark_node_get_start_column(node)) + columnOffset
        let endLine = Int(cmark_node_get_end_line(node)) + lineOffset
        let endColumn = Int(cmark_node_get_end_column(node)) + columnOffset
        return SourceSpan(start: SourceLocation(line: startLine, column: max(1, startColumn)),
                          end: SourceLocation(line: endLine, column: max(1, endColumn + 1)))
    }

    private func literal(of node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }
}
