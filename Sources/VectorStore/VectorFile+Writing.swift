import EmbeddingEngine
import Foundation

extension VectorFile {
    /// Writes `table` in the word2vec text format (`COUNT DIM`, then one
    /// word and its values per line, with Float32's shortest digits so the
    /// values read back exactly). The file is written to a temporary name
    /// and renamed into place, so a failed write leaves nothing half done.
    public static func writeText(_ table: Embedding, to path: String) throws {
        guard let vocabulary = table.vocabulary else {
            throw VectorFileError.malformed(path: path, line: 0, reason: "the table has no words to write")
        }
        var text = "\(table.count) \(table.dim)\n"
        table.withRows { rows in
            for (id, word) in vocabulary.words.enumerated() {
                text += word
                for j in 0..<table.dim { text += " " + rows[id * table.dim + j].description }
                text += "\n"
            }
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
