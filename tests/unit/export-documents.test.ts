import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEntries } from '../../main/core/demo';
import { buildDocumentModel, type DocBlock, type ExportDocument } from '../../main/core/export/documentModel';
import { escapeMarkdown, escapeMermaid, safeFileStem, truncate, uniqueStems } from '../../shared/export/escape';
import { guardFormula, renderCsv } from '../../main/core/export/renderCsv';
import { layoutDiagram, renderDiagramSvg } from '../../shared/export/renderDiagramSvg';
import { renderHtml } from '../../shared/export/renderHtml';
import { renderMarkdownDocument, renderMarkdownFolder } from '../../shared/export/renderMarkdown';
import { renderMermaid } from '../../shared/export/renderMermaid';
import { openFieldbook } from '../../main/core/fieldbook';
import { exportFixture, HOSTILE_NAME } from './helpers/exportFixture';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-26T09:00:00Z');

/** GitHub's CommonMark (Debian's cmark-gfm): an independent reading of our Markdown. */
function commonMark(markdown: string): string {
  const result = spawnSync('cmark-gfm', ['-e', 'table'], { input: markdown, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cmark-gfm failed: ${result.stderr}`);
  return result.stdout;
}

function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fixtureDocument(entryId: string | null = null): { doc: ExportDocument; ids: ReturnType<typeof exportFixture> } {
  const ids = exportFixture(tempDir());
  const doc = buildDocumentModel(ids.book, { entryId, appVersion: '0.1.0', now: NOW });
  return { doc, ids };
}

beforeAll(() => {
  if (spawnSync('cmark-gfm', ['--version']).status !== 0) throw new Error('These tests read Markdown with cmark-gfm: apt-get install -y cmark-gfm');
});

describe('the document model', () => {
  it('labels an answer with the question of the guideline that asks it, also when it is one of several inputs', () => {
    const book = openFieldbook({ dataDir: tempDir(), clock: () => NOW });
    const entry = book.createEntry({ name: 'Merge script', kind: 'script', answers: { standsAlone: 'yes' } });
    const doc = buildDocumentModel(book, { entryId: entry.id, appVersion: '0.1.0', now: NOW });
    const text = JSON.stringify(doc);
    book.close();
    expect(text).toContain('Does it stand on its own, without exports, files, databases or other tools it reads from?');
    expect(text).not.toContain('"standsAlone"');
  });

  it('has every section of the documentation for each entry, in the order a reader expects', () => {
    const { doc, ids } = fixtureDocument();
    const pricing = doc.entries.find((entry) => entry.id === ids.pricing)!;
    expect(pricing.sections.map((section) => section.title)).toEqual([
      'What it does',
      'Owner and backup',
      'Who uses it',
      'Where it lives',
      'Data and sensitivity',
      'Criticality',
      'Backup and changes',
      'Depends on and feeds',
      'Files and what Fieldbook found in them',
      'Where it stands against the guidelines',
      'Notes',
      'About this entry',
    ]);
    expect(doc.contents.map((item) => item.entryId)).toEqual(doc.entries.map((entry) => entry.id));
    expect(doc.entries.map((entry) => entry.id)).not.toContain(ids.deleted);
    ids.book.close();
  });

  it('resolves links by name, including links stated only by the other entry', () => {
    const { doc, ids } = fixtureDocument();
    const links = (entryId: string) => {
      const section = doc.entries.find((entry) => entry.id === entryId)!.sections.find((candidate) => candidate.id === 'dependencies')!;
      return (section.blocks[0] as Extract<DocBlock, { type: 'links' }>).groups;
    };
    const [dependsOn, feeds] = links(ids.pricing);
    expect(dependsOn!.links).toEqual([expect.objectContaining({ name: 'SAP export', kind: 'system' })]);
    // Returns database says it depends on the pricing workbook: so the workbook feeds it.
    expect(feeds!.links).toEqual([expect.objectContaining({ name: 'Returns database', kind: 'entry', note: 'It lists this tool under “Depends on”' })]);
    expect(links(ids.returns)[1]!.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Data warehouse' }), expect.objectContaining({ name: HOSTILE_NAME })]),
    );
    ids.book.close();
  });

  it('shows where the entry stands against the guidelines, with why anything was set aside, and that its files are not read yet', () => {
    const { doc, ids } = fixtureDocument(null);
    const pricing = doc.entries.find((entry) => entry.id === ids.pricing)!;
    const guidelines = pricing.sections.find((section) => section.id === 'guidelines')!.blocks[0] as Extract<DocBlock, { type: 'findings' }>;
    expect(guidelines.summary).toMatch(/Set aside: 1/);
    const setAside = guidelines.items.find((item) => item.outcome === 'set-aside')!;
    expect(setAside.outcomeLabel).toBe('Set aside');
    expect(setAside.details).toContain('by Anna Berg');
    expect(setAside.details).toContain('“Reviewed with IT every quarter <instead>.”');
    expect(setAside.details).toContain('Until 30 June 2027');
    const files = pricing.sections.find((section) => section.id === 'files')!;
    const listed = files.blocks.find((block): block is Extract<DocBlock, { type: 'files' }> => block.type === 'files')!;
    expect(listed.items).toEqual([expect.objectContaining({ path: 'Pricing_v7.xlsm', state: 'not-read', status: 'Not read yet' })]);
    ids.book.close();
  });

  it('draws entries and named official systems, with an arrow for each data flow', () => {
    const { doc, ids } = fixtureDocument();
    const name = (key: string) => doc.diagram.nodes.find((node) => node.key === key)!.name;
    const arrows = doc.diagram.edges.map((edge) => `${name(edge.from)} → ${name(edge.to)}`).sort();
    expect(arrows).toEqual(
      [
        'SAP export → Quote pricing workbook',
        'Quote pricing workbook → Returns database',
        'Returns database → Data warehouse',
        `Returns database → ${HOSTILE_NAME}`,
        `${HOSTILE_NAME} → Evil"] --> x[(" system`,
      ].sort(),
    );
    expect(doc.diagram.nodes.filter((node) => node.kind === 'system').map((node) => node.name).sort()).toEqual(['Data warehouse', 'Evil"] --> x[(" system', 'SAP export']);
    ids.book.close();
  });

  it('a one-entry document holds that entry and a diagram of its neighbours', () => {
    const { doc, ids } = fixtureDocument();
    ids.book.close();
    const one = fixtureDocument();
    const single = buildDocumentModel(one.ids.book, { entryId: one.ids.returns, appVersion: '0.1.0', now: NOW });
    expect(single.scope).toBe('entry');
    expect(single.title).toBe('Returns database');
    expect(single.entries).toHaveLength(1);
    expect(single.diagram.nodes.map((node) => node.name).sort()).toEqual(['Data warehouse', HOSTILE_NAME, 'Quote pricing workbook', 'Returns database'].sort());
    expect(doc.entries.length).toBeGreaterThan(1);
    one.ids.book.close();
  });
});

describe('Markdown', () => {
  it('writes an index with contents and a Mermaid diagram, and one safely named file per entry', () => {
    const { doc, ids } = fixtureDocument();
    const files = renderMarkdownFolder(doc);
    expect(files[0]!.path).toBe('index.md');
    const entryFiles = files.slice(1).map((file) => file.path);
    expect(entryFiles).toHaveLength(doc.entries.length);
    for (const path of entryFiles) expect(path).toMatch(/^entries\/[a-z0-9-]{1,60}\.md$/);
    expect(new Set(entryFiles).size).toBe(entryFiles.length);
    const index = files[0]!.content;
    expect(index).toContain('## Contents');
    expect(index).toContain('```mermaid\nflowchart LR\n');
    const html = commonMark(index);
    expect(html).toContain('<a href="entries/quote-pricing-workbook.md">Quote pricing workbook</a>');
    ids.book.close();
  });

  it('shows a hostile entry name as plain text: no HTML, no link, no heading, no table break', () => {
    const { doc, ids } = fixtureDocument();
    const hostile = doc.entries.find((entry) => entry.id === ids.hostile)!;
    const file = renderMarkdownFolder(doc).find((candidate) => candidate.path === `entries/${hostile.fileName}`)!;
    const html = commonMark(file.content);
    expect(html).toContain(`<h1>${htmlText(HOSTILE_NAME)}</h1>`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('<code>');
    // The index lists it as one link with the whole name as its text.
    expect(commonMark(renderMarkdownFolder(doc)[0]!.content)).toContain(`<a href="entries/${hostile.fileName}">${htmlText(HOSTILE_NAME)}</a>`);
    // Free text too: the Markdown document reads the purpose back exactly.
    expect(commonMark(renderMarkdownDocument(doc))).toContain(htmlText('=HYPERLINK("http://example.invalid","click")'));
    ids.book.close();
  });

  it('escapes the characters that start Markdown blocks at the beginning of a line', () => {
    for (const text of ['# not a heading', '- not a list', '+ not a list', '1. not a list', '> not a quote', '=== not a rule', '| a | b |']) {
      expect(commonMark(escapeMarkdown(text)).trim()).toBe(`<p>${htmlText(text)}</p>`);
    }
  });
});

describe('Mermaid', () => {
  it('labels are safe: entity codes for anything that could close a label, inject syntax or end the fence', () => {
    const { doc, ids } = fixtureDocument();
    const mermaid = renderMermaid(doc.diagram)!;
    const labels: string[] = [];
    for (const line of mermaid.split('\n').slice(1)) {
      const node = /^ {2}n\d+(?:\["([^"]*)"\]|\(\["([^"]*)"\]\))$/.exec(line);
      if (node) labels.push(node[1] ?? node[2]!);
      else expect(line).toMatch(/^ {2}(n\d+ --> n\d+|classDef (entry|system) .*|class [n\d,]+ (entry|system))$/);
    }
    expect(labels).toHaveLength(doc.diagram.nodes.length);
    for (const label of labels) expect(label).toMatch(/^[\p{L}\p{N} .,_#;-]*$/u);
    const decode = (label: string) => label.replace(/#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)));
    expect(labels.map(decode)).toContain(truncate(HOSTILE_NAME, 60));
    expect(labels.map(decode)).toContain('Evil"] --> x[(" system');
    expect(escapeMermaid('a#quot;b')).toBe('a#35;quot#59;b');
    ids.book.close();
  });
});

describe('HTML and SVG', () => {
  it('escape every name, keep the full name in the diagram title, and carry no script', () => {
    const { doc, ids } = fixtureDocument();
    const html = renderHtml(doc);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const hostile = doc.entries.find((entry) => entry.id === ids.hostile)!;
    expect(hostile.anchor).toMatch(/^entry-[a-z0-9-]+$/);
    expect(html).toContain(`<h2 id="${hostile.anchor}-title">${htmlText(HOSTILE_NAME)}</h2>`);
    const svg = renderDiagramSvg(doc.diagram, { title: 'Flows' });
    expect(svg).toContain(`<title>${htmlText(HOSTILE_NAME)} (Script)</title>`);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="diagram-title diagram-desc"/);
    ids.book.close();
  });
});

describe('CSV', () => {
  it('is RFC 4180 with a byte-order mark, and guards against formula injection', () => {
    const { doc, ids } = fixtureDocument();
    const csv = renderCsv(doc.tables.entries);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    // Python's csv module reads it back: same rows, same columns, text as typed (with the guard).
    const read = spawnSync('/usr/bin/python3', ['-c', 'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")))))'], {
      input: csv,
      encoding: 'utf8',
    });
    expect(read.stderr).toBe('');
    const rows = JSON.parse(read.stdout) as string[][];
    expect(rows).toHaveLength(doc.tables.entries.rows.length + 1);
    expect(rows[0]).toEqual(doc.tables.entries.columns.map((column) => column.header));
    const hostile = rows.find((row) => row[0] === ids.hostile)!;
    expect(hostile[1]).toBe(HOSTILE_NAME);
    expect(hostile).toContain(`'=HYPERLINK("http://example.invalid","click")`);
    expect(hostile).toContain(`'+44 20 7946 0000`);
    expect(hostile).toContain(`'@team, "quoted"`);
    expect(hostile).toContain('line one\nline two, with a comma');
    expect(['=1+2', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', 'plain', '1-2'].map(guardFormula)).toEqual(["'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1", 'plain', '1-2']);
    ids.book.close();
  });
});

describe('safe file names', () => {
  it('are short, portable, never reserved and unique', () => {
    expect(safeFileStem('Quote pricing: v7 (final).xlsm')).toBe('quote-pricing-v7-final-xlsm');
    expect(safeFileStem('Müller’s Übersicht')).toBe('muller-s-ubersicht');
    expect(safeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileStem('CON')).toBe('con-entry');
    expect(safeFileStem('★★★')).toBe('entry');
    expect(safeFileStem('x'.repeat(300))).toHaveLength(60);
    expect(uniqueStems(['Budget', 'budget', 'BUDGET', 'index'], ['index'])).toEqual(['budget', 'budget-2', 'budget-3', 'index-2']);
  });
});

describe('the diagram layout', () => {
  it('stays readable with 200 entries: bounded width, no overlapping boxes, no arrow through a box', () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const { ids, entries } = demoEntries(200);
    // A few cycles too, which the layout must break.
    entries[0]!.dependsOn = [{ type: 'entry', entryId: ids[150]! }];
    entries[150]!.dependsOn = [...(entries[150]!.dependsOn ?? []), { type: 'entry', entryId: ids[0]! }];
    book.entries.createMany(entries, ids);
    const doc = buildDocumentModel(book, { entryId: null, appVersion: '0.1.0', now: NOW });
    const layout = layoutDiagram(doc.diagram);
    const { nodeWidth: W, nodeHeight: H } = layout.options;
    expect(layout.width).toBeLessThanOrEqual(1300);
    expect(layout.nodes.length).toBeGreaterThanOrEqual(doc.diagram.nodes.length);
    const boxes = layout.nodes.map((node) => ({ x: node.x, y: node.y }));
    const sorted = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
    for (let index = 1; index < sorted.length; index++) {
      const a = sorted[index - 1]!;
      const b = sorted[index]!;
      expect(a.y === b.y ? b.x - a.x >= W : b.y - a.y >= H).toBe(true);
    }
    const throughBoxes: string[] = [];
    for (const edge of layout.edges) {
      const points = edge.points;
      for (let index = 1; index < points.length; index++) {
        const [x1, y1] = points[index - 1]!;
        const [x2, y2] = points[index]!;
        for (const box of boxes) {
          // Strictly inside the box (touching the border at either end is how an arrow arrives).
          const crossesX = Math.max(x1, x2) > box.x + 0.5 && Math.min(x1, x2) < box.x + W - 0.5;
          const crossesY = Math.max(y1, y2) > box.y + 0.5 && Math.min(y1, y2) < box.y + H - 0.5;
          if (crossesX && crossesY) throughBoxes.push(`${x1},${y1} → ${x2},${y2} through the box at ${box.x},${box.y}`);
        }
      }
    }
    expect(throughBoxes).toEqual([]);
    const svg = renderDiagramSvg(doc.diagram, { title: 'Flows' });
    expect(svg.match(/<rect /g)!.length).toBeGreaterThanOrEqual(200);
    // Taller than a page: shown in bands, cut only between rows, so no box is ever cut in two.
    const bands = [...svg.matchAll(/class="diagram diagram-band" viewBox="0 ([\d.]+) [\d.]+ ([\d.]+)"/g)].map((match) => [Number(match[1]), Number(match[2])] as const);
    expect(bands.length).toBeGreaterThan(1);
    expect(bands[0]![0]).toBe(0);
    for (let index = 1; index < bands.length; index++) expect(bands[index]![0]).toBe(bands[index - 1]![0] + bands[index - 1]![1]);
    const cut = boxes.filter((box) => !bands.some(([top, height]) => box.y >= top && box.y + H <= top + height));
    expect(cut).toEqual([]);
    expect(svg.match(/role="img"/g)).toHaveLength(1);
    book.close();
  });
});
