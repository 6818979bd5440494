/// The one stylesheet every handout inlines: readable on a phone, light and
/// dark schemes (`prefers-color-scheme`), and print rules for A4 and Letter
/// that keep a chart or a cell on one page. Colours meet WCAG AA contrast,
/// and meaning never rests on colour alone (✓/✗ and words say it too).
enum Stylesheet {
    static let css = """
    :root { --bg: #ffffff; --fg: #1b1b1f; --muted: #555a64; --rule: #d8dbe0; --code-bg: #f4f5f7;
      --accent: #1f5fbf; --met: #1a7f37; --failed: #b3261e; --note: #1f5fbf; --tip: #1a7f37; --warning: #9a5b00;
      --exercise: #7a3db8; --kw: #8a2aa7; --str: #1a7f37; --num: #a35200; --fn: #1f5fbf; --com: #5f6670;
      --bar: #3b6fb6; --point: #7a3db8; }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #16171b; --fg: #e6e7ea; --muted: #a9adb5; --rule: #33363d; --code-bg: #202228;
        --accent: #7fb0ff; --met: #5fd17a; --failed: #ff8a80; --note: #7fb0ff; --tip: #5fd17a; --warning: #f0b35a;
        --exercise: #c49bff; --kw: #d59cff; --str: #8fd694; --num: #f0b35a; --fn: #7fb0ff; --com: #9aa0a8;
        --bar: #7fb0ff; --point: #c49bff; }
    }
    * { box-sizing: border-box; }
    html { background: var(--bg); color: var(--fg); }
    body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
    header.lesson-header { border-bottom: 2px solid var(--rule); margin-bottom: 1.5rem; }
    .eyebrow { color: var(--muted); font-size: .9rem; margin: 0; letter-spacing: .02em; }
    h1 { font-size: 2rem; line-height: 1.2; margin: .25rem 0 .5rem; }
    h2 { font-size: 1.4rem; margin: 2.2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
    h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
    .summary { color: var(--muted); font-size: 1.05rem; margin: 0 0 1rem; }
    a { color: var(--accent); }
    code, pre, output, .results { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88rem; }
    :not(pre) > code { background: var(--code-bg); padding: .05em .3em; border-radius: 4px; }
    pre { background: var(--code-bg); padding: .75rem 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.45; margin: 0; }
    blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
    .cell { margin: 1.2rem 0; border: 1px solid var(--rule); border-radius: 8px; overflow: hidden; break-inside: avoid; }
    .cell > .cell-title { margin: 0; padding: .4rem 1rem; font-weight: 600; border-bottom: 1px solid var(--rule); }
    .cell pre.code { border-radius: 0; }
    .results { padding: .6rem 1rem; border-top: 1px solid var(--rule); }
    .result { margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .result .type { color: var(--muted); font-size: .82rem; }
    .binding { color: var(--muted); }
    .printed { background: none; padding: 0; white-space: pre-wrap; }
    .verdict { font-weight: 600; margin-left: .6rem; }
    .verdict.met { color: var(--met); }
    .verdict.failed { color: var(--failed); }
    .error { color: var(--failed); }
    .error .help, .error .where { color: var(--muted); display: block; }
    .kw { color: var(--kw); } .str { color: var(--str); } .num { color: var(--num); } .fn { color: var(--fn); }
    .com { color: var(--com); font-style: italic; } .expect { color: var(--com); }
    .verbatim { margin: 1rem 0; }
    .verbatim .language { color: var(--muted); font-size: .8rem; margin: 0 0 .2rem; }
    aside.callout, .exercise, details { margin: 1.2rem 0; padding: .6rem 1rem; border-left: 4px solid var(--note); border-radius: 4px; background: var(--code-bg); break-inside: avoid; }
    aside.tip { border-color: var(--tip); } aside.warning { border-color: var(--warning); }
    .exercise { border-color: var(--exercise); }
    .callout-title { font-weight: 700; margin: 0 0 .2rem; }
    aside.note .callout-title { color: var(--note); } aside.tip .callout-title { color: var(--tip); }
    aside.warning .callout-title { color: var(--warning); } .exercise .callout-title { color: var(--exercise); }
    details summary { cursor: pointer; font-weight: 600; }
    details.solution { border-color: var(--tip); }
    figure.chart { margin: .6rem 0; break-inside: avoid; }
    figure.chart svg { max-width: 100%; height: auto; display: block; }
    .chart-svg text { fill: var(--fg); font: 12px system-ui, sans-serif; }
    .chart-svg text.value { fill: var(--muted); }
    .chart-svg text.cell { font-size: 11px; }
    .chart-svg .bar { fill: var(--bar); }
    .chart-svg .point { fill: var(--point); }
    .chart-svg .frame { fill: none; stroke: var(--rule); }
    .chart-svg .axis { stroke: var(--muted); stroke-dasharray: 3 3; }
    .chart-svg .series { fill: none; stroke: var(--bar); stroke-width: 2; }
    .chart-svg .axis-label { fill: var(--muted); }
    footer.lesson-footer { margin-top: 3rem; padding-top: 1rem; border-top: 2px solid var(--rule); color: var(--muted); }
    .course { list-style: none; padding: 0; }
    .course li { margin: 0 0 1.2rem; }
    .course .minutes { color: var(--muted); font-size: .9rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @page { size: auto; margin: 16mm 14mm; }
    @media print {
      :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --code-bg: #f4f4f4; }
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      a { color: inherit; }
      h1, h2, h3 { break-after: avoid; }
      details { border: none; padding: 0; background: none; }
      pre { white-space: pre-wrap; }
    }
    """
}
