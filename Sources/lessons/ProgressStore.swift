import Foundation

/// Which lessons the learner has finished, kept in the user's state
/// directory (`$XDG_STATE_HOME/lessons/progress.json`, else
/// `~/.local/state/lessons/progress.json`).
///
/// A missing file is an empty record. A file that cannot be read is set
/// aside (renamed `progress.json.corrupt-N`) with a warning, never
/// overwritten silently and never fatal. Writes go to a temporary file that
/// is renamed into place, so the record is always whole.
struct ProgressStore {
    struct Record: Codable, Equatable {
        var version = 1
        /// `COURSE_FOLDER/ID` of each finished lesson, sorted.
        var completed: [String] = []
    }

    let file: URL?
    private(set) var record = Record()

    init(file: URL? = StateDirectory.url?.appendingPathComponent("progress.json")) {
        self.file = file
        load()
    }

    private mutating func load() {
        guard let file, let data = try? Data(contentsOf: file) else { return }
        if let record = try? JSONDecoder().decode(Record.self, from: data), record.version == 1 {
            self.record = record
            return
        }
        var n = 1
        var aside = file.appendingPathExtension("corrupt-\(n)")
        while FileManager.default.fileExists(atPath: aside.path) {
            n += 1
            aside = file.appendingPathExtension("corrupt-\(n)")
        }
        try? FileManager.default.moveItem(at: file, to: aside)
        warn("your progress file could not be read; it was moved to \(aside.path) and progress starts afresh")
    }

    static func key(course: String, id: String) -> String {
        ((course as NSString).standardizingPath as NSString).appendingPathComponent(id)
    }

    func isCompleted(course: String, id: String) -> Bool {
        record.completed.contains(Self.key(course: course, id: id))
    }

    mutating func markCompleted(course: String, id: String) {
        let key = Self.key(course: course, id: id)
        guard !record.completed.contains(key) else { return }
        record.completed.append(key)
        record.completed.sort()
        save()
    }

    /// Forgets one lesson, or every lesson of the course when `id` is nil.
    mutating func reset(course: String, id: String?) {
        let prefix = (course as NSString).standardizingPath + "/"
        if let id {
            record.completed.removeAll { $0 == Self.key(course: course, id: id) }
        } else {
            record.completed.removeAll { $0.hasPrefix(prefix) }
        }
        save()
    }

    private func save() {
        guard let file else { return }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(record).write(to: file, options: .atomic)
        } catch {
            warn("could not save your progress to \(file.path): \(error.localizedDescription)")
        }
    }

    private func warn(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(text)\n".utf8))
    }
}

/// Where the user's state lives: `$XDG_STATE_HOME/lessons`, else `~/.local/state/lessons`.
enum StateDirectory {
    static var url: URL? {
        let env = ProcessInfo.processInfo.environment
        if let state = env["XDG_STATE_HOME"], !state.isEmpty {
            return URL(fileURLWithPath: state).appendingPathComponent("lessons")
        }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/lessons")
    }
}
