import type { DocBlock, DocField, DocFile, DocLink, EntryDocument, ExportDocument } from './documentModel';
import { EXPORT_DOCUMENT_CSS } from '../exportDocumentStyle';
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
    `<style>${EXPORT_DOCUMENT_CSS}</style>`,
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
    `<p>${esc(doc.colophon ?? `Exported from Fieldbook ${doc.appVersion} on ${doc.exportedOn}. Fieldbook keeps this documentation on your computer; it is shared only when you share it.`)}</p>`,
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
    case 'files':
      return `<ul class="files">${block.items.map(fileHtml).join('')}</ul>`;
  }
}

function fileHtml(file: DocFile): string {
  const folder = file.folder ? ` <span class="detail">in ${esc(file.folder)}</span>` : '';
  const notes = file.notes.map((note) => `<p class="detail">${esc(note)}</p>`).join('');
  return `<li class="file file-${file.state}"><p class="file-name"><strong>${esc(file.name)}</strong>${folder}</p><p class="file-status">${esc(file.status)}</p><p>${esc(file.found)}</p>${notes}</li>`;
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
