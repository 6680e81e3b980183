import type { DocBlock, DocField, DocLink, EntryDocument, ExportDocument } from './documentModel';
import { escapeMarkdown, escapeMarkdownParagraphs } from './escape';
import { renderMermaid } from './renderMermaid';

/** A file of a multi-file export, with its path relative to the export folder ('/' separators). */
export interface RenderedFile {
  path: string;
  content: string;
}

/** The first line of every Markdown file Fieldbook writes; an export folder that has it may be replaced. */
export const MARKDOWN_MARKER = '<!-- fieldbook-export';
export const ENTRIES_FOLDER = 'entries';

interface Hrefs {
  entry(anchor: string, fileName: string): string;
}

const DIAGRAM_INTRO = 'Arrows show which way data flows. Boxes are tools in this fieldbook; rounded shapes are official systems.';

/** A folder: index.md (contents and the diagram) and entries/<name>.md, one file per entry. */
export function renderMarkdownFolder(doc: ExportDocument): RenderedFile[] {
  const fromIndex: Hrefs = { entry: (_anchor, fileName) => `${ENTRIES_FOLDER}/${fileName}` };
  const fromEntry: Hrefs = { entry: (_anchor, fileName) => fileName };
  const index = [
    header(doc),
    ...cover(doc),
    '## Contents',
    '',
    ...contentsList(doc, fromIndex),
    '',
    ...diagram(doc, '##'),
  ];
  const files: RenderedFile[] = [{ path: 'index.md', content: finish(index) }];
  for (const entry of doc.entries) {
    const lines = [header(doc), '[← Contents](../index.md)', '', ...entryLines(entry, '#', fromEntry, true)];
    files.push({ path: `${ENTRIES_FOLDER}/${entry.fileName}`, content: finish(lines) });
  }
  return files;
}

/** One Markdown document holding everything, linked by anchors (for a preview or a single download). */
export function renderMarkdownDocument(doc: ExportDocument): string {
  const hrefs: Hrefs = { entry: (anchor) => `#${anchor}` };
  const lines = [header(doc), ...cover(doc), '## Contents', '', ...contentsList(doc, hrefs), '', ...diagram(doc, '##')];
  for (const entry of doc.entries) lines.push(`<a id="${entry.anchor}"></a>`, '', ...entryLines(entry, '##', hrefs, false));
  return finish(lines);
}

function header(doc: ExportDocument): string {
  // Only our own words and an ISO date in here: nothing typed by a user.
  return `${MARKDOWN_MARKER}: written by Fieldbook ${doc.appVersion.replace(/[^0-9A-Za-z.+-]/g, '')} on ${doc.exportedAt} -->\n`;
}

function finish(lines: string[]): string {
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function cover(doc: ExportDocument): string[] {
  return [`# ${escapeMarkdown(doc.title)}`, '', escapeMarkdown(doc.subtitle), '', ...fieldLines(doc.about), ''];
}

function contentsList(doc: ExportDocument, hrefs: Hrefs): string[] {
  if (doc.contents.length === 0) return ['*This fieldbook has no entries yet.*'];
  return doc.contents.map((item, index) => {
    const extra = [item.detail, item.attention].filter(Boolean).map(escapeMarkdown).join(' — ');
    return `${index + 1}. [${escapeMarkdown(item.name)}](${hrefs.entry(item.anchor, item.fileName)})${extra ? ` — ${extra}` : ''}`;
  });
}

function diagram(doc: ExportDocument, level: string): string[] {
  const lines = [`${level} How the tools and systems feed each other`, ''];
  const mermaid = renderMermaid(doc.diagram);
  if (doc.diagram.nodes.length === 0) return [...lines, '*Nothing to draw yet.*', ''];
  if (mermaid === null) {
    return [
      ...lines,
      `*The whole diagram has ${doc.diagram.nodes.length.toLocaleString('en')} boxes and ${doc.diagram.edges.length.toLocaleString('en')} arrows, more than a Mermaid viewer can draw. Each entry's page shows its own part of it; the HTML and PDF exports show all of it.*`,
      '',
    ];
  }
  return [...lines, DIAGRAM_INTRO, '', '```mermaid', mermaid, '```', ''];
}

function entryLines(entry: EntryDocument, level: string, hrefs: Hrefs, withNeighbourhood: boolean): string[] {
  const lines = [`${level} ${escapeMarkdown(entry.name)}`, '', `*${escapeMarkdown(entry.lede)}*`, ''];
  for (const section of entry.sections) {
    lines.push(`${level}# ${escapeMarkdown(section.title)}`, '');
    for (const block of section.blocks) lines.push(...blockLines(block, hrefs), '');
    if (withNeighbourhood && section.id === 'dependencies' && entry.neighbourhood.edges.length > 0) {
      const mermaid = renderMermaid(entry.neighbourhood);
      if (mermaid) lines.push(DIAGRAM_INTRO, '', '```mermaid', mermaid, '```', '');
    }
  }
  return lines;
}

function blockLines(block: DocBlock, hrefs: Hrefs): string[] {
  switch (block.type) {
    case 'fields':
      return fieldLines(block.rows);
    case 'notice':
      return [`> ${escapeMarkdown(block.text)}`];
    case 'links':
      return block.groups.flatMap((group) => [
        `**${escapeMarkdown(group.label)}**`,
        '',
        ...(group.links.length === 0 ? [`*${escapeMarkdown(group.empty)}*`] : group.links.map((link) => `- ${linkText(link, hrefs)}`)),
        '',
      ]);
    case 'findings': {
      const lines = [escapeMarkdown(block.summary), ''];
      if (block.items.length === 0) return block.empty ? [...lines, `*${escapeMarkdown(block.empty)}*`] : lines;
      lines.push(`| ${block.columns.map(escapeMarkdown).join(' | ')} |`, `| ${block.columns.map(() => '---').join(' | ')} |`);
      for (const item of block.items) {
        lines.push(`| ${[item.outcomeLabel, item.title, item.severityLabel, item.details].map(escapeMarkdown).join(' | ')} |`);
      }
      return lines;
    }
    case 'files':
      return block.items.flatMap((file) => [
        `- **${escapeMarkdown(file.name)}**${file.folder ? ` in ${escapeMarkdown(file.folder)}` : ''} — *${escapeMarkdown(file.status)}*`,
        '',
        `  ${escapeMarkdown(file.found)}`,
        '',
        ...file.notes.flatMap((note) => [`  *${escapeMarkdown(note)}*`, '']),
      ]);
  }
}

function linkText(link: DocLink, hrefs: Hrefs): string {
  if (link.kind === 'missing') return `*${escapeMarkdown(link.name)}*`;
  const name = escapeMarkdown(link.name);
  const text = link.anchor && link.fileName ? `[${name}](${hrefs.entry(link.anchor, link.fileName)})` : name;
  return link.note ? `${text} — ${escapeMarkdown(link.note)}` : text;
}

function fieldLines(rows: readonly DocField[]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const label = `**${escapeMarkdown(row.label)}:**`;
    if (row.empty) {
      lines.push(`- ${label} *${escapeMarkdown(String(row.value))}*`);
    } else if (Array.isArray(row.value)) {
      if (row.value.length === 1) lines.push(`- ${label} ${escapeMarkdown(row.value[0]!)}`);
      else lines.push(`- ${label}`, ...row.value.map((item) => `  - ${escapeMarkdown(item)}`));
    } else if (row.long) {
      lines.push(`- ${label}`, '', `  ${escapeMarkdownParagraphs(row.value, '  ')}`, '');
    } else {
      lines.push(`- ${label} ${escapeMarkdown(row.value)}`);
    }
  }
  return lines;
}
