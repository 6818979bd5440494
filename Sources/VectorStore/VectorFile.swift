import EmbeddingEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads vectors files into tables: the project's binary format
/// (docs/vectors-format.md), mapped into memory and read in place, and the
/// word2vec/GloVe text format (`word v1 v2 …` per line, with or without a
/// `count dim` first line).
public enum VectorFile {
    /// `LVEC`, version 1: a 32-byte header, the words, then the rows.
    public static let magic: [UInt8] = Array("LVEC".utf8)
    public static let version = 1
    public static let headerSize = 32

    /// Reads the file at `path`, choosing the format from its first bytes.
    /// `maximumBytes` bounds what a text file may make.
    public static func load(path: String, maximumBytes: Int = 1 << 30) throws(VectorFileError) -> Embedding {
        let mapping = try MappedFile(path: path)
        if mapping.count >= 4, Array(mapping.bytes[0..<4]) == magic {
            return try binary(mapping, path: path)
        }
        return try text(mapping.bytes, path: path, maximumBytes: maximumBytes)
    }

    // MARK: - Binary

    private static func binary(_ file: MappedFile, path: String) throws(VectorFileError) -> Embedding {
        let bytes = file.bytes
        guard bytes.count >= headerSize else {
            throw .truncated(path: path, expected: headerSize, actual: bytes.count)
        }
        func u32(_ offset: Int) -> Int { Int(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian) }
        let version = u32(4)
        guard version == Self.version else { throw .unsupportedVersion(path: path, version: version) }
        let count = u32(8), dim = u32(12)
        let wordBytes = Int(truncatingIfNeeded: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian)
        let stored = bytes.loadUnaligned(fromByteOffset: 24, as: UInt32.self).littleEndian
        guard count > 0, dim > 0, wordBytes >= 0, wordBytes % 8 == 0, wordBytes < 1 << 40 else {
            throw .malformed(path: path, line: 0, reason: "the header says \(count) rows of \(dim) values")
        }
        let rowsOffset = headerSize + wordBytes
        let expected = rowsOffset + count * dim * 4
        guard bytes.count >= expected else { throw .truncated(path: path, expected: expected, actual: bytes.count) }
        let body = UnsafeRawBufferPointer(rebasing: bytes[headerSize..<expected])
        let computed = CRC32.update(0, body)
        guard computed == stored else { throw .checksumMismatch(path: path, stored: stored, computed: computed) }

        var words: [String] = []
        words.reserveCapacity(count)
        var start = headerSize
        for i in headerSize..<rowsOffset where bytes[i] == 10 {
            words.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            start = i + 1
            if words.count == count { break }
        }
        guard words.count == count else {
            throw .malformed(path: path, line: 0, reason: "\(words.count) words for \(count) rows")
        }
        let vocabulary: Vocabulary
        do { vocabulary = try Vocabulary(words) } catch {
            throw .malformed(path: path, line: 0, reason: "a word appears twice")
        }
        let floats = UnsafeRawBufferPointer(rebasing: bytes[rowsOffset..<expected])
            .bindMemory(to: Float.self)
        do {
            return try Embedding(external: .init(buffer: floats, owner: file), count: count, dim: dim,
                                 vocabulary: vocabulary)
        } catch {
            throw .malformed(path: path, line: 0, reason: "the rows do not match the header")
        }
    }

    // MARK: - Text

    private static func text(_ bytes: UnsafeRawBufferPointer, path: String, maximumBytes: Int) throws(VectorFileError) -> Embedding {
        var words: [String] = []
        var values: [Float] = []
        var dim = 0
        var lineNumber = 0
        var start = 0
        var declaredCount: Int?
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            lineNumber += 1
            let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            start = end + 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            if lineNumber == 1, fields.count == 2, let n = Int(fields[0]), let d = Int(fields[1]), n >= 0, d > 0 {
                declaredCount = n
                dim = d
                continue
            }
            guard fields.count >= 2 else {
                throw .malformed(path: path, line: lineNumber, reason: "a word needs at least one number after it")
            }
            let numbers = fields.dropFirst().map { Float($0) }
            if numbers.contains(where: { $0 == nil || !$0!.isFinite }) {
                throw .malformed(path: path, line: lineNumber, reason: "'\(fields.dropFirst().first { Float($0) == nil } ?? "")' is not a number")
            }
            if dim == 0 { dim = numbers.count }
            guard numbers.count == dim else {
                throw .malformed(path: path, line: lineNumber, reason: "\(numbers.count) numbers where earlier lines have \(dim)")
            }
            if (values.count + dim) * 4 > maximumBytes {
                throw .tooLarge(path: path, bytes: (values.count + dim) * 4, limit: maximumBytes)
            }
            words.append(String(fields[0]))
            values.append(contentsOf: numbers.map { $0! })
        }
        guard !words.isEmpty else { throw .malformed(path: path, line: max(1, lineNumber), reason: "the file has no vectors") }
        if let declaredCount, declaredCount != words.count {
            throw .malformed(path: path, line: 1, reason: "the first line promises \(declaredCount) words, the file has \(words.count)")
        }
        let vocabulary: Vocabulary
        do { vocabulary = try Vocabulary(words) } catch {
            let seen = words.indices.first { i in words[..<i].contains(words[i]) } ?? 0
            throw .malformed(path: path, line: seen + 1 + (declaredCount == nil ? 0 : 1),
                             reason: "'\(words[seen])' appears twice")
        }
        do {
            return try Embedding(weight: Tensor(shape: [words.count, dim], storage: values), vocabulary: vocabulary)
        } catch {
            throw .malformed(path: path, line: 0, reason: "\(error)")
        }
    }
}

/// A read-only memory mapping of a whole file, unmapped when released.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    var count: Int { bytes.count }

    init(path: String) throws(VectorFileError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        guard size > 0 else { throw .malformed(path: path, line: 1, reason: "the file is empty") }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
