import LessonScript

/// Draws the chart model as inline SVG, with a `<title>` and a `<desc>`
/// generated from the data, so a screen reader (or a reader of the page
/// source) gets the same information as the picture.
struct SVGCharts {
    /// Makes ids unique within one page, deterministically.
    let id: String

    func draw(_ chart: Chart) -> HTMLNode {
        let (title, body, width, height): (String, [HTMLNode], Int, Int)
        switch chart {
        case .bars(let bars): (title, body, width, height) = ("Scores", self.bars(bars), 560, 24 * bars.count + 8)
        case .heatmap(let rows, let columns, let values):
            (title, body, width, height) = heatmap(rows, columns, values)
        case .scatter(let points, let xLabel, let yLabel):
            (title, body, width, height) = ("Projection", scatter(points, xLabel, yLabel), 560, 380)
        case .line(let values, let xLabel, let yLabel):
            (title, body, width, height) = ("\(yLabel.capitalized) per \(xLabel)", line(values, xLabel, yLabel), 560, 240)
        case .strip(let values): (title, body, width, height) = ("Values", strip(values), 560, 28)
        }
        return el("figure", [("class", "chart")], [
            el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(height)"),
                       ("width", "\(width)"), ("height", "\(height)"), ("role", "img"),
                       ("aria-label", title + ". " + chart.textAlternative), ("class", "chart-svg"), ("id", id)],
               [el("title", text: title), el("desc", text: chart.textAlternative)] + body),
        ])
    }

    private func f(_ x: Double, _ decimals: Int = 2) -> String { TensorFormatter.formatFixed(x, decimals: decimals) }

    private func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", cls: String = "label") -> HTMLNode {
        el("text", [("x", f(x, 1)), ("y", f(y, 1)), ("text-anchor", anchor), ("class", cls)], text: content)
    }

    // MARK: - Bars

    private func bars(_ bars: [Chart.Bar]) -> [HTMLNode] {
        let scale = max(1, bars.map { abs(Double($0.value)) }.max() ?? 1)
        let labelWidth = 200.0, barSpace = 280.0
        return bars.enumerated().flatMap { i, bar -> [HTMLNode] in
            let y = Double(i) * 24 + 4
            let w = max(0, Double(bar.value) / scale) * barSpace
            let label = bar.label.count > 30 ? String(bar.label.prefix(29)) + "…" : bar.label
            return [
                text(labelWidth - 8, y + 15, label, anchor: "end"),
                el("rect", [("x", f(labelWidth, 1)), ("y", f(y + 3, 1)), ("width", f(w, 1)), ("height", "16"),
                            ("class", "bar")]),
                text(labelWidth + w + 6, y + 15, f(Double(bar.value), 4), cls: "value"),
            ]
        }
    }

    // MARK: - Heat map

    private func heatmap(_ rows: [String], _ columns: [String], _ values: [[Float]]) -> (String, [HTMLNode], Int, Int) {
        let cell = 52.0, left = 96.0, top = 28.0
        let flat = values.flatMap { $0 }.filter(\.isFinite)
        let (low, high) = (Double(flat.min() ?? 0), Double(flat.max() ?? 1))
        let signed = low < 0
        var nodes: [HTMLNode] = []
        for (j, column) in columns.enumerated() {
            nodes.append(text(left + Double(j) * cell + cell / 2, top - 8, String(column.prefix(8)), anchor: "middle"))
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * cell
            nodes.append(text(left - 8, y + cell / 2 + 4, String(row.prefix(12)), anchor: "end"))
            for j in columns.indices {
                let v = Double(values[i][j])
                let t = signed ? v / max(abs(low), abs(high), 1e-9) : (high > low ? (v - low) / (high - low) : 1)
                let rgb = signed ? ColorScale.diverging(t) : ColorScale.sequential(t)
                let x = left + Double(j) * cell
                nodes.append(el("rect", [("x", f(x, 1)), ("y", f(y, 1)), ("width", f(cell - 2, 1)),
                                         ("height", f(cell - 2, 1)), ("fill", ColorScale.hex(rgb))]))
                nodes.append(el("text", [("x", f(x + cell / 2 - 1, 1)), ("y", f(y + cell / 2 + 3, 1)),
                                         ("text-anchor", "middle"), ("class", "cell"),
                                         ("fill", ColorScale.hex(ColorScale.ink(on: rgb)))], text: f(v)))
            }
        }
        let width = Int(left + Double(columns.count) * cell + 8), height = Int(top + Double(rows.count) * cell + 4)
        return ("Similarity matrix", nodes, width, height)
    }

    // MARK: - Scatter

    private func scatter(_ points: [Chart.Point], _ xLabel: String, _ yLabel: String) -> [HTMLNode] {
        let (left, top, width, height) = (40.0, 16.0, 500.0, 320.0)
        let xs = points.map { Double($0.x) }, ys = points.map { Double($0.y) }
        func range(_ v: [Double]) -> (Double, Double) {
            let (a, b) = (v.min() ?? 0, v.max() ?? 1)
            let pad = max(b - a, 1e-6) * 0.1
            return (a - pad, b + pad)
        }
        let (x0, x1) = range(xs), (y0, y1) = range(ys)
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * width }
        func py(_ y: Double) -> Double { top + (y1 - y) / (y1 - y0) * height }
        var nodes: [HTMLNode] = [el("rect", [("x", f(left, 1)), ("y", f(top, 1)), ("width", f(width, 1)),
                                             ("height", f(height, 1)), ("class", "frame")])]
        if x0 < 0 && x1 > 0 {
            nodes.append(el("line", [("x1", f(px(0), 1)), ("y1", f(top, 1)), ("x2", f(px(0), 1)), ("y2", f(top + height, 1)),
                                     ("class", "axis")]))
        }
        if y0 < 0 && y1 > 0 {
            nodes.append(el("line", [("x1", f(left, 1)), ("y1", f(py(0), 1)), ("x2", f(left + width, 1)), ("y2", f(py(0), 1)),
                                     ("class", "axis")]))
        }
        for point in points {
            let (x, y) = (px(Double(point.x)), py(Double(point.y)))
            nodes.append(el("circle", [("cx", f(x, 1)), ("cy", f(y, 1)), ("r", "5"), ("class", "point")]))
            let right = x < left + width - 90
            nodes.append(text(right ? x + 9 : x - 9, y + 4, point.label, anchor: right ? "start" : "end"))
        }
        nodes.append(text(left + width, top + height + 22, xLabel, anchor: "end", cls: "axis-label"))
        nodes.append(el("text", [("x", "14"), ("y", f(top + 4, 1)), ("class", "axis-label"),
                                 ("transform", "rotate(-90 14 \(f(top + 4, 1)))"), ("text-anchor", "end")], text: yLabel))
        return nodes
    }

    // MARK: - Line

    private func line(_ values: [Float], _ xLabel: String, _ yLabel: String) -> [HTMLNode] {
        let (left, top, width, height) = (64.0, 12.0, 480.0, 180.0)
        let finite = values.map(Double.init).filter(\.isFinite)
        let (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
        func py(_ v: Double) -> Double { high > low ? top + (high - v) / (high - low) * height : top + height / 2 }
        let n = max(1, values.count - 1)
        let points = values.enumerated().filter { $0.element.isFinite }.map { i, v in
            f(left + Double(i) / Double(n) * width, 1) + "," + f(py(Double(v)), 1)
        }.joined(separator: " ")
        return [
            el("rect", [("x", f(left, 1)), ("y", f(top, 1)), ("width", f(width, 1)), ("height", f(height, 1)), ("class", "frame")]),
            el("polyline", [("points", points), ("class", "series")]),
            text(left - 6, top + 10, f(high, 3), anchor: "end", cls: "value"),
            text(left - 6, top + height, f(low, 3), anchor: "end", cls: "value"),
            text(left, top + height + 18, "1", cls: "value"),
            text(left + width, top + height + 18, "\(values.count)", anchor: "end", cls: "value"),
            text(left + width / 2, top + height + 36, xLabel, anchor: "middle", cls: "axis-label"),
            el("text", [("x", "14"), ("y", f(top + height / 2, 1)), ("class", "axis-label"), ("text-anchor", "middle"),
                        ("transform", "rotate(-90 14 \(f(top + height / 2, 1)))")], text: yLabel),
        ]
    }

    // MARK: - Strip

    private func strip(_ values: [Float]) -> [HTMLNode] {
        let scale = Double(values.map { abs($0) }.max() ?? 1)
        let w = 560.0 / Double(values.count)
        return values.enumerated().map { i, v in
            el("rect", [("x", f(Double(i) * w, 2)), ("y", "4"), ("width", f(w, 2)), ("height", "20"),
                        ("fill", ColorScale.hex(ColorScale.diverging(scale > 0 ? Double(v) / scale : 0)))])
        }
    }
}
