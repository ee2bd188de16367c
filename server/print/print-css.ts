// Print CSS, inlined into the page (no stylesheet request for Chromium to wait on). The page box
// is A4 with a bottom margin for Chromium's footer template (the page numbers); table headers
// repeat on every page (thead is a table-header-group) and a row is never split across pages.
export const PRINT_CSS = `
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
.pf-root { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #000; font-size: 10pt; line-height: 1.45; }
.pf-root * { box-sizing: border-box; }
.pf-doc { break-after: page; }
.pf-doc:last-child { break-after: auto; }
.pf-head { display: flex; align-items: flex-start; gap: 6mm; border-bottom: 1.2pt solid #000; padding-bottom: 2.5mm; margin-bottom: 3mm; }
.pf-head-text { flex: 1; text-align: center; }
.pf-company { font-size: 12pt; letter-spacing: 0.25em; }
.pf-title { font-size: 18pt; font-weight: 700; letter-spacing: 0.12em; margin: 1.5mm 0 2mm; }
.pf-meta { display: flex; justify-content: center; gap: 6mm; font-size: 9pt; font-family: "Noto Sans CJK SC", sans-serif; }
.pf-criteria { margin-top: 1mm; font-size: 9pt; font-family: "Noto Sans CJK SC", sans-serif; }
.pf-number { font-family: "Noto Sans Mono CJK SC", monospace; font-weight: 700; }
.pf-qr { margin: 0; width: 22mm; text-align: center; font-size: 6.5pt; font-family: "Noto Sans CJK SC", sans-serif; }
.pf-qr svg { width: 22mm; height: 22mm; display: block; }
.pf-fields { display: grid; grid-template-columns: 1fr 1fr; column-gap: 8mm; row-gap: 1mm; margin: 0 0 3mm; font-size: 9.5pt; }
.pf-fields > div { display: flex; gap: 2mm; border-bottom: 0.4pt dotted #666; padding: 0.6mm 0; }
.pf-fields dt { color: #333; white-space: nowrap; }
.pf-fields dt::after { content: "："; }
.pf-fields dd { margin: 0; font-weight: 500; }
.pf-fields .pf-wide { grid-column: 1 / -1; }
.pf-summary { margin: 0 0 2mm; font-size: 9.5pt; }
.pf-section { font-size: 11pt; font-weight: 700; margin: 4mm 0 1.5mm; }
.pf-box { border: 0.6pt solid #000; padding: 2mm 3mm; margin: 2mm 0 3mm; break-inside: avoid; font-size: 9.5pt; }
table.pf-table { width: 100%; border-collapse: collapse; font-size: 9pt; }
.pf-table thead { display: table-header-group; }
.pf-table tr { break-inside: avoid; page-break-inside: avoid; }
.pf-table th { background: #eee; font-weight: 700; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.pf-table th, .pf-table td { border: 0.6pt solid #000; padding: 1.1mm 1.4mm; text-align: left; vertical-align: top; }
.pf-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pf-table .nowrap { white-space: nowrap; }
.pf-table .mono { font-family: "Noto Sans Mono CJK SC", monospace; white-space: nowrap; }
.pf-mark { font-weight: 700; }
.pf-table.pf-compact th, .pf-table.pf-compact td { padding: 0.55mm 1.2mm; }
.pf-small { font-size: 8pt; }
.pf-keep { break-inside: avoid; }
.pf-table th.pf-signcol { width: 20mm; }
.pf-pairs { display: flex; flex-wrap: wrap; column-gap: 8mm; }
.pf-signs { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6mm; margin-top: 9mm; break-inside: avoid; font-size: 10pt; }
.pf-sign > div { margin-bottom: 5mm; white-space: nowrap; }
.pf-line { display: inline-block; width: 28mm; border-bottom: 0.6pt solid #000; }
.pf-date { letter-spacing: 0.05em; }
.pf-toolbar { display: none; }
/* The portal's body is tinted for the screen; paper is white (printBackground would print the tint). */
@media print { html, body { background: #fff !important; } }
@media screen {
  body { background: #e2e8f0; }
  .pf-toolbar { display: flex; justify-content: space-between; align-items: center; gap: 12px; max-width: 210mm; margin: 12px auto 0; font-size: 13px; color: #334155; }
  .pf-toolbar a { background: #1d4ed8; color: #fff; padding: 6px 12px; border-radius: 6px; text-decoration: none; }
  .pf-doc { width: 210mm; min-height: 297mm; padding: 14mm 13mm 16mm; margin: 12px auto; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
}
`;
