import Foundation
import Testing

/// A real terminal: one tmux session running a command, on a tmux server of
/// the tests' own (apart from any the user runs, and started afresh, as on
/// CI). The command's screen stays readable for a minute after it ends.
struct Terminal {
    static let socket = "lessons-tests-\(getpid())"
    let session: String

    /// Opens a terminal of `columns` × `rows` running `command` (a shell line).
    static func open(_ command: String, columns: Int = 100, rows: Int = 40) async throws -> Terminal {
        let terminal = Terminal(session: "lessons-\(UUID().uuidString.prefix(8))")
        _ = try await terminal.tmux(["new-session", "-d", "-s", terminal.session, "-x", "\(columns)", "-y", "\(rows)",
                                     command + "; sleep 60"])
        return terminal
    }

    /// Presses keys by tmux's names: "Enter", "Up", "C-d", or a letter.
    func press(_ keys: String...) async throws {
        _ = try await tmux(["send-keys", "-t", session] + keys)
    }

    /// Types text as it is.
    func type(_ text: String) async throws {
        _ = try await tmux(["send-keys", "-t", session, "-l", text])
    }

    /// The screen once it shows `text`, or as it is after 15 seconds.
    func screen(until text: String) async throws -> String {
        var last = ""
        for _ in 0..<150 {
            last = try await tmux(["capture-pane", "-p", "-t", session])
            if last.contains(text) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }

    /// Ends the session (and with the last one, the server). Synchronous, for `defer`.
    func close() {
        _ = try? Subprocess.start("tmux", ["-L", Self.socket, "kill-session", "-t", session]).waitBlocking()
    }

    private func tmux(_ arguments: [String]) async throws -> String {
        let output = try await Subprocess.run("tmux", ["-L", Self.socket] + arguments, timeLimit: .seconds(20))
        #expect(!output.timedOut, "tmux \(arguments.first ?? "") did not return")
        return output.stdout
    }
}

/// What a learner sees in a terminal: `--step`, exercises, the training
/// bar and the REPL's line editing.
@Suite(.serialized) struct TerminalTests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    }

    @Test func stepPausesAfterEachCellAndShowsWhereTheLearnerIs() async throws {
        let state = Self.temporary("step")
        let terminal = try await Terminal.open(
            "cd '\(EndToEndTests.root.path)' && XDG_STATE_HOME='\(state.path)' '\(EndToEndTests.binary.path)' run 1 --step")
        defer { terminal.close() }
        let first = try await terminal.screen(until: "cell 1 of 7")
        #expect(first.contains("── cell 1 of 7 · Enter: next · h: hint · q: quit ──"), "\(first)")
        #expect(first.contains("\"king\" == \"queen\" // => false"))
        #expect(!first.contains("First try: one-hot vectors"), "the lesson went on without waiting")
        try await terminal.press("Enter")
        let second = try await terminal.screen(until: "cell 2 of 7")
        #expect(second.contains("cell 2 of 7"))
        #expect(second.contains("[1, 0, 0, 0, 0]  ✓"))
        try await terminal.press("q")
        try await Task.sleep(for: .milliseconds(500))
        let list = try await EndToEndTests.lessons(["list"], environment: ["XDG_STATE_HOME": state.path])
        #expect(list.stdout.contains("→ 01-what-is-an-embedding"), "quitting early does not finish the lesson")
    }

    @Test func anExerciseChecksTheAnswerAndOffersTheHint() async throws {
        let lesson = EndToEndTests.root.appendingPathComponent("Tests/EndToEndTests/Fixtures/exercise/01-exercise.md").path
        let terminal = try await Terminal.open(
            "XDG_STATE_HOME='\(Self.temporary("exercise").path)' '\(EndToEndTests.binary.path)' run '\(lesson)' --step")
        defer { terminal.close() }
        _ = try await terminal.screen(until: "cell 1 of 1")
        try await terminal.press("Enter")
        let prompt = try await terminal.screen(until: "answer>")
        #expect(prompt.contains("How many numbers does the table hold?"))
        try await terminal.type("table.count")
        try await terminal.press("Enter")
        let wrong = try await terminal.screen(until: "Rows times columns")
        #expect(wrong.contains("✗ not quite: you got 10"), "\(wrong)")
        #expect(wrong.contains("Rows times columns"), "the hint follows a wrong answer")
        try await terminal.type("table.count * table.dim")
        try await terminal.press("Enter")
        let right = try await terminal.screen(until: "✓ right")
        #expect(right.contains("✓ right: 40"), "\(right)")
    }

    /// Training shows a live bar on a terminal, and leaves no trace of it
    /// once done.
    @Test func trainingShowsAProgressBarOnATerminal() async throws {
        let folder = Self.temporary("bar")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let words = (0..<500).map { "w\($0)" }
        let text = (0..<20_000).map { _ in (0..<10).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") }
        try text.joined(separator: "\n").write(to: folder.appendingPathComponent("corpus.txt"), atomically: true, encoding: .utf8)
        let terminal = try await Terminal.open(
            "'\(EndToEndTests.binary.path)' train '\(folder.path)/corpus.txt' --min-count 1 --epochs 8", columns: 120, rows: 20)
        defer { terminal.close() }
        let during = try await terminal.screen(until: "words/s")
        #expect(during.contains("epoch "), "\(during)")
        #expect(during.contains("s left"))
        let after = try await terminal.screen(until: "raw words/s")
        #expect(after.contains("trained    8 epochs"), "\(after)")
        #expect(!after.contains("s left"), "the bar is erased when training ends")
    }

    /// The REPL: ↑ recalls the last line, ← and a typed character edit it in
    /// place, and the history outlives the session.
    @Test func replEditsLinesAndRemembersThem() async throws {
        let state = Self.temporary("repl")
        let terminal = try await Terminal.open(
            "XDG_STATE_HOME='\(state.path)' '\(EndToEndTests.binary.path)' repl --color never", rows: 30)
        defer { terminal.close() }
        _ = try await terminal.screen(until: "lessons>")
        try await terminal.type("21 * 2")
        try await terminal.press("Enter")
        let first = try await terminal.screen(until: "42")
        #expect(first.contains("▸ 42"), "\(first)")
        // ↑ brings "21 * 2" back; four ← land after "21", and "0" makes it "210 * 2".
        try await terminal.press("Up", "Left", "Left", "Left", "Left", "0", "Enter")
        let edited = try await terminal.screen(until: "420")
        #expect(edited.contains("210 * 2"), "\(edited)")
        #expect(edited.contains("▸ 420"))
        try await terminal.press("C-d")
        try await Task.sleep(for: .milliseconds(500))
        let history = try String(contentsOf: state.appendingPathComponent("lessons/repl_history"), encoding: .utf8)
        #expect(history == "21 * 2\n210 * 2\n", "\(history)")
    }
}
