import ArgumentParser
import Foundation
import LessonKit
import LessonRendering
import LessonScript

/// `--color`, `--width`, `--ascii`: how the terminal output looks.
struct OutputOptions: ParsableArguments {
    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(help: "Colour the output: auto (a terminal and NO_COLOR unset), always or never.")
    var color: ColorMode = .auto

    @Option(help: "Columns to wrap to (default: the terminal's width, or $COLUMNS, or 80).")
    var width: Int?

    @Flag(help: "Draw with ASCII only: no box-drawing, block or braille characters.")
    var ascii = false

    var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return isTerminal && !noColor && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        }
    }

    var columns: Int {
        if let width { return width }
        if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 { return n }
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    var style: TerminalStyle { TerminalStyle(width: columns, color: useColor, ascii: ascii) }

    func validate() throws {
        if let width, width < 40 || width > 200 {
            throw ValidationError("--width must be between 40 and 200, not \(width)")
        }
    }
}

/// Budgets a lesson runs under (LESSON-FORMAT §6).
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest tensor a lesson may create, in MiB.")
    var maxTensorMemory: Int = 1024

    @Option(help: "Longest a cell may run, in seconds.")
    var maxCellSeconds: Double = 30

    @Option(help: "Deepest nesting of brackets and blocks in a cell.")
    var maxDepth: Int = 64

    @Option(help: "Memory a lesson may use in all, in MiB.")
    var maxLessonMemory: Int = 4096

    @Option(help: "Largest lesson file, in MiB.")
    var maxFileSize: Int = 8

    @Option(help: "Longest line in a lesson file, in characters.")
    var maxLineLength: Int = 100_000

    @Option(help: "Most blocks of code in one lesson.")
    var maxCells: Int = 2_000

    @Option(name: .customLong("allow-path"), help: "A folder lessons may read files from besides their own (repeatable).")
    var allowedPaths: [String] = []

    /// Bounds on reading lesson files.
    var reading: ReadingLimits {
        var limits = ReadingLimits()
        limits.maximumFileSize = min(maxFileSize, 1 << 20) << 20
        limits.maximumLineLength = maxLineLength
        limits.maximumCells = maxCells
        return limits
    }

    var limits: Limits {
        var limits = Limits()
        limits.maximumTensorBytes = maxTensorMemory.multipliedReportingOverflow(by: 1 << 20).overflow
            ? .max : maxTensorMemory << 20
        limits.maximumCellSeconds = maxCellSeconds
        limits.maximumDepth = maxDepth
        limits.maximumLessonBytes = min(maxLessonMemory, 1 << 30) << 20
        limits.allowedPaths = allowedPaths.map { ($0 as NSString).expandingTildeInPath }
        return limits
    }

    func validate() throws {
        guard maxTensorMemory > 0 else { throw ValidationError("--max-tensor-memory must be positive") }
        guard maxCellSeconds > 0, maxCellSeconds.isFinite else { throw ValidationError("--max-cell-seconds must be positive") }
        // Deeper than this, the parser's own recursion could exhaust the stack.
        guard (1...2000).contains(maxDepth) else { throw ValidationError("--max-depth must be between 1 and 2000") }
        guard maxLessonMemory > 0, maxFileSize > 0, maxLineLength > 0, maxCells > 0 else {
            throw ValidationError("--max-lesson-memory, --max-file-size, --max-line-length and --max-cells must be positive")
        }
    }
}
