/// The text of a diagnostic, with an optional fix.
///
/// Every message the product prints about a lesson is a static member of
/// this one catalogue (as swift-syntax keeps its parser messages): lowercase,
/// no final period, names quoted with '…'.
public struct DiagnosticMessage: Hashable, Sendable {
    public var text: String
    public var help: String?

    public init(_ text: String, help: String? = nil) {
        self.text = text
        self.help = help
    }

    /// Adds "did you mean '…'?" when there is a suggestion.
    public func suggesting(_ candidate: String?) -> DiagnosticMessage {
        guard let candidate else { return self }
        var copy = self
        copy.help = "did you mean '\(candidate)'?"
        return copy
    }
}

// MARK: - Files and Markdown

extension DiagnosticMessage {
    public static func unreadableFile(_ path: String, _ reason: String) -> Self {
        Self("cannot read '\(path)': \(reason)")
    }
    public static let invalidUTF8 = Self("the file is not valid UTF-8 text",
                                         help: "save the lesson as UTF-8")
    public static let binaryFile = Self("the file looks binary (it contains NUL bytes), not Markdown")
    public static let emptyLesson = Self("the lesson is empty",
                                         help: "start with a '# Title' line and some prose")
    public static func fileTooLarge(_ bytes: Int, limit: Int) -> Self {
        Self("the file is \(formatBytes(bytes)), over the limit of \(formatBytes(limit)) for a lesson",
             help: "raise the limit with --max-file-size (MiB)")
    }
    public static func lineTooLong(_ length: Int, limit: Int) -> Self {
        Self("this line is \(length) characters long, over the limit of \(limit)",
             help: "raise the limit with --max-line-length")
    }
    public static func tooManyCells(_ count: Int, limit: Int) -> Self {
        Self("the lesson has \(count) blocks of code, over the limit of \(limit)",
             help: "split it into several lessons, or raise the limit with --max-cells")
    }
    public static func outsideLessonFolder(_ file: String) -> Self {
        Self("'\(file)' is outside the lesson's folder",
             help: "lessons read files from their own folder; allow another folder with --allow-path")
    }
    public static func lessonMemory(bytes: Int, limit: Int) -> Self {
        Self("the lesson is using \(formatBytes(bytes)) of memory, over its budget of \(formatBytes(limit))",
             help: "raise the budget with --max-lesson-memory (MiB)")
    }
}

// MARK: - Front matter

extension DiagnosticMessage {
    public static func malformedFrontMatter(_ problem: String) -> Self {
        Self("malformed front matter: \(problem)")
    }
    public static let unterminatedFrontMatter = Self(
        "front matter has no closing '---' line", help: "end the front matter with a line holding only '---'")
    public static let frontMatterNotMapping = Self("front matter must be a mapping of keys to values",
                                                   help: "write it as 'key: value' lines")
    public static func unknownFrontMatterKey(_ key: String, suggestion: String?) -> Self {
        Self("unknown front matter key '\(key)' is ignored").suggesting(suggestion)
    }
    public static func frontMatterType(_ key: String, expected: String) -> Self {
        Self("front matter key '\(key)' must be \(expected)")
    }
    public static func attributeValue(_ key: String, expected: String) -> Self {
        Self("attribute '\(key)' must be \(expected)")
    }
}

// MARK: - Blocks and attributes

extension DiagnosticMessage {
    public static func unknownAttribute(_ attribute: String, kind: String, suggestion: String?) -> Self {
        Self("unknown attribute '\(attribute)' on a '\(kind)' block").suggesting(suggestion)
    }
    public static func conflictingAttributes(_ a: String, _ b: String) -> Self {
        Self("attributes '\(a)' and '\(b)' cannot be used together")
    }
    public static let corpusNeedsName = Self("a 'corpus' block needs a name", help: "write '```corpus royals'")
    public static func invalidCorpusName(_ name: String) -> Self {
        Self("'\(name)' is not a valid name for a corpus", help: "use letters, digits and '_', starting with a letter")
    }
    public static func unclosedFence(_ fence: String) -> Self {
        Self("this code block is never closed", help: "add a closing '\(fence)' line")
    }
}

// MARK: - Lexing and parsing

extension DiagnosticMessage {
    public static func unexpectedCharacter(_ c: String) -> Self { Self("unexpected character '\(c)'") }
    public static let unterminatedString = Self("unterminated string literal", help: "add a closing '\"'")
    public static let unterminatedComment = Self("unterminated '/*' comment", help: "add a closing '*/'")
    public static func invalidEscape(_ c: String) -> Self {
        Self("invalid escape sequence '\\\(c)' in a string", help: "use \\n, \\t, \\\", \\\\ or \\(…)")
    }
    public static func invalidNumber(_ text: String) -> Self { Self("'\(text)' is not a valid number") }
    public static func integerOverflow(_ text: String) -> Self {
        Self("integer literal '\(text)' overflows when stored into 'Int'")
    }
    public static func expected(_ what: String, found: String) -> Self { Self("expected \(what), found \(found)") }
    public static func expectedAfter(_ what: String, after: String) -> Self { Self("expected \(what) after \(after)") }
    public static let consecutiveStatements = Self("consecutive statements on a line must be separated by ';'")
    public static func notAssignable(_ what: String) -> Self { Self("cannot assign to \(what)") }
    public static func tooDeeplyNested(limit: Int) -> Self {
        Self("expression is nested more than \(limit) levels deep", help: "split it into several 'let' statements")
    }
    public static func unsupportedKeyword(_ keyword: String) -> Self {
        Self("'\(keyword)' is not part of the lesson language",
             help: "cells support let, var, for … in, if … else and expressions")
    }
}

// MARK: - Names, calls and types

extension DiagnosticMessage {
    public static func unknownName(_ name: String, suggestion: String?) -> Self {
        Self("cannot find '\(name)' in scope").suggesting(suggestion)
    }
    public static func failedBinding(_ name: String) -> Self {
        Self("'\(name)' has no value because the statement that defines it failed")
    }
    public static func assignToLet(_ name: String) -> Self {
        Self("cannot assign to '\(name)': it is a 'let' constant", help: "declare it with 'var' to change it")
    }
    public static func redeclaration(_ name: String) -> Self { Self("invalid redeclaration of '\(name)' in this cell") }
    public static func unknownMember(_ name: String, of type: String, suggestion: String?) -> Self {
        Self("value of type '\(type)' has no member '\(name)'").suggesting(suggestion)
    }
    public static func notCallable(_ type: String) -> Self { Self("cannot call a value of type '\(type)'") }
    public static func notSubscriptable(_ type: String) -> Self { Self("cannot subscript a value of type '\(type)'") }
    public static func noMatchingCall(_ name: String, labels: String, candidates: [String]) -> Self {
        Self("no '\(name)' takes the arguments (\(labels))",
             help: candidates.isEmpty ? nil : "'\(name)' is " + candidates.joined(separator: " or "))
    }
    public static func wrongLabel(_ found: String, expected: String, in name: String) -> Self {
        Self("incorrect argument label in call to '\(name)': have '\(found)', expected '\(expected)'")
            .suggesting(expected)
    }
    public static func missingArgument(_ label: String, in name: String, signature: String) -> Self {
        Self("missing argument '\(label)' in call to '\(name)'", help: "'\(name)' is \(signature)")
    }
    public static func extraArgument(in name: String, signature: String) -> Self {
        Self("extra argument in call to '\(name)'", help: "'\(name)' is \(signature)")
    }
    public static func typeMismatch(expected: String, found: String, what: String) -> Self {
        Self("\(what) must be \(expected), not \(found)")
    }
    public static func binaryOperator(_ op: String, _ lhs: String, _ rhs: String) -> Self {
        Self("binary operator '\(op)' cannot be applied to '\(lhs)' and '\(rhs)'")
    }
    public static func unaryOperator(_ op: String, _ operand: String) -> Self {
        Self("unary operator '\(op)' cannot be applied to '\(operand)'")
    }
    public static let divisionByZero = Self("division by zero")
    public static let arithmeticOverflow = Self("arithmetic overflow: the result does not fit in an 'Int'")
    public static func indexOutOfRange(_ index: Int, count: Int) -> Self {
        Self("index \(index) is out of range for \(count) elements")
    }
    public static func invalidRange(_ lower: Int, _ upper: Int) -> Self {
        Self("range \(lower)..<\(upper) is empty or reversed")
    }
    public static func notACondition(_ type: String) -> Self { Self("condition must be 'Bool', not '\(type)'") }
    public static func notIterable(_ type: String) -> Self { Self("cannot iterate over a value of type '\(type)'") }
    public static func invalidArgument(_ text: String) -> Self { Self(text) }
}

// MARK: - The engine

extension DiagnosticMessage {
    public static func shapeMismatch(_ operation: String, _ a: String, _ b: String) -> Self {
        Self("shapes \(a) and \(b) do not match for \(operation)")
    }
    public static func notInVocabulary(_ word: String, table: String, suggestion: String?) -> Self {
        Self("'\(word)' is not in the vocabulary of \(table)").suggesting(suggestion)
    }
    public static func idOutOfRange(_ id: Int, count: Int) -> Self {
        Self("id \(id) is out of range for a vocabulary of \(count) words (0..<\(count))")
    }
    public static func tensorTooLarge(bytes: Int, limit: Int) -> Self {
        Self("this tensor would need \(formatBytes(bytes)), over the budget of \(formatBytes(limit)) for one tensor",
             help: "raise the budget with --max-tensor-memory")
    }
    public static func timeBudget(seconds: Double) -> Self {
        Self("this cell ran longer than its budget of \(formatSeconds(seconds))",
             help: "raise the budget with --max-cell-seconds")
    }
    public static func engine(_ text: String) -> Self { Self(text) }
}

// MARK: - Expectations

extension DiagnosticMessage {
    public static func expectationFailed(expected: String, actual: String) -> Self {
        Self("expectation failed: expected '\(expected)', got '\(actual)'")
    }
    public static func approximateFailed(expected: String, tolerance: String, actual: String) -> Self {
        Self("expectation failed: expected \(expected) ± \(tolerance), got \(actual)")
    }
    public static func notANumber(_ display: String) -> Self {
        Self("expectation failed: '≈' needs a number, got '\(display)'")
    }
    public static func expectedErrorMissing(_ text: String) -> Self {
        Self("expected an error containing '\(text)', but the statement succeeded")
    }
    public static func wrongError(expected: String, actual: String) -> Self {
        Self("expected an error containing '\(expected)', got '\(actual)'")
    }
    public static func malformedExpectation(_ text: String) -> Self {
        Self("malformed expectation '\(text)'", help: "write '// => TEXT', '// ≈ 0.78', '// ≈ 0.78 ± 0.02' or '// error: TEXT'")
    }
    public static let expectationWithoutStatement = Self("this expectation is not on the last line of a statement")
    public static func expectFailed(_ message: String?) -> Self {
        Self(message.map { "expect failed: \($0)" } ?? "expect failed: the condition is false")
    }
}

// MARK: - Lessons

extension DiagnosticMessage {
    public static func unknownLesson(_ name: String, available: [String]) -> Self {
        Self("no lesson named '\(name)'",
             help: available.isEmpty ? "there are no lessons here" : "available: " + available.joined(separator: ", "))
    }
}

// MARK: - Helpers

/// `3.6 TiB`, `1.0 GiB`, `512 MiB`, `12 KiB`, `100 bytes`.
public func formatBytes(_ bytes: Int) -> String {
    let units = [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
    for (unit, size) in units where bytes >= size {
        let value = Double(bytes) / Double(size)
        return value >= 100 ? "\(Int(value.rounded())) \(unit)" : "\((value * 10).rounded() / 10) \(unit)"
    }
    return "\(bytes) bytes"
}

/// `30 s`, `1.5 s`.
public func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\((seconds * 10).rounded() / 10) s"
}

// MARK: - Calls (labels)

extension DiagnosticMessage {
    public static func missingLabel(_ label: String, in name: String) -> Self {
        Self("missing argument label '\(label):' in call to '\(name)'", help: "write '\(label): …'")
    }
    public static func extraneousLabel(_ label: String, in name: String) -> Self {
        Self("extraneous argument label '\(label):' in call to '\(name)'", help: "remove '\(label):'")
    }
    public static func methodNotCalled(_ name: String) -> Self {
        Self("method '\(name)' must be called", help: "add (…) after '\(name)'")
    }
}

// MARK: - Budgets and values

extension DiagnosticMessage {
    public static func functionNotCalled(_ name: String) -> Self {
        Self("'\(name)' is a function; call it", help: "write '\(name)(…)'")
    }
    public static func outputBudget(characters: Int) -> Self {
        Self("this cell printed more than \(characters) characters", help: "print less, or print inside fewer loops")
    }
    public static func tableHasNoWords(_ table: String) -> Self {
        Self("\(table) has no words: it was made from a count, so look rows up by id",
             help: "make it with 'Embedding(vocab: Vocabulary([…]), dim: …)' to look words up")
    }
    public static func outOfBounds(_ what: String, _ value: Int, _ range: ClosedRange<Int>) -> Self {
        Self("\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
    }
    public static func notAnInt(_ display: String) -> Self {
        Self("\(display) cannot be converted to Int: it is not finite or is beyond Int's range")
    }
    public static func collectionTooLarge(elements: Int, limit: Int) -> Self {
        Self("this would make a collection of \(elements) elements, over the budget of \(limit)",
             help: "raise the budget with --max-tensor-memory")
    }
    public static func workTooLarge(operations: Double, seconds: Double) -> Self {
        Self("this would need about \(formatCount(operations)) multiply-adds, more than a cell's budget of \(formatSeconds(seconds)) allows",
             help: "raise the budget with --max-cell-seconds, or use smaller tensors")
    }
    public static func unexpectedFailure(_ text: String) -> Self { Self("internal error: \(text)") }
}

/// `1.2e12`-style counts in words a reader can take in: `1.2 trillion`.
public func formatCount(_ n: Double) -> String {
    for (name, size) in [("trillion", 1e12), ("billion", 1e9), ("million", 1e6)] where n >= size {
        return "\((n / size * 10).rounded() / 10) \(name)"
    }
    return String(Int(n))
}

// MARK: - Vectors files

extension DiagnosticMessage {
    public static func unknownVectors(_ name: String, available: [String], suggestion: String?) -> Self {
        Self("no bundled vectors named '\(name)'",
             help: suggestion.map { "did you mean '\($0)'?" }
                ?? (available.isEmpty ? "no vectors are bundled here" : "available: " + available.joined(separator: ", ")))
    }
    public static func vectorsUnreadable(_ path: String, _ reason: String) -> Self {
        Self("cannot read vectors file '\(path)': \(reason)")
    }
    public static func vectorsTruncated(_ path: String, expected: Int, actual: Int) -> Self {
        Self("vectors file '\(path)' is truncated: it should be \(expected) bytes but is \(actual)",
             help: "copy or download the file again")
    }
    public static func vectorsCorrupt(_ path: String) -> Self {
        Self("vectors file '\(path)' is corrupt: its checksum does not match", help: "copy or download the file again")
    }
    public static func vectorsNotThisFormat(_ path: String) -> Self {
        Self("'\(path)' is not a vectors file this program can read")
    }
    public static func vectorsVersion(_ path: String, _ version: Int) -> Self {
        Self("vectors file '\(path)' has format version \(version); this program reads version 1",
             help: "update lessons, or rebuild the file with Scripts/make-glove-vectors.py")
    }
    public static func vectorsMalformed(_ path: String, line: Int, _ reason: String) -> Self {
        Self(line > 0 ? "vectors file '\(path)', line \(line): \(reason)" : "vectors file '\(path)': \(reason)")
    }
    public static func vectorsTooLarge(_ path: String, bytes: Int, limit: Int) -> Self {
        Self("vectors file '\(path)' would need \(formatBytes(bytes)), over the budget of \(formatBytes(limit))",
             help: "raise the budget with --max-tensor-memory")
    }
}

extension DiagnosticMessage {
    public static func unknownOption(_ value: String, for parameter: String, options: [String]) -> Self {
        Self("'\(value)' is not a \(parameter)", help: "use " + options.map { "\"\($0)\"" }.joined(separator: " or "))
            .suggesting(Suggestions.nearest(to: value, in: options))
    }
    public static func noKnownWords(_ text: String, table: String) -> Self {
        Self("none of the words of '\(text.count > 40 ? String(text.prefix(39)) + "…" : text)' is in the vocabulary of \(table)")
    }
}
