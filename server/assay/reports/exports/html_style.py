"""The HTML report's stylesheet (inlined: the page must need nothing from a network).

Screen: one readable column. Print (and the PDF, which is this page printed by Chromium):
A4, backgrounds kept, each big section on a new page, rows and small blocks never cut in
two, table headers repeated on every page. Colours are the Okabe-Ito ones of the charts,
always paired with words.
"""

STYLE = """
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1a1a1a; background: #ffffff; line-height: 1.45;
  font: 14px/1.45 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 32px 28px 48px; }
h1 { font-size: 26px; line-height: 1.2; margin: 4px 0 14px; }
h2 { font-size: 19px; margin: 34px 0 12px; padding-bottom: 6px;
  border-bottom: 2px solid #1a1a1a; break-after: avoid; }
h3 { font-size: 15px; margin: 18px 0 8px; break-after: avoid; }
p { margin: 0 0 10px; }
h1, h2, h3, .tile, .facts, .block, li, dd { overflow-wrap: anywhere; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 11px; color: #555; }
.muted, .none { color: #555; }
.small { font-size: 12px; }
code, .id { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 11px;
  overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: 150px 1fr; gap: 4px 14px; margin: 0; }
dl.meta dt { color: #555; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
ul.plain { list-style: none; margin: 0; padding: 0; }
ul.plain li { margin: 0 0 2px; }
.verdict { display: flex; align-items: center; gap: 16px; padding: 14px 16px; margin: 8px 0 16px;
  border: 2px solid; border-radius: 6px; break-inside: avoid; }
.verdict.pass { border-color: #0072b2; background: #e3f0f8; }
.verdict.fail { border-color: #d55e00; background: #fbe6d9; }
.verdict .word { font-size: 26px; font-weight: 800; letter-spacing: .06em; padding: 4px 14px;
  border-radius: 4px; color: #ffffff; }
.verdict.pass .word { background: #00588a; }
.verdict.fail .word { background: #a94700; }
.verdict .why { font-size: 15px; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 0 0 16px; }
.tile { border: 1px solid #d9d9d9; border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
.tile .label { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #555; }
.tile .value { font-size: 24px; font-weight: 700; line-height: 1.25;
  font-variant-numeric: tabular-nums; }
.tile .note { font-size: 12px; color: #444; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
  font-weight: 600; border: 1px solid #8c8c8c; background: #eeeeee; color: #333333;
  white-space: nowrap; }
.badge.passed, .badge.pass { border-color: #0072b2; background: #dcebf5;
  color: #00466e; }
.badge.failed, .badge.fail { border-color: #d55e00; background: #fbe3d3; color: #8a3a00; }
.badge.error { border-color: #cc79a7; background: #f6e1ec; color: #7a2e58; }
.badge.timeout { border-color: #e69f00; background: #fbefd0; color: #6b4a00; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 14px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 0 0 4px; }
th { text-align: left; background: #f2f2f2; font-weight: 600; }
th, td { padding: 5px 8px; border-bottom: 1px solid #d9d9d9; vertical-align: top; }
/* Long unbroken values (URLs, codes, titles) wrap anywhere rather than widen the table past
   the page (Chromium would then shrink every page to fit). */
td { overflow-wrap: anywhere; }
td:first-child { min-width: 9em; }
td code { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.tight { white-space: nowrap; overflow-wrap: normal; }
table.evaluators { font-size: 12px; }
table.evaluators th, table.evaluators td { padding: 5px 5px; }
table.evaluators th.num { white-space: normal; }
tr, .tile, figure, .turn, .analysis li { break-inside: avoid; }
.block > .label { break-after: avoid; }
table.verdicts td:last-child { width: 42%; }
thead { display: table-header-group; }
figure { margin: 0 0 18px; }
figcaption { font-size: 12px; color: #555; margin-top: 2px; }
svg.chart { display: block; width: 100%; height: auto; max-width: 680px; }
.histograms { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px 20px; }
.histograms svg.chart { max-width: 330px; }
.ai { border-left: 4px solid #56b4e9; background: #f3f9fd; padding: 10px 14px; margin: 6px 0 0; }
.ai .eyebrow { margin-bottom: 6px; }
.analysis { margin: 4px 0 0; padding-left: 18px; }
.case { border: 1px solid #d9d9d9; border-radius: 6px; padding: 12px 14px; margin: 0 0 16px; }
.case h3 { margin: 0 0 4px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.case h3 > span:first-child { min-width: 0; max-width: 100%; }
.case .facts { font-size: 12px; color: #444; margin: 0 0 8px; }
.block { margin: 8px 0; }
.block .label { font-size: 11px; text-transform: uppercase; letter-spacing: .06em;
  color: #555; margin-bottom: 2px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f7f7f7;
  border-left: 3px solid #bdbdbd; padding: 6px 10px; margin: 0; font-size: 13px; }
.turn { margin: 0 0 6px; }
.turn .who { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; }
.turn.user .text { border-left-color: #8c8c8c; }
.turn.agent .text { border-left-color: #0072b2; background: #eef5fa; }
.asserts { margin: 0; padding-left: 18px; }
footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid #d9d9d9; font-size: 12px;
  color: #555; }
@page { size: A4; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  /* The cover and the executive summary (AI text included) fit the first page. */
  h1 { font-size: 21px; margin: 2px 0 8px; }
  h2 { margin-top: 18px; }
  dl.meta { font-size: 11px; gap: 1px 12px; grid-template-columns: 110px 1fr; }
  ul.inline li { display: inline; }
  ul.inline li + li::before { content: "; "; }
  .verdict { padding: 8px 12px; margin: 4px 0 10px; }
  .verdict .word { font-size: 20px; padding: 2px 10px; }
  .verdict .why { font-size: 13px; }
  .tiles { gap: 6px; margin-bottom: 8px; }
  .tile { padding: 5px 9px; }
  .tile .value { font-size: 18px; }
  .tile .note { font-size: 10px; }
  .summary figcaption { display: none; }
  /* Short sections move whole to the next page rather than leave a heading or a lone
     table behind (a longer one still runs over pages). */
  section.evaluators, section.errors, section.pii { break-inside: avoid; }
  h2 + p, h3 + p { break-after: avoid; }
  .ai { font-size: 11.5px; padding: 6px 12px; }
  .ai p { margin-bottom: 6px; }
  .major { break-before: page; }
  .major > h2:first-child { margin-top: 0; }
  /* A case may run over pages between its blocks and rows, never through them, and its
     heading always stays with what was asked. */
  .case .keep { break-inside: avoid; }
}
"""
