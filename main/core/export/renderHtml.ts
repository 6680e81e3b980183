import type { DocBlock, DocField, DocLink, EntryDocument, ExportDocument } from './documentModel';
import { escapeXml as esc } from './escape';
import { renderDiagramSvg } from './renderDiagramSvg';

/**
 * One self-contained HTML file: inline CSS, no scripts, no external resources. Reads well on
 * screen, prints well (@media print: A4, each entry on a new page), and is accessible: lang,
 * landmarks, headings in order, table headers, a titled and described SVG diagram.
 */
export function renderHtml(doc: ExportDocument): string {
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Fieldbook ${esc(doc.appVersion)}">`,
    `<title>${esc(doc.title)} — Fieldbook</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body class="scope-${doc.scope}">`,
    '<a class="skip" href="#main">Skip to the documentation</a>',
    '<div class="page">',
    '<header class="cover">',
    `<p class="eyebrow">${esc(doc.eyebrow)}</p>`,
    `<h1>${esc(doc.title)}</h1>`,
    `<p class="subtitle">${esc(doc.subtitle)}</p>`,
    fieldsHtml(doc.about, 'about'),
    '</header>',
  );
  out.push(
    '<nav class="contents" aria-labelledby="contents-title">',
    '<h2 id="contents-title">Contents</h2>',
    '<p><a href="#diagram">How the tools and systems feed each other</a> (a diagram)</p>',
  );
  if (doc.scope === 'all') {
    if (doc.contents.length === 0) out.push('<p class="empty">This fieldbook has no entries yet.</p>');
    else {
      // Room for the longest number ("10000.") so it is never clipped.
      out.push(`<ol style="padding-left: ${String(doc.contents.length).length + 1.5}ch">`);
      for (const item of doc.contents) {
        out.push(
          `<li><a href="#${item.anchor}">${esc(item.name)}</a> <span class="detail">${esc(item.detail)}</span>${item.attention ? ` <span class="attention">${esc(item.attention)}</span>` : ''}</li>`,
        );
      }
      out.push('</ol>');
    }
  } else {
    const entry = doc.entries[0]!;
    out.push('<ol>', ...entry.sections.map((section) => `<li><a href="#${entry.anchor}-${section.id}">${esc(section.title)}</a></li>`), '</ol>');
  }
  out.push('</nav>');

  const svg =
    doc.diagram.nodes.length === 0
      ? ''
      : renderDiagramSvg(doc.diagram, { title: doc.scope === 'all' ? 'Data flows between the tools in this fieldbook and official systems' : `Data flows to and from ${doc.title}` });
  // A diagram that fits on a page keeps its heading with it; a taller one comes in page-sized bands.
  const whole = !svg.includes('diagram-band');
  out.push('<main id="main">');
  out.push(
    `<section class="diagram-section${whole ? ' whole' : ''}" id="diagram" aria-labelledby="diagram-heading">`,
    '<h2 id="diagram-heading">How the tools and systems feed each other</h2>',
    '<p>Arrows show which way data flows. Square boxes are tools in this fieldbook; rounded, dashed shapes are official systems. A system that both sends and receives data is shown twice: near the top where data comes from it, and at the bottom, marked “receives”, where data goes to it. On screen, point at a box for its full name.</p>',
  );
  if (doc.diagram.nodes.length === 0) out.push('<p class="empty">Nothing to draw yet.</p>');
  else {
    out.push('<figure class="diagram-figure">', svg, '</figure>');
  }
  out.push('</section>');
  for (const entry of doc.entries) out.push(entryHtml(entry, doc.scope === 'entry'));
  out.push('</main>');
  out.push(
    '<footer class="colophon">',
    `<p>Exported from Fieldbook ${esc(doc.appVersion)} on ${esc(doc.exportedOn)}. Fieldbook keeps this documentation on your computer; it is shared only when you share it.</p>`,
    '</footer>',
    '</div>',
    '</body>',
    '</html>',
  );
  return `${out.join('\n')}\n`;
}

function entryHtml(entry: EntryDocument, single: boolean): string {
  const out: string[] = [];
  out.push(
    `<article class="entry${single ? ' single' : ''}" id="${entry.anchor}" aria-labelledby="${entry.anchor}-title">`,
    `<h2 id="${entry.anchor}-title">${esc(entry.name)}</h2>`,
    `<p class="lede">${esc(entry.lede)}</p>`,
  );
  for (const section of entry.sections) {
    // Plain sections, not labelled regions: every entry has the same ones, and landmarks must be unique.
    // Ids only where the contents links to them (a one-entry document).
    out.push(single ? `<section id="${entry.anchor}-${section.id}">` : '<section>', `<h3>${esc(section.title)}</h3>`);
    for (const block of section.blocks) out.push(blockHtml(block));
    out.push('</section>');
  }
  out.push('</article>');
  return out.join('\n');
}

function blockHtml(block: DocBlock): string {
  switch (block.type) {
    case 'fields':
      return fieldsHtml(block.rows, 'fields');
    case 'notice':
      return `<p class="notice">${esc(block.text)}</p>`;
    case 'links':
      return block.groups
        .map(
          (group) =>
            `<h4>${esc(group.label)}</h4>` +
            (group.links.length === 0 ? `<p class="empty">${esc(group.empty)}</p>` : `<ul class="links">${group.links.map((link) => `<li>${linkHtml(link)}</li>`).join('')}</ul>`),
        )
        .join('\n');
    case 'findings': {
      const parts = [`<p class="summary">${esc(block.summary)}</p>`];
      if (block.items.length === 0) {
        if (block.empty) parts.push(`<p class="empty">${esc(block.empty)}</p>`);
        return parts.join('\n');
      }
      parts.push(
        '<table class="findings">',
        `<thead><tr>${block.columns.map((column) => `<th scope="col">${esc(column)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...block.items.map(
          (item) =>
            `<tr><td class="outcome outcome-${item.outcome}">${esc(item.outcomeLabel)}</td><th scope="row">${esc(item.title)}</th><td>${esc(item.severityLabel)}</td><td>${esc(item.details)}</td></tr>`,
        ),
        '</tbody>',
        '</table>',
      );
      return parts.join('\n');
    }
  }
}

function linkHtml(link: DocLink): string {
  if (link.kind === 'missing') return `<span class="empty">${esc(link.name)}</span>`;
  const name = link.anchor ? `<a href="#${link.anchor}">${esc(link.name)}</a>` : `<span class="${link.kind}">${esc(link.name)}</span>`;
  return link.note ? `${name} <span class="detail">— ${esc(link.note)}</span>` : name;
}

function fieldsHtml(rows: readonly DocField[], className: string): string {
  const items = rows.map((row) => {
    let value: string;
    if (row.empty) value = `<span class="empty">${esc(String(row.value))}</span>`;
    else if (Array.isArray(row.value)) {
      value = row.value.length === 1 ? esc(row.value[0]!) : `<ul>${row.value.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`;
    } else if (row.long) {
      value = row.value
        .replace(/\r\n?/g, '\n')
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim().length > 0)
        .map((paragraph) => `<p>${esc(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
        .join('');
    } else value = esc(row.value);
    return `<div><dt>${esc(row.label)}</dt><dd>${value}</dd></div>`;
  });
  return `<dl class="${className}">${items.join('')}</dl>`;
}

const STYLE = `
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
