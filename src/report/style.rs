//! The report's style sheet: design tokens first (every colour and size the page and its charts
//! use), then the screen layout, then print (A4, page breaks, colours kept).
//!
//! Charts take their colours from here through classes, so a palette change is one edit.

/// The whole style sheet, embedded in every report.
pub const CSS: &str = r#":root {
  --ink: #1d2530;
  --muted: #5b6673;
  --rule: #d9dee4;
  --paper: #ffffff;
  --panel: #f5f7f9;
  --accent: #1f5fa8;
  --accent-soft: #dbe7f5;
  --good: #2e7d4f;
  --good-soft: #e3f2e8;
  --warn: #b7791f;
  --warn-soft: #fbf0dc;
  --bad: #b3261e;
  --bad-soft: #f9e1df;
  --band-0: #e8b4ae;
  --band-1: #f0d3a4;
  --band-2: #d9e6b8;
  --band-3: #b9dcc3;
  --band-4: #9fcfb4;
  --font: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif;
  --size: 15px;
  --size-small: 13px;
  --gap: 18px;
  --radius: 6px;
}
* { box-sizing: border-box; }
html { background: var(--panel); }
body { margin: 0; color: var(--ink); font-family: var(--font); font-size: var(--size); line-height: 1.55; }
.report { max-width: 210mm; margin: 0 auto; padding: 14mm 14mm 10mm; background: var(--paper); }
h1 { font-size: 26px; margin: 0 0 6px; letter-spacing: 0.02em; }
h2 { font-size: 19px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: var(--size-small); color: var(--muted); font-weight: 600; margin: 0 0 6px; text-transform: uppercase; letter-spacing: 0.04em; }
section { margin: 0 0 calc(var(--gap) * 1.5); }
figure { margin: 0; }
time, .num, .date { font-variant-numeric: tabular-nums; }
.masthead { border-bottom: 1px solid var(--rule); padding-bottom: 10px; margin-bottom: var(--gap); }
.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0 0 8px; }
.meta div { display: flex; gap: 8px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; }
.disclaimer { margin: 2px 0; font-size: var(--size-small); color: var(--muted); }
.disclaimer:first-child { color: var(--ink); font-weight: 600; }
.headline { font-size: 21px; font-weight: 700; margin: 0 0 var(--gap); padding: 12px 16px; border-left: 6px solid var(--accent); background: var(--accent-soft); border-radius: var(--radius); }
.headline.status-zero, .headline.status-falling { border-color: var(--bad); background: var(--bad-soft); }
.headline.status-stuck { border-color: var(--warn); background: var(--warn-soft); }
.headline.status-rising { border-color: var(--good); background: var(--good-soft); }
.cards { display: grid; grid-template-columns: 1fr 1.35fr 1.5fr; gap: var(--gap); }
.card { border: 1px solid var(--rule); border-radius: var(--radius); padding: 12px 14px; }
.hint { color: var(--muted); font-size: var(--size-small); margin: 6px 0 0; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 99px; font-weight: 700; margin: 0; background: var(--accent-soft); color: var(--accent); }
#status .badge { font-size: 20px; padding: 4px 14px; }
.badge.status-zero, .badge.status-falling, .badge.effect-blocks, .badge.effect-lowers { background: var(--bad-soft); color: var(--bad); }
.badge.status-stuck, .badge.effect-holds { background: var(--warn-soft); color: var(--warn); }
.badge.status-rising, .badge.effect-raises { background: var(--good-soft); color: var(--good); }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
.figures th { color: var(--muted); font-weight: 400; padding: 5px 0; }
.figures td { padding: 5px 0; font-weight: 600; }
.figures td.big { font-size: 22px; }
.figures tr + tr { border-top: 1px solid var(--rule); }
.lead { color: var(--muted); margin: 0 0 10px; }
.empty { color: var(--muted); font-style: italic; }
ol.reasons { list-style: none; padding: 0; margin: 0; counter-reset: reason; }
.reason { counter-increment: reason; border: 1px solid var(--rule); border-left: 5px solid var(--warn); border-radius: var(--radius); padding: 10px 14px; margin: 0 0 12px; }
.reason.effect-blocks, .reason.effect-lowers { border-left-color: var(--bad); }
.reason-head { display: flex; align-items: center; gap: 12px; }
.reason-head::before { content: counter(reason); font-weight: 700; font-size: 18px; color: var(--muted); }
.impact { margin-left: auto; color: var(--muted); font-size: var(--size-small); font-variant-numeric: tabular-nums; white-space: nowrap; }
.message { font-size: 16px; font-weight: 600; margin: 8px 0 4px; }
.rule { color: var(--muted); font-size: var(--size-small); margin: 0 0 8px; }
.evidence, .records { font-size: var(--size-small); margin: 4px 0 8px; }
.evidence th, .records th { color: var(--muted); border-bottom: 1px solid var(--rule); padding: 3px 8px 3px 0; }
.evidence td, .records td { border-bottom: 1px solid var(--rule); padding: 3px 8px 3px 0; }
.evidence th.num, .records th.num { text-align: right; }
.more { font-size: var(--size-small); color: var(--muted); margin: -4px 0 8px; }
.next { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
.next div { display: contents; }
.next dt { font-weight: 700; color: var(--accent); }
.next dd { margin: 0; }
.when { color: var(--accent); font-weight: 600; white-space: nowrap; }
.strong { font-weight: 700; }
.plan-head { display: flex; gap: var(--gap); align-items: center; margin-bottom: 10px; }
.plan-date { background: var(--accent); color: var(--paper); border-radius: var(--radius); padding: 10px 18px; text-align: center; min-width: 170px; }
.plan-date span { display: block; font-size: var(--size-small); opacity: 0.85; }
.plan-date strong { font-size: 24px; font-variant-numeric: tabular-nums; }
.goal { margin: 0; color: var(--muted); }
.plan-summary { margin: 2px 0 0; font-weight: 600; font-size: 16px; }
ol.steps { margin: 0; padding-left: 24px; }
ol.steps li { margin: 4px 0; }
.code { font-family: ui-monospace, monospace; font-size: 11px; color: var(--muted); background: var(--panel); padding: 1px 5px; border-radius: 3px; }
ul.good { margin: 0; padding-left: 0; list-style: none; }
ul.good li { display: flex; gap: 12px; padding: 6px 0 6px 26px; border-bottom: 1px solid var(--rule); position: relative; }
ul.good li::before { content: "✓"; position: absolute; left: 4px; color: var(--good); font-weight: 700; }
footer { border-top: 1px solid var(--rule); padding-top: 8px; color: var(--muted); font-size: var(--size-small); }
footer p { margin: 2px 0; }
svg.chart { display: block; width: 100%; height: auto; font-family: var(--font); }
#gauge { max-width: 240px; margin: 4px auto 0; }
svg text { fill: var(--ink); }
svg .tick, svg .lane-label { fill: var(--muted); font-size: 12px; }
svg .zone-label { fill: var(--muted); font-size: 11px; }
svg .axis-title, svg .legend-text { font-size: 13px; font-weight: 600; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .grid { stroke: var(--rule); stroke-width: 1; }
svg .est-line { fill: none; stroke: var(--accent); stroke-width: 2.2; }
svg .est-area { fill: var(--accent-soft); stroke: none; opacity: 0.8; }
svg .obs-dot { fill: var(--paper); stroke: var(--ink); stroke-width: 2; }
svg .score-line { fill: none; stroke: var(--ink); stroke-width: 2; stroke-linejoin: round; }
svg .score-dot { fill: var(--ink); }
svg .cut-guide { stroke: var(--bad); stroke-width: 1; stroke-dasharray: 3 3; }
svg .lane-rule { stroke: var(--rule); stroke-width: 1; stroke-dasharray: 1 3; }
svg .mk-overdue { fill: var(--bad); }
svg .mk-inquiry { fill: var(--warn); }
svg .mk-cut { fill: var(--ink); }
svg .zone { stroke: none; opacity: 0.45; }
svg .zone.band-0 { fill: var(--band-0); } svg .zone.band-1 { fill: var(--band-1); } svg .zone.band-2 { fill: var(--band-2); }
svg .zone.band-3 { fill: var(--band-3); } svg .zone.band-4 { fill: var(--band-4); }
svg .gauge-band { fill: none; stroke-width: 18; }
svg .gauge-band.band-0 { stroke: var(--band-0); } svg .gauge-band.band-1 { stroke: var(--band-1); } svg .gauge-band.band-2 { stroke: var(--band-2); }
svg .gauge-band.band-3 { stroke: var(--band-3); } svg .gauge-band.band-4 { stroke: var(--band-4); }
svg .gauge-marker { fill: var(--ink); stroke: var(--paper); stroke-width: 3; }
svg .gauge-score { font-size: 34px; font-weight: 700; }
svg .gauge-band-name { font-size: 13px; fill: var(--muted); }
svg .bar-track { fill: var(--panel); stroke: var(--rule); }
svg .bar-fill { fill: var(--good); }
svg .bar-fill.weak { fill: var(--warn); }
svg .bar-name { font-size: 13px; }
svg .bar-value { font-size: 13px; font-weight: 600; font-variant-numeric: tabular-nums; }
@page { size: A4; margin: 12mm; }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .report { max-width: none; margin: 0; padding: 0; }
  .new-page { break-before: page; }
  .card, .reason, figure, .plan-head, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"#;
