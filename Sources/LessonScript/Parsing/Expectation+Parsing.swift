import Foundation
import LessonDiagnostics

extension Expectation {
    /// Reads an expectation from the text of a `//` comment, or `nil` when the
    /// comment is an ordinary one.
    static func parse(_ comment: Comment) -> Result<Expectation, Diagnostic>? {
        let text = comment.text.trimmingCharacters(in: .whitespaces)
        func malformed() -> Result<Expectation, Diagnostic> {
            .failure(Diagnostic(.error, .malformedExpectation("//" + comment.text), at: comment.span))
        }
        if text.hasPrefix("=>") {
            let rest = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            return .success(Expectation(kind: .display(rest), span: comment.span))
        }
        if text.hasPrefix("error:") {
            let rest = String(text.dropFirst(6)).trimmingCharacters(in: .whitespaces)
            return .success(Expectation(kind: .error(rest), span: comment.span))
        }
        guard text.hasPrefix("≈") || text.hasPrefix("~") else { return nil }
        let body = text.dropFirst().trimmingCharacters(in: .whitespaces)
        // `0.78 ± 0.02` or `0.78 +- 0.02`
        var valueText = body
        var toleranceText: String?
        for separator in ["±", "+-"] {
            if let range = body.range(of: separator) {
                valueText = body[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                toleranceText = body[range.upperBound...].trimmingCharacters(in: .whitespaces)
            }
        }
        let cleaned = valueText.replacingOccurrences(of: "_", with: "")
        guard let value = Double(cleaned), value.isFinite else { return malformed() }
        let tolerance: Double
        if let toleranceText {
            guard let t = Double(toleranceText), t >= 0, t.isFinite else { return malformed() }
            tolerance = t
        } else {
            tolerance = Self.halfUnitOfLastDigit(cleaned)
        }
        return .success(Expectation(kind: .approximately(value, tolerance: tolerance, written: valueText),
                                    span: comment.span))
    }

    /// Half a unit of the last written digit: `0.78` → 0.005, `12` → 0.5,
    /// `1.5e-3` → 0.00005.
    static func halfUnitOfLastDigit(_ text: String) -> Double {
        let lower = text.lowercased()
        var mantissa = Substring(lower)
        var exponent = 0
        if let e = lower.firstIndex(of: "e") {
            mantissa = lower[..<e]
            exponent = Int(lower[lower.index(after: e)...]) ?? 0
        }
        var decimals = 0
        if let dot = mantissa.firstIndex(of: ".") {
            decimals = mantissa.distance(from: dot, to: mantissa.endIndex) - 1
        }
        return 0.5 * pow10(exponent - decimals)
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(n) { result *= 10 }
        return n < 0 ? 1 / result : result
    }
}
