import LessonDiagnostics
import VectorStore

extension VectorFileError {
    /// The catalogue message for this error.
    public var message: DiagnosticMessage {
        switch self {
        case .unreadable(let path, let reason): return .vectorsUnreadable(path, reason)
        case .truncated(let path, let expected, let actual): return .vectorsTruncated(path, expected: expected, actual: actual)
        case .badMagic(let path): return .vectorsNotThisFormat(path)
        case .unsupportedVersion(let path, let version): return .vectorsVersion(path, version)
        case .checksumMismatch(let path, _, _): return .vectorsCorrupt(path)
        case .malformed(let path, let line, let reason): return .vectorsMalformed(path, line: line, reason)
        case .tooLarge(let path, let bytes, let limit): return .vectorsTooLarge(path, bytes: bytes, limit: limit)
        }
    }
}
