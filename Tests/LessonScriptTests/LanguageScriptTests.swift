import Foundation
import LessonDiagnostics
import Testing
@testable import LessonScript

/// Every script in `Scripts/` runs as one cell. Its expectations are the
/// lesson format's own (`// =>`, `// ≈`, `// error:`, `expect(…)`), and all
/// must be met. Errors that stop the script are listed in
/// `// diagnostic: LINE:COL: message` comments, which must match exactly.
@Suite struct LanguageScriptTests {
    static let scripts: [URL] = {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Scripts")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "swift" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test func thereAreScripts() {
        #expect(Self.scripts.count >= 7)
    }

    @Test(arguments: scripts.map(\.lastPathComponent))
    func script(_ name: String) throws {
        let url = Self.scripts.first { $0.lastPathComponent == name }!
        let source = try String(contentsOf: url, encoding: .utf8)
        let events = Interpreter().run(source, origin: SourceLocation(line: 1, column: 1))

        var checks = 0
        var unexpected: [String] = []
        for event in events {
            switch event {
            case .expectation(let outcome):
                checks += 1
                #expect(outcome.met, "\(name):\(outcome.span.start): expected \(outcome.expected), got \(outcome.actual)")
            case .error(let d, expected: false):
                unexpected.append("\(d.span!.start.line):\(d.span!.start.column): \(d.message)")
            default:
                break
            }
        }
        let wanted = source.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "// diagnostic: ") else { return nil }
            return String(line[range.upperBound...])
        }
        #expect(unexpected == wanted, "\(name)")
        #expect(checks + wanted.count > 0, "\(name) checks nothing")
    }
}

@Suite struct ExpectationParsingTests {
    @Test func toleranceIsHalfAUnitOfTheLastWrittenDigit() {
        #expect(LessonScript.Expectation.halfUnitOfLastDigit("0.78") == 0.005)
        #expect(LessonScript.Expectation.halfUnitOfLastDigit("12") == 0.5)
        #expect(abs(LessonScript.Expectation.halfUnitOfLastDigit("1.5e-3") - 0.00005) < 1e-12)
    }

    @Test func readsEveryForm() throws {
        func parse(_ text: String) -> LessonScript.Expectation.Kind? {
            let comment = Comment(text: text, span: SourceSpan(line: 1, column: 1))
            guard case .success(let e)? = LessonScript.Expectation.parse(comment) else { return nil }
            return e.kind
        }
        #expect(parse(" => (1, 3, 768)") == .display("(1, 3, 768)"))
        #expect(parse(" ≈ 0.78") == .approximately(0.78, tolerance: 0.005, written: "0.78"))
        #expect(parse(" ~ 0.78 ± 0.02") == .approximately(0.78, tolerance: 0.02, written: "0.78"))
        #expect(parse(" ≈ 0.78 +- 0.02") == .approximately(0.78, tolerance: 0.02, written: "0.78"))
        #expect(parse(" error: not in the vocabulary") == .error("not in the vocabulary"))
        #expect(parse(" just a comment") == nil)
    }
}

@Suite struct NotebookStateTests {
    @Test func cellsShareStateAndFailuresAreExplained() {
        let interpreter = Interpreter()
        _ = interpreter.run("let a = 2", origin: SourceLocation(line: 1, column: 1))
        _ = interpreter.run("let b = a * undefined", origin: SourceLocation(line: 5, column: 1))
        let events = interpreter.run("a + b", origin: SourceLocation(line: 9, column: 1))
        guard case .error(let d, expected: false)? = events.first else { Issue.record("no error"); return }
        #expect(d.message == "'b' has no value because the statement that defines it failed")
        #expect(d.span?.start == SourceLocation(line: 9, column: 5))
    }

    @Test func budgetsRefuseWithTheSizeNeeded() {
        var limits = Limits()
        limits.maximumTensorBytes = 1 << 20
        let events = Interpreter(limits: limits).run("Embedding(vocab: 1000, dim: 1000).weight",
                                                     origin: SourceLocation(line: 1, column: 1))
        guard case .error(let d, _)? = events.first else { Issue.record("no error"); return }
        #expect(d.message == "this tensor would need 3.8 MiB, over the budget of 1.0 MiB for one tensor")
    }

    @Test func timeBudgetStopsLongLoops() {
        var limits = Limits()
        limits.maximumCellSeconds = 0.05
        let events = Interpreter(limits: limits).run("var n = 0\nfor i in 0..<1_000_000_000 { n += 1 }",
                                                     origin: SourceLocation(line: 1, column: 1))
        guard case .error(let d, _)? = events.last else { Issue.record("no error"); return }
        #expect(d.message.hasPrefix("this cell ran longer than its budget"))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let events = Interpreter().run(deep, origin: SourceLocation(line: 1, column: 1))
        guard case .error(let d, _)? = events.first else { Issue.record("no error"); return }
        #expect(d.message.contains("nested more than"))
    }

    @Test func runsAreDeterministic() {
        let code = "let E = Embedding(vocab: 100, dim: 8, seed: 4)\nE[3]\nE.weight.mean()"
        let a = Interpreter().run(code, origin: SourceLocation(line: 1, column: 1)).map(describe)
        let b = Interpreter().run(code, origin: SourceLocation(line: 1, column: 1)).map(describe)
        #expect(a == b)
    }

    private func describe(_ event: Event) -> String {
        switch event {
        case .binding(let name, let value, _): return "\(name)=\(value.display)"
        case .value(let value, _): return value.display
        default: return "\(event)"
        }
    }
}
