import LessonDiagnostics

/// One lesson: its file, front matter and blocks, with every problem found
/// while reading it.
public struct Lesson: Sendable {
    /// The path the lesson was read from, as the user named it (diagnostics print it).
    public var path: String
    /// `03-analogy` for `Lessons/03-analogy.md`.
    public var id: String
    public var frontMatter: FrontMatter
    public var blocks: [Block]
    /// Warnings and errors found while reading (not while running).
    public var diagnostics: [Diagnostic]
    /// The file's text split into lines, for quoting in diagnostics.
    public var sourceLines: [Substring]
    /// cmark's HTML of each prose block (headings, paragraphs, lists, quotes,
    /// raw HTML), keyed by the block's span.
    public var proseHTML: [SourceSpan: ProseHTML] = [:]

    /// The title from the front matter, else the first level-1 heading, else the id.
    public var title: String {
        if let title = frontMatter.title { return title }
        for case .heading(1, let inlines, _) in blocks { return Inline.plainText(inlines) }
        return id
    }

    /// The lesson number from an `NN-slug` id.
    public var number: Int? { LessonID.number(of: id) }

    /// `analogy` for `03-analogy`.
    public var slug: String { LessonID.slug(of: id) }

    /// Every block that runs code, in document order, nested ones included.
    public var runnableBlocks: [Block] { Self.runnableBlocks(in: blocks) }

    /// The blocks that run code among `blocks` and inside them, in order.
    public static func runnableBlocks(in blocks: [Block]) -> [Block] {
        var out: [Block] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .cell, .corpus, .solution: out.append(block)
                case .list(_, let items, _): items.forEach(visit)
                case .blockQuote(let inner, _), .callout(_, let inner, _), .exercise(let inner, _),
                     .hint(let inner, _):
                    visit(inner)
                default: break
                }
            }
        }
        visit(blocks)
        return out
    }

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    /// The first `solution` after the exercise at `index`, if it comes
    /// before the next exercise.
    public func solution(forExerciseAt index: Int) -> Cell? {
        for block in blocks[(index + 1)...] {
            if case .solution(let cell) = block { return cell }
            if case .exercise = block { return nil }
        }
        return nil
    }

    /// Where the hint for the block at `index` is: the first `hint` after
    /// it, looking past an exercise that follows it directly (a cell just
    /// before an exercise prepares it) but not past a later one.
    public func hintIndex(after index: Int) -> Int? {
        for i in (index + 1)..<blocks.count {
            if case .hint = blocks[i] { return i }
            if case .exercise = blocks[i], i > index + 1 { return nil }
        }
        return nil
    }
}

/// The optional YAML header of a lesson.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    public var summary: String?
    public var minutes: Int?
    public var requires: [String] = []
    public var tags: [String] = []
    /// The lines it occupies in the file, `---` lines included.
    public var lines: ClosedRange<Int>?

    public init() {}

    /// The keys a lesson may use; others are warned about.
    public static let knownKeys = ["title", "summary", "minutes", "requires", "tags"]
}

/// cmark's rendering of one prose block.
public struct ProseHTML: Sendable, Equatable {
    /// Raw HTML in the lesson replaced by a comment (cmark's safe mode).
    public var safe: String
    /// Raw HTML passed through, for `lessons build --unsafe-html`.
    public var unsafe: String
}
