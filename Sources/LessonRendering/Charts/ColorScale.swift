/// Colour scales that keep their order for colour-blind readers and in
/// grey: viridis for magnitudes, blue–white–orange for signed values.
enum ColorScale {
    /// Viridis, sampled at nine points (matplotlib's values).
    private static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    /// Viridis at `t` in [0, 1], as RGB.
    static func sequential(_ t: Double) -> (Int, Int, Int) {
        let x = max(0, min(1, t.isNaN ? 0 : t)) * Double(viridis.count - 1)
        let i = min(Int(x), viridis.count - 2)
        let f = x - Double(i)
        let (a, b) = (viridis[i], viridis[i + 1])
        return (Int(a.0 + (b.0 - a.0) * f), Int(a.1 + (b.1 - a.1) * f), Int(a.2 + (b.2 - a.2) * f))
    }

    /// Blue for −1, white for 0, orange for +1.
    static func diverging(_ t: Double) -> (Int, Int, Int) {
        let x = max(-1, min(1, t.isNaN ? 0 : t))
        let (low, mid, high) = ((33.0, 102.0, 172.0), (247.0, 247.0, 247.0), (230.0, 97.0, 1.0))
        let (a, b, f) = x < 0 ? (mid, low, -x) : (mid, high, x)
        return (Int(a.0 + (b.0 - a.0) * f), Int(a.1 + (b.1 - a.1) * f), Int(a.2 + (b.2 - a.2) * f))
    }

    /// Black or white text, whichever reads better on `rgb`.
    static func ink(on rgb: (Int, Int, Int)) -> (Int, Int, Int) {
        let luminance = 0.2126 * Double(rgb.0) + 0.7152 * Double(rgb.1) + 0.0722 * Double(rgb.2)
        return luminance > 140 ? (0, 0, 0) : (255, 255, 255)
    }

    static func hex(_ rgb: (Int, Int, Int)) -> String {
        let digits = Array("0123456789abcdef")
        return "#" + [rgb.0, rgb.1, rgb.2].map { String([digits[($0 >> 4) & 15], digits[$0 & 15]]) }.joined()
    }
}
