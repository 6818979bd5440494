/// Why a vectors file could not be read. The language turns these into
/// catalogue messages.
public enum VectorFileError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    /// Shorter than its header says: `expected` bytes, `actual` present.
    case truncated(path: String, expected: Int, actual: Int)
    case badMagic(path: String)
    case unsupportedVersion(path: String, version: Int)
    case checksumMismatch(path: String, stored: UInt32, computed: UInt32)
    case malformed(path: String, line: Int, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
}
