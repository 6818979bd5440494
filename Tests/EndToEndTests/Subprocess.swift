import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program the end-to-end tests start and wait for: spawned with
/// `posix_spawn`, with nothing open in the child but its standard input
/// (a file or `/dev/null`) and its standard output and error (files), and
/// reaped with `waitpid` under a time limit.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended when a
/// socket the child inherits is closed, so a child that starts a daemon
/// (`tmux new-session` starts the tmux server) never ends for it and
/// `waitUntilExit` blocks for ever; and the pipes one test opens leak into
/// the processes other tests start at the same moment. Files and `waitpid`
/// have neither problem, and the time limit turns any other hang into a
/// failed test instead of a stuck run.
struct Subprocess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The program was still running at its time limit and was killed.
        var timedOut: Bool
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        var description: String {
            switch self {
            case let .spawn(program, code): "could not start \(program): \(String(cString: strerror(code)))"
            }
        }
    }

    let pid: pid_t
    let program: String
    private let folder: URL

    /// Starts `program` with `arguments`, in `directory` when given, with
    /// `environment` (default: the tests' own) and `input` on its standard
    /// input (default: nothing).
    static func start(_ program: String, _ arguments: [String], in directory: URL? = nil,
                      environment: [String: String] = ProcessInfo.processInfo.environment,
                      input: Data? = nil) throws -> Subprocess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stdin = folder.appendingPathComponent("stdin")
        try (input ?? Data()).write(to: stdin)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, folder.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, folder.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeFrom(3, &actions)

        // `env -C` changes directory in the child; glibc's own way
        // (`posix_spawn_file_actions_addchdir_np`) is hidden from Swift.
        var argv = ["/usr/bin/env"]
        if let directory { argv += ["-C", directory.path] }
        argv += [program] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let code = withCStrings(argv) { argv in
            withCStrings(envp) { envp in posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp) }
        }
        guard code == 0 else { throw Failure.spawn(program, code) }
        return Subprocess(pid: pid, program: program, folder: folder)
    }

    /// Runs `program` to its end (or its time limit) and returns what it wrote.
    static func run(_ program: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = ProcessInfo.processInfo.environment,
                    input: Data? = nil, timeLimit: Duration = .seconds(120)) async throws -> Output {
        try await start(program, arguments, in: directory, environment: environment, input: input).wait(timeLimit: timeLimit)
    }

    /// Waits for the program to end, polling without holding a thread; kills
    /// it at `timeLimit`.
    func wait(timeLimit: Duration = .seconds(120)) async -> Output {
        let deadline = ContinuousClock.now + timeLimit
        while true {
            if let status = reap(killing: ContinuousClock.now >= deadline) { return output(status) }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The same, blocking the calling thread: for `defer` blocks, which
    /// cannot wait asynchronously.
    func waitBlocking(timeLimit: Duration = .seconds(20)) -> Output {
        let deadline = ContinuousClock.now + timeLimit
        while true {
            if let status = reap(killing: ContinuousClock.now >= deadline) { return output(status) }
            usleep(10_000)
        }
    }

    /// The raw wait status once the program has ended (killing it first
    /// when asked), or nil while it runs.
    private func reap(killing: Bool) -> (status: Int32, killed: Bool)? {
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid { return (status, false) }
        if reaped < 0 && errno != EINTR { return (0, false) }
        guard killing else { return nil }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status, true)
    }

    private func output(_ ended: (status: Int32, killed: Bool)) -> Output {
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = { (name: String) in
            String(decoding: (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
        }
        // The exit code as a shell reports it: 128 + the signal for a killed program.
        let status = ended.status
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: code, stdout: read("stdout"), stderr: read("stderr"), timedOut: ended.killed)
    }

    /// Closes every descriptor from `lowest` up in the child. glibc has
    /// `posix_spawn_file_actions_addclosefrom_np` (2.34 and later) but
    /// declares it only for `_GNU_SOURCE`, so it is looked up by name.
    private static func closeFrom(_ lowest: Int32, _ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("this glibc has no posix_spawn_file_actions_addclosefrom_np (2.34 or later is needed)")
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
    }
}

/// Calls `body` with `strings` as a NULL-terminated array of C strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
