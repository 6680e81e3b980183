/**
 * The HTML export's stylesheet: inlined in every exported file (shared/export/renderHtml.ts),
 * and adopted by the Export view's preview frame (renderer/features/export/ExportPreview.tsx),
 * whose page policy refuses inline styles. One copy, so the preview is styled as the file is.
 * Plain CSS in a string, so it loads the same under Vite, vitest, tsx and Playwright.
 */
export const EXPORT_DOCUMENT_CSS = `
:root { color-scheme: light; --text: #17202b; --muted: #4a5666; --line: #d5dbe3; --accent: #1f4e79; --soft: #f3f5f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--text); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
.page { max-width: 62rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; top: 1rem; z-index: 1; }
h1, h2, h3, h4 { line-height: 1.25; }
h1 { font-size: 2.3rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.6rem; margin: 2.2rem 0 .6rem; }
h3 { font-size: 1.12rem; margin: 1.7rem 0 .5rem; color: var(--accent); }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; color: var(--muted); }
p { margin: .4rem 0 .8rem; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; font-weight: 600; color: var(--muted); }
.subtitle { font-size: 1.15rem; color: var(--muted); max-width: 46rem; }
.cover { padding-bottom: 1.5rem; border-bottom: 1px solid var(--line); }
dl { margin: .4rem 0 1rem; }
dl > div { display: grid; grid-template-columns: minmax(9rem, 15rem) 1fr; gap: 1rem; padding: .35rem 0; border-bottom: 1px solid var(--soft); }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
dd p { margin: 0 0 .5rem; }
dd p:last-child { margin-bottom: 0; }
dd ul, .links { margin: 0; padding-left: 1.2rem; }
.about > div { border-bottom: none; padding: .15rem 0; }
.empty { color: var(--muted); font-style: italic; }
.detail { color: var(--muted); font-size: .92em; }
.attention { display: inline-block; margin-left: .3rem; padding: 0 .45rem; border-radius: .6rem; background: #fff4e0; color: #6e3b00; font-size: .85em; }
.contents ol { columns: 2 22rem; column-gap: 2.5rem; }
.contents li { break-inside: avoid; margin-bottom: .3rem; }
.diagram-figure { margin: 1rem 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
svg.diagram { display: block; max-width: 100%; height: auto; margin: 0 auto; }
svg.diagram-defs { position: absolute; width: 0; height: 0; overflow: hidden; }
.entry { margin-top: 3rem; padding-top: .5rem; border-top: 3px solid var(--accent); }
.entry > h2 { margin-top: .6rem; }
.lede { color: var(--muted); font-size: 1.05rem; }
.notice { background: var(--soft); border-left: 4px solid var(--line); padding: .55rem .8rem; }
.summary { font-weight: 600; }
.files { list-style: none; margin: .4rem 0 1rem; padding: 0; }
.file { padding: .5rem 0 .6rem; border-bottom: 1px solid var(--soft); }
.file p { margin: 0 0 .3rem; }
.file-name { overflow-wrap: anywhere; }
.file-status { color: var(--muted); font-size: .92em; }
.file-problem .file-status { color: #8b1a1a; }
table { width: 100%; border-collapse: collapse; font-size: .93rem; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .55rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); font-weight: 600; }
tbody th { font-weight: 600; }
.outcome { white-space: nowrap; font-weight: 600; }
.outcome-not-met { color: #8a3a00; }
.outcome-needs-info { color: #6b4e00; }
.outcome-set-aside { color: #4a5666; }
.outcome-error { color: #8b1a1a; }
.outcome-met { color: #1d6b35; }
.colophon { margin-top: 4rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
@media print {
  @page { size: A4; margin: 16mm 15mm 18mm; }
  html { font-size: 10pt; }
  body { font-size: 1rem; }
  .page { max-width: none; padding: 0; }
  .skip { display: none; }
  a { color: inherit; text-decoration: none; }
  h1 { font-size: 24pt; }
  h2 { font-size: 16pt; }
  h3 { font-size: 11.5pt; }
  h2, h3, h4 { break-after: avoid; }
  dl > div, tr, li, .notice { break-inside: avoid; }
  .cover { border-bottom: none; }
  .contents { break-before: page; }
  .contents ol { columns: 2; }
  .diagram-section { break-before: page; }
  .scope-entry .contents, .scope-entry .diagram-section { break-before: auto; }
  .diagram-figure { border: none; overflow: visible; }
  svg.diagram-band, .diagram-section.whole { break-inside: avoid; }
  .entry { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
  .attention { background: none; padding: 0; }
  .colophon { margin-top: 2rem; }
}
`;
