import Foundation
import Testing

/// Runs the built `lessons` binary as a learner or a teacher would.
@Suite struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The `lessons` executable next to this test bundle.
    static let binary: URL = {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [Bundle.main.bundleURL.appendingPathComponent("lessons"), products.appendingPathComponent("lessons"),
                          root.appendingPathComponent(".build/debug/lessons")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return root.appendingPathComponent(".build/debug/lessons")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A state directory of the tests' own, so progress never touches the user's.
    static let state = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-state-\(UUID().uuidString)")

    /// Runs `lessons` with `arguments` in `directory` (default: the repository).
    static func lessons(_ arguments: [String], in directory: URL = root, environment: [String: String] = [:],
                        input: Data? = nil) async throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["COLUMNS"] = nil
        env["XDG_STATE_HOME"] = state.path
        for (k, v) in environment { env[k] = v }
        let output = try await Subprocess.run(binary.path, arguments, in: directory, environment: env, input: input)
        #expect(!output.timedOut, "lessons \(arguments.joined(separator: " ")) was still running after two minutes")
        return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }

    @Test func runsLessonTwoWithItsShape() async throws {
        let result = try await Self.lessons(["run", "02-lookup"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(1, 3, 768)"))
        let analogy = try await Self.lessons(["run", "03-analogy"])
        #expect(analogy.status == 0, "\(analogy.stdout)")
        #expect(analogy.stdout.contains("queen    0.8524"))
        #expect(result.stdout.contains("The embedding table"))
        #expect(!result.stdout.contains("\u{1B}"), "escape codes in piped output")
        #expect(!result.stdout.contains("✗"))
    }

    @Test func everyWayOfNamingALessonShowsTheSameLesson() async throws {
        let reference = try await Self.lessons(["run", "02-lookup"]).stdout
        for name in ["2", "02", "lookup", "Lessons/02-lookup.md"] {
            #expect(try await Self.lessons(["run", name]).stdout == reference, "lessons run \(name)")
        }
    }

    @Test func worksFromAnyDirectory() async throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let result = try await Self.lessons(["run", "lookup"], in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(1, 3, 768)"))
    }

    @Test func aTeachersLessonsFolderTakesPrecedence() async throws {
        let course = FileManager.default.temporaryDirectory.appendingPathComponent("course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: course.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: course) }
        try Data("---\ntitle: My own lesson\nminutes: 3\n---\n\n```swift\n1 + 1 // => 2\n```\n".utf8)
            .write(to: course.appendingPathComponent("Lessons/01-mine.md"))
        let list = try await Self.lessons(["list"], in: course)
        #expect(list.stdout.contains("01-mine"))
        #expect(!list.stdout.contains("02-lookup"))
        #expect(try await Self.lessons(["run", "mine"], in: course).stdout.contains("My own lesson"))
    }

    @Test func unknownLessonIsAUsageErrorListingTheLessons() async throws {
        let result = try await Self.lessons(["run", "nonexistent"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no lesson named 'nonexistent'"))
        #expect(result.stderr.contains("02-lookup"))
    }

    @Test func listShowsIdsTitlesAndMinutes() async throws {
        let result = try await Self.lessons(["list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("01-what-is-an-embedding"))
        #expect(result.stdout.contains("What is an embedding?"))
        #expect(result.stdout.contains("02-lookup"))
        #expect(result.stdout.contains("The embedding table"))
        #expect(result.stdout.contains("15 min"))
    }

    @Test func shippedLessonsCheckThemselves() async throws {
        let result = try await Self.lessons(["check", "Lessons"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("0 errors"))
    }

    @Test func colourOnlyWhenAsked() async throws {
        #expect(try await Self.lessons(["run", "1", "--color", "always"]).stdout.contains("\u{1B}["))
        #expect(!(try await Self.lessons(["run", "1", "--color", "auto"]).stdout.contains("\u{1B}[")))
    }

    @Test func brokenLessonsFailWithExactLocations() async throws {
        let result = try await Self.lessons(["check", "Tests/EndToEndTests/Fixtures/broken", "--color", "never"])
        #expect(result.status == 1)
        for location in ["01-front-matter.md:3:", "02-unknown-word.md:3:1: warning", "02-unknown-word.md:11:11: error",
                         "03-failed-expectation.md:5:9: error", "04-syntax.md:3:10: error", "04-syntax.md:4:15: error",
                         "05-binary.md:2:1: error", "06-empty.md: error", "07-unclosed.md:3:1: error"] {
            #expect(result.stdout.contains(location), "missing \(location)")
        }
        try assertGolden(result.stdout, named: "check-broken.txt")
    }

    @Test func checkSpeaksJSONForTools() async throws {
        let result = try await Self.lessons(["check", "Tests/EndToEndTests/Fixtures/broken/02-unknown-word.md", "--format", "json"])
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let lessons = json?["lessons"] as? [[String: Any]]
        let diagnostics = lessons?.first?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.contains { $0["line"] as? Int == 11 && $0["column"] as? Int == 11 } == true)
    }

    @Test func usageErrorsExit64() async throws {
        #expect(try await Self.lessons(["run"]).status == 64)
        #expect(try await Self.lessons(["run", "1", "--width", "5"]).status == 64)
        #expect(try await Self.lessons(["check", "--format", "xml"]).status == 64)
    }

    @Test func replContinuesFromALessonsState() async throws {
        let input = Data("embedded.shape // => (1, 3, 768)\nembeddin.dim\n:quit\n".utf8)
        let result = try await Self.lessons(["repl", "02-lookup"], environment: ["PATH": "/usr/bin:/bin"], input: input)
        let text = result.stdout
        #expect(result.status == 0)
        #expect(text.contains("(1, 3, 768)  ✓"))
        #expect(text.contains("repl:2:1: error: cannot find 'embeddin' in scope"))
        #expect(text.contains("help: did you mean 'embedding'?"))
    }

    @Test func analogyEvaluationMatchesGensim() async throws {
        // gensim's evaluate_word_analogies(restrict_vocab=30000) on GloVe 6B 50d: 7393 of 14877.
        let result = try await Self.lessons(["eval", "analogies", "Tests/EndToEndTests/Fixtures/questions-words.txt",
                                       "--restrict", "30000", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let total = json?["total"] as? [String: Any]
        #expect(total?["correct"] as? Int == 7393)
        #expect(total?["total"] as? Int == 14877)
        #expect(total?["skipped"] as? Int == 4667)
        #expect((json?["semantic"] as? [String: Any])?["correct"] as? Int == 3053)
        #expect((json?["syntactic"] as? [String: Any])?["total"] as? Int == 8875)
        let text = try await Self.lessons(["eval", "analogies", "Tests/EndToEndTests/Fixtures/questions-words.txt", "--restrict", "30000"])
        #expect(text.stdout.contains("7393/14877"))
    }

    @Test func pairEvaluationMatchesGensim() async throws {
        // gensim's evaluate_word_pairs on the same file and vectors: 0.909629, 0.595380, 6.67 % skipped.
        let result = try await Self.lessons(["eval", "similarity", "Tests/EndToEndTests/Fixtures/pairs.tsv", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(abs((json?["pearson"] as? Double ?? 0) - 0.909629058424707) < 1e-5)
        #expect(abs((json?["spearman"] as? Double ?? 0) - 0.5953802558430913) < 1e-5)
        #expect(json?["skipped"] as? Int == 1)
    }

    @Test func aLessonReadsItsOwnVectorsFromItsFolder() async throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let result = try await Self.lessons(["check", Self.root.appendingPathComponent("Tests/EndToEndTests/Fixtures/own-vectors/01-own.md").path],
                                      in: elsewhere)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("3 expectations met"))
    }

    @Test func badVectorsAreClearErrors() async throws {
        let missing = try await Self.lessons(["eval", "analogies", "Tests/EndToEndTests/Fixtures/questions-words.txt",
                                        "--vectors", "glove-6B-5d"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("did you mean 'glove-6B-50d'?"))
        let truncated = FileManager.default.temporaryDirectory.appendingPathComponent("truncated-\(UUID().uuidString).lvec")
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Lessons/vectors/glove-6B-50d.lvec"))
        try data.prefix(4096).write(to: truncated)
        let result = try await Self.lessons(["eval", "similarity", "Tests/EndToEndTests/Fixtures/pairs.tsv",
                                       "--vectors", truncated.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("is truncated: it should be 10399688 bytes but is 4096"))
    }

    @Test func trainWritesVectorsThatEvalReads() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("trained-\(UUID().uuidString).txt")
        let result = try await Self.lessons(["train", "Tests/EndToEndTests/Fixtures/tiny-corpus.txt", "--min-count", "1",
                                       "--dim", "8", "--epochs", "3", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("raw words/s"))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("8 8\n"))
        let eval = try await Self.lessons(["eval", "similarity", "Tests/EndToEndTests/Fixtures/pairs.tsv", "--vectors", out.path])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.contains("2 used, 13 skipped"))
        // Too few known pairs for a correlation: a clear error, not a crash.
        let pairs = FileManager.default.temporaryDirectory.appendingPathComponent("pairs-\(UUID().uuidString).tsv")
        try Data("king\tqueen\t9\n".utf8).write(to: pairs)
        let tooFew = try await Self.lessons(["eval", "similarity", pairs.path, "--vectors", out.path])
        #expect(tooFew.status == 65)
        #expect(tooFew.stderr.contains("fewer than two pairs"))
    }

    @Test func builtinsAreListedFromTheTable() async throws {
        let result = try await Self.lessons(["builtins"])
        #expect(result.stdout.contains("cosine(_ a: Tensor, _ b: Tensor) -> Float"))
        #expect(result.stdout.contains("Embedding.nearest("))
    }

    func assertGolden(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Self.here.appendingPathComponent("Snapshots").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil || !FileManager.default.fileExists(atPath: url.path) {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(golden == text, "golden \(name) differs (RECORD_SNAPSHOTS=1 to re-record)", sourceLocation: sourceLocation)
    }
}

@Suite(.serialized) struct ProgressTests {
    func lessons(_ arguments: [String], state: URL, in directory: URL = EndToEndTests.root) async throws -> EndToEndTests.Result {
        try await EndToEndTests.lessons(arguments, in: directory, environment: ["XDG_STATE_HOME": state.path])
    }

    @Test func finishingALessonIsRememberedAndNextRunsTheNextOne() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        #expect(try await lessons(["list"], state: state).stdout.contains("→ 01-what-is-an-embedding"))
        _ = try await lessons(["run", "1"], state: state)
        let list = try await lessons(["list"], state: state).stdout
        #expect(list.contains("✓ 01-what-is-an-embedding"))
        #expect(list.contains("→ 02-lookup"))
        #expect(try await lessons(["next"], state: state).stdout.contains("The embedding table"))
        _ = try await lessons(["reset", "2"], state: state)
        #expect(try await lessons(["list"], state: state).stdout.contains("→ 02-lookup"))
        _ = try await lessons(["reset"], state: state)
        #expect(try await lessons(["list"], state: state).stdout.contains("→ 01-what-is-an-embedding"))
    }

    @Test func aCorruptProgressFileIsSetAsideNotFatal() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        let folder = state.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("progress.json"))
        let result = try await lessons(["run", "1"], state: state)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: your progress file could not be read"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("progress.json.corrupt-1").path))
        let saved = try String(contentsOf: folder.appendingPathComponent("progress.json"), encoding: .utf8)
        #expect(saved.contains("01-what-is-an-embedding"))
    }
}

@Suite struct TeacherToolTests {
    @Test func aNewLessonPassesCheckAtOnce() async throws {
        let course = FileManager.default.temporaryDirectory.appendingPathComponent("new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        let first = try await EndToEndTests.lessons(["new", "What a \"vector\" is: part 1"], in: course)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent("Lessons/01-what-a-vector-is-part-1.md").path))
        let second = try await EndToEndTests.lessons(["new", "Next"], in: course)
        #expect(second.stdout.contains("02-next.md"))
        let check = try await EndToEndTests.lessons(["check"], in: course)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("checked 2 lessons"))
        let again = try await EndToEndTests.lessons(["new", "!!!"], in: course)
        #expect(again.status == 64)
    }

    @Test func watchChecksAgainWhenALessonIsSaved() async throws {
        let course = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        _ = try await EndToEndTests.lessons(["new", "Watched"], in: course)
        let lesson = course.appendingPathComponent("Lessons/01-watched.md")
        let watch = try Subprocess.start(EndToEndTests.binary.path, ["watch", "--max-checks", "2", "--interval", "0.1", "--color", "never"],
                                         in: course)
        try await Task.sleep(nanoseconds: 1_500_000_000)
        let text = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "words.count // => 4",
                                                                                       with: "words.count // => 5")
        try text.write(to: lesson, atomically: false, encoding: .utf8)
        let result = await watch.wait(timeLimit: .seconds(60))
        #expect(!result.timedOut, "watch did not see the save")
        let output = result.stdout
        #expect(output.contains("checked 1 lesson: 4 expectations met, 0 errors"))
        #expect(output.contains("01-watched.md:21:13: error: expectation failed: expected '5', got '4'"), "\(output)")
    }
}

@Suite struct DocumentationTests {
    @Test func authoringGuideListsEveryBuiltin() async throws {
        let guide = try String(contentsOf: EndToEndTests.root.appendingPathComponent("docs/authoring.md"), encoding: .utf8)
        let begin = try #require(guide.range(of: "<!-- builtins:begin -->\n"))
        let end = try #require(guide.range(of: "<!-- builtins:end -->"))
        let generated = try await EndToEndTests.lessons(["builtins", "--markdown"]).stdout
        #expect(String(guide[begin.upperBound..<end.lowerBound]) == generated,
                "docs/authoring.md is out of date: paste `lessons builtins --markdown` between the markers")
    }
}
