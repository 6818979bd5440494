import EmbeddingEngine
import Foundation
import Testing
@testable import VectorStore

@Suite struct VectorFileTests {
    static let glove = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons/vectors/glove-6B-50d.lvec").path

    func temporary(_ bytes: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vec-\(UUID().uuidString)")
        try bytes.write(to: url)
        return url.path
    }

    @Test func bundledGloVeLoadsInPlace() throws {
        let table = try VectorFile.load(path: Self.glove)
        #expect(table.shape == [50_000, 50])
        #expect(table.vocabulary?.words.prefix(5) == ["the", ",", ".", "of", "to"])
        // Row 0 of GloVe 6B 50d starts 0.418 0.24968 -0.41242 0.1217 0.34527.
        let the = try table.row(0).storage
        #expect(Array(the.prefix(5)) == [0.418, 0.24968, -0.41242, 0.1217, 0.34527])
        let cosine = try VectorMath.cosine(table.row("king"), table.row("queen"))
        #expect(abs(cosine - 0.783904) < 1e-6)
    }

    @Test func truncatedAndCorruptFilesAreClearErrors() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.glove))
        let truncated = try temporary(data.prefix(1_000_000))
        #expect(throws: VectorFileError.truncated(path: truncated, expected: data.count, actual: 1_000_000)) {
            try VectorFile.load(path: truncated)
        }
        var corrupt = data
        corrupt[5_000_000] ^= 0xFF
        let corruptPath = try temporary(corrupt)
        #expect {
            try VectorFile.load(path: corruptPath)
        } throws: { error in
            if case .checksumMismatch = error as? VectorFileError { return true }
            return false
        }
        let header = try temporary(data.prefix(10))
        #expect(throws: VectorFileError.truncated(path: header, expected: 32, actual: 10)) { try VectorFile.load(path: header) }
    }

    @Test func textFormatWithAndWithoutHeader() throws {
        let glove = try VectorFile.load(path: temporary(Data("king 1 0 0\nqueen 0.9 0.1 0\napple 0 0 1\n".utf8)))
        #expect(glove.shape == [3, 3])
        #expect(glove.vocabulary?.words == ["king", "queen", "apple"])
        let word2vec = try VectorFile.load(path: temporary(Data("2 2\na 1 2\nb 3 4\n".utf8)))
        // Bound first: calling this typed-throws method inside #expect's closure
        // crashes the Swift 6.3.1 test build (not the product, which calls it plainly).
        let b = try word2vec.row("b")
        #expect(b.storage == [3, 4])
    }

    @Test func malformedTextSaysWhichLine() throws {
        let ragged = try temporary(Data("a 1 2\nb 3\n".utf8))
        #expect(throws: VectorFileError.malformed(path: ragged, line: 2, reason: "1 numbers where earlier lines have 2")) {
            try VectorFile.load(path: ragged)
        }
        let notNumber = try temporary(Data("a 1 x\n".utf8))
        #expect(throws: VectorFileError.malformed(path: notNumber, line: 1, reason: "'x' is not a number")) {
            try VectorFile.load(path: notNumber)
        }
        let missing = "/nonexistent/vectors.txt"
        #expect(throws: VectorFileError.self) { try VectorFile.load(path: missing) }
    }

    @Test func crcMatchesZlib() {
        let crc = Array("123456789".utf8).withUnsafeBytes { CRC32.update(0, $0) }
        #expect(crc == 0xCBF4_3926)
    }
}
