import LessonScript

/// Draws the chart model for a terminal: bars with eighth blocks, heat maps
/// as coloured cells, scatter plots on a character grid, lines in braille.
/// With `--ascii`, only ASCII; without colour, shades and digits carry the
/// values.
struct TerminalCharts {
    let style: TerminalStyle

    func draw(_ chart: Chart, width: Int) -> [String] {
        switch chart {
        case .bars(let bars): return self.bars(bars, width: width)
        case .heatmap(let rows, let columns, let values): return heatmap(rows, columns, values, width: width)
        case .scatter(let points, let xLabel, let yLabel): return scatter(points, xLabel, yLabel, width: width)
        case .line(let values, let xLabel, let yLabel): return line(values, xLabel, yLabel, width: width)
        case .strip(let values): return strip(values, width: width)
        }
    }

    // MARK: - Bars

    /// `1  queen     0.8524  ███████████`
    func bars(_ bars: [Chart.Bar], width: Int) -> [String] {
        let rankWidth = String(bars.count).count
        // Labels get the room the bars do not need; long ones (documents) are cut.
        let labelWidth = min(max(12, width - rankWidth - 14 - 12), bars.map(\.label.count).max() ?? 4)
        let barWidth = max(4, min(30, width - labelWidth - rankWidth - 14))
        // Cosines fill the bar at 1; larger scores (dot products) are scaled to the largest.
        let scale = max(1, bars.map { abs(Double($0.value)) }.max() ?? 1)
        return bars.enumerated().map { i, bar in
            let rank = String(repeating: " ", count: rankWidth - String(i + 1).count) + String(i + 1)
            let label = bar.label.count > labelWidth ? String(bar.label.prefix(labelWidth - 1)) + style.ellipsis : bar.label
            let score = TensorFormatter.formatFixed(Double(bar.value), decimals: 4)
            return style.dim(rank) + "  " + pad(label, to: labelWidth) + "  "
                + String(repeating: " ", count: max(0, 7 - score.count)) + score + "  "
                + style.cyan(blocks(Double(bar.value) / scale, width: barWidth))
        }
    }

    /// A bar of `fraction` (clamped to 0…1) of `width` cells, in eighths.
    func blocks(_ fraction: Double, width: Int) -> String {
        let eighths = Int((max(0, min(1, fraction)) * Double(width) * 8).rounded())
        return String(repeating: style.block, count: eighths / 8) + style.partialBlocks[eighths % 8]
    }

    // MARK: - Heat map

    func heatmap(_ rows: [String], _ columns: [String], _ values: [[Float]], width: Int) -> [String] {
        let flat = values.flatMap { $0 }.filter(\.isFinite)
        let (low, high) = (Double(flat.min() ?? 0), Double(flat.max() ?? 1))
        let signed = low < 0
        let labelWidth = min(14, rows.map(\.count).max() ?? 1)
        let cell = 7
        let shownColumns = max(1, min(columns.count, (width - labelWidth - 1) / cell))
        func cut(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + style.ellipsis : s }
        var lines: [String] = []
        // Column labels, cut to the cell width.
        lines.append(String(repeating: " ", count: labelWidth + 1)
                     + columns.prefix(shownColumns).map { pad(" " + cut($0, cell - 1), to: cell) }.joined())
        for (i, row) in rows.enumerated() {
            var line = pad(cut(row, labelWidth), to: labelWidth) + " "
            for j in 0..<shownColumns {
                let v = Double(values[i][j])
                let text = TensorFormatter.formatFixed(v, decimals: 2)
                let t = signed ? v / max(abs(low), abs(high), 1e-9) : (high > low ? (v - low) / (high - low) : 1)
                let rgb = signed ? ColorScale.diverging(t) : ColorScale.sequential(t)
                if style.color {
                    line += style.background(rgb, foreground: ColorScale.ink(on: rgb), pad(" " + text, to: cell - 1)) + " "
                } else {
                    line += pad(shade(abs(t)) + text, to: cell)
                }
            }
            if shownColumns < columns.count { line += style.ellipsis }
            lines.append(line)
        }
        return lines
    }

    /// A shade glyph for `t` in [0, 1], so the matrix reads without colour.
    private func shade(_ t: Double) -> String {
        let ramp = style.ascii ? [" ", ".", ":", "+", "#"] : [" ", "░", "▒", "▓", "█"]
        return ramp[min(ramp.count - 1, Int(t * Double(ramp.count - 1) + 0.5))]
    }

    // MARK: - Scatter

    func scatter(_ points: [Chart.Point], _ xLabel: String, _ yLabel: String, width: Int) -> [String] {
        let plotWidth = max(30, min(width - 4, 72)), plotHeight = max(9, min(17, points.count * 2 + 3))
        let xs = points.map(\.x), ys = points.map(\.y)
        let (x0, x1) = padRange(xs.min() ?? 0, xs.max() ?? 1)
        let (y0, y1) = padRange(ys.min() ?? 0, ys.max() ?? 1)
        var grid = [[String]](repeating: [String](repeating: " ", count: plotWidth), count: plotHeight)
        var taken = [[Bool]](repeating: [Bool](repeating: false, count: plotWidth), count: plotHeight)
        // Axes through zero when zero is in range.
        let zeroColumn = Int(((0 - x0) / (x1 - x0) * Float(plotWidth - 1)).rounded())
        let zeroRow = Int(((y1 - 0) / (y1 - y0) * Float(plotHeight - 1)).rounded())
        if (0..<plotHeight).contains(zeroRow) {
            for c in 0..<plotWidth { grid[zeroRow][c] = style.dim(style.ascii ? "-" : "┄") }
        }
        if (0..<plotWidth).contains(zeroColumn) {
            for r in 0..<plotHeight { grid[r][zeroColumn] = style.dim(style.ascii ? "|" : "┆") }
        }
        let marker = style.ascii ? "o" : "●"
        // Points in order of x, so labels are placed left to right.
        for point in points.sorted(by: { ($0.x, $0.y) < ($1.x, $1.y) }) {
            let c = Int(((point.x - x0) / (x1 - x0) * Float(plotWidth - 1)).rounded())
            let r = Int(((y1 - point.y) / (y1 - y0) * Float(plotHeight - 1)).rounded())
            guard (0..<plotWidth).contains(c), (0..<plotHeight).contains(r) else { continue }
            grid[r][c] = style.magenta(marker)
            taken[r][c] = true
            let label = Array(point.label.prefix(16))
            // Right of the point if it fits, else left.
            var start = c + 2
            if start + label.count > plotWidth || (start..<min(plotWidth, start + label.count)).contains(where: { taken[r][$0] }) {
                start = c - 1 - label.count
            }
            guard start >= 0, start + label.count <= plotWidth,
                  !(start..<(start + label.count)).contains(where: { taken[r][$0] }) else { continue }
            for (k, ch) in label.enumerated() {
                grid[r][start + k] = String(ch)
                taken[r][start + k] = true
            }
        }
        let (v, h) = style.ascii ? ("|", "-") : ("│", "─")
        var lines = [style.dim(yLabel)]
        lines.append(style.dim((style.ascii ? "+" : "┌") + String(repeating: h, count: plotWidth) + (style.ascii ? "+" : "┐")))
        for row in grid { lines.append(style.dim(v) + row.joined() + style.dim(v)) }
        lines.append(style.dim((style.ascii ? "+" : "└") + String(repeating: h, count: plotWidth) + (style.ascii ? "+" : "┘")))
        lines.append(String(repeating: " ", count: max(0, plotWidth + 2 - xLabel.count)) + style.dim(xLabel))
        return lines
    }

    private func padRange(_ low: Float, _ high: Float) -> (Float, Float) {
        let span = max(high - low, 1e-6)
        return (low - span * 0.05, high + span * 0.05)
    }

    // MARK: - Line

    func line(_ values: [Float], _ xLabel: String, _ yLabel: String, width: Int) -> [String] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return [] }
        let top = TensorFormatter.formatFixed(Double(high), decimals: 3)
        let bottom = TensorFormatter.formatFixed(Double(low), decimals: 3)
        let axisWidth = max(top.count, bottom.count)
        let columns = max(20, min(width - axisWidth - 3, 70)), rows = 8
        var lines: [String] = []
        if style.ascii {
            var grid = [[Character]](repeating: [Character](repeating: " ", count: columns), count: rows)
            for c in 0..<columns {
                let v = values[min(values.count - 1, c * values.count / columns)]
                guard v.isFinite else { continue }
                let r = high > low ? Int(((high - v) / (high - low) * Float(rows - 1)).rounded()) : rows / 2
                grid[r][c] = "*"
            }
            lines = grid.map { String($0) }
        } else {
            // Braille: each character is a 2 × 4 grid of dots.
            let (w, h) = (columns * 2, rows * 4)
            var dots = [[Bool]](repeating: [Bool](repeating: false, count: w), count: h)
            var previous: (Int, Int)?
            for x in 0..<w {
                let v = values[min(values.count - 1, x * values.count / w)]
                guard v.isFinite else { previous = nil; continue }
                let y = high > low ? Int(((high - v) / (high - low) * Float(h - 1)).rounded()) : h / 2
                if let (px, py) = previous {
                    for yy in min(py, y)...max(py, y) { dots[yy][yy == py ? px : x] = true }
                }
                dots[y][x] = true
                previous = (x, y)
            }
            let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
            for r in 0..<rows {
                var line = ""
                for c in 0..<columns {
                    var code: UInt32 = 0
                    for dy in 0..<4 { for dx in 0..<2 where dots[r * 4 + dy][c * 2 + dx] { code |= bits[dy][dx] } }
                    line.unicodeScalars.append(Unicode.Scalar(0x2800 + code)!)
                }
                lines.append(line)
            }
        }
        var out = [style.dim(yLabel)]
        for (i, line) in lines.enumerated() {
            let label = i == 0 ? top : i == rows - 1 ? bottom : ""
            let bar = style.ascii ? "|" : label.isEmpty ? "│" : "┤"
            out.append(style.dim(String(repeating: " ", count: axisWidth - label.count) + label + " " + bar) + style.cyan(line))
        }
        let first = "1", last = "\(values.count) \(xLabel)s"
        out.append(String(repeating: " ", count: axisWidth + 2) + style.dim(first
            + String(repeating: " ", count: max(1, columns - first.count - last.count)) + last))
        return out
    }

    // MARK: - Strip

    /// A vector as one row of coloured cells (colour only: without colour the
    /// numbers above say it all).
    func strip(_ values: [Float], width: Int) -> [String] {
        guard style.color, !style.ascii else { return [] }
        let scale = Double(values.map { abs($0) }.max() ?? 1)
        let shown = min(values.count, width - 2)
        var line = ""
        for i in 0..<shown {
            let v = Double(values[i * values.count / shown])
            line += style.foreground(ColorScale.diverging(scale > 0 ? v / scale : 0), "█")
        }
        return [line]
    }
}
