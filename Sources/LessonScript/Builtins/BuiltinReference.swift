/// The builtin table as a reference, for `lessons builtins` and the
/// authoring guide. Generated, so it cannot drift from what runs.
public enum BuiltinReference {
    /// Groups in table order: free functions first, then each type's members.
    static var groups: [(title: String, builtins: [Builtin])] {
        var out: [(String, [Builtin])] = []
        for builtin in Builtins.all {
            let title = builtin.owner ?? "Functions"
            if let i = out.firstIndex(where: { $0.0 == title }) { out[i].1.append(builtin) } else { out.append((title, [builtin])) }
        }
        return out
    }

    /// Plain text: a heading per group, a signature and a doc line per entry.
    public static func text() -> String {
        groups.map { group in
            group.title + "\n" + group.builtins.map { "  \($0.qualifiedSignature)\n      \($0.doc)\n" }.joined()
        }.joined(separator: "\n")
    }

    /// Markdown: a table per group.
    public static func markdown() -> String {
        groups.map { group in
            "### \(group.title)\n\n| signature | what it does |\n| --- | --- |\n"
                + group.builtins.map { "| `\($0.qualifiedSignature.replacingPipes)` | \($0.doc.replacingPipes) |\n" }.joined()
        }.joined(separator: "\n")
    }
}

private extension String {
    /// `|` would end a Markdown table cell.
    var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
