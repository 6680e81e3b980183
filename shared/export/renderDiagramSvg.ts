import type { DependencyGraph } from './documentModel';
import { escapeXml, truncate } from './escape';
import { layoutGraph, type GraphLayout } from './layoutGraph';

const LEGEND_HEIGHT = 44;
const LEGEND_WIDTH = 600;
/** The printed A4 text width in CSS pixels (about 180 mm): bands are measured against a page. */
const PAGE_WIDTH = 680;
const COLORS = {
  text: '#17202b',
  muted: '#4a5666',
  entryFill: '#ffffff',
  entryStroke: '#1f4e79',
  systemFill: '#eef1f5',
  systemStroke: '#5d6875',
  edge: '#5b6b7f',
};

/** The layout the diagram is drawn with (room for the legend at the top). */
export function layoutDiagram(graph: DependencyGraph): GraphLayout {
  return layoutGraph(graph, { top: LEGEND_HEIGHT, minWidth: LEGEND_WIDTH });
}

/** Characters of a label that fit in a box of `width` pixels at `size` px (a generous estimate). */
function fits(width: number, size: number): number {
  return Math.max(4, Math.floor((width - 16) / (size * 0.58)));
}

/**
 * The data-flow diagram as inline SVG: laid out by hand (layoutGraph), accessible (role="img",
 * a title and a description), every label escaped, long names shortened with the full name in
 * each box's <title>. `idPrefix` keeps ids unique when a page holds several diagrams.
 */
export function renderDiagramSvg(graph: DependencyGraph, options: { title: string; idPrefix?: string }): string {
  const prefix = options.idPrefix ?? 'diagram';
  const layout = layoutDiagram(graph);
  const { nodeWidth: W, nodeHeight: H } = layout.options;
  const entries = graph.nodes.filter((node) => node.kind === 'entry').length;
  const systems = graph.nodes.length - entries;
  const description =
    graph.nodes.length === 0
      ? 'There is nothing to draw yet: no entries.'
      : `${entries} ${entries === 1 ? 'tool' : 'tools'} from this fieldbook and ${systems} official ${systems === 1 ? 'system' : 'systems'}, with ${layout.edges.length} data ${layout.edges.length === 1 ? 'flow' : 'flows'}. Arrows point the way the data flows; the contents list and each entry's “Depends on and feeds” section say the same in words.`;
  const fontFamily = `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"`;
  const marker = `<marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9.5" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${COLORS.edge}"/></marker>`;
  const accessible = `role="img" aria-labelledby="${prefix}-title ${prefix}-desc"`;
  const labels = `<title id="${prefix}-title">${escapeXml(options.title)}</title><desc id="${prefix}-desc">${escapeXml(description)}</desc>`;
  const out: string[] = [];
  out.push(`<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`);
  // Legend.
  const legendY = 12;
  out.push(
    `<g aria-hidden="true" font-size="12" fill="${COLORS.muted}">`,
    `<rect x="${layout.options.columnGap}" y="${legendY}" width="34" height="18" rx="4" fill="${COLORS.entryFill}" stroke="${COLORS.entryStroke}" stroke-width="1.5"/>`,
    `<text x="${layout.options.columnGap + 42}" y="${legendY + 13}">Tool in this fieldbook</text>`,
    `<rect x="${layout.options.columnGap + 200}" y="${legendY}" width="34" height="18" rx="9" fill="${COLORS.systemFill}" stroke="${COLORS.systemStroke}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    `<text x="${layout.options.columnGap + 242}" y="${legendY + 13}">Official system</text>`,
    `<path d="M${layout.options.columnGap + 370},${legendY + 9} h34" stroke="${COLORS.edge}" stroke-width="1.5" marker-end="url(#${prefix}-arrow)"/>`,
    `<text x="${layout.options.columnGap + 414}" y="${legendY + 13}">Data flows this way</text>`,
    `</g>`,
  );
  out.push(`<g fill="none" stroke="${COLORS.edge}" stroke-width="1.2" stroke-opacity="0.75">`);
  for (const edge of layout.edges) {
    const d = roundedPath(edge.points, 5);
    out.push(`<path d="${d}" marker-end="url(#${prefix}-arrow)"/>`);
  }
  out.push('</g>');
  const nameChars = fits(W, 13);
  const detailChars = fits(W, 11);
  for (const placed of layout.nodes) {
    const { node, x, y, role } = placed;
    const system = node.kind === 'system';
    const detail = role === 'from' ? `${node.detail}: data comes from it` : role === 'to' ? `${node.detail}: data goes to it` : node.detail;
    out.push(
      `<g><title>${escapeXml(`${node.name} (${detail})`)}</title>`,
      `<rect x="${x}" y="${y}" width="${W}" height="${H}" rx="${system ? H / 2 : 6}" fill="${system ? COLORS.systemFill : COLORS.entryFill}" stroke="${system ? COLORS.systemStroke : COLORS.entryStroke}" stroke-width="1.5"${system ? ' stroke-dasharray="4 3"' : ''}/>`,
      `<text x="${x + W / 2}" y="${y + 20}" text-anchor="middle" font-size="13" font-weight="600" fill="${COLORS.text}">${escapeXml(truncate(node.name, nameChars))}</text>`,
      `<text x="${x + W / 2}" y="${y + 36}" text-anchor="middle" font-size="11" fill="${COLORS.muted}">${escapeXml(truncate(role === 'to' ? `${node.detail} (receives)` : node.detail, detailChars))}</text>`,
      '</g>',
    );
  }
  const drawing = out.join('\n');
  const bands = bandsOf(layout);
  if (bands.length === 1) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="diagram" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" ${accessible} ${fontFamily}>${labels}<defs>${marker}</defs>\n${drawing}\n</svg>`;
  }
  // Taller than a page: the drawing is defined once and shown in page-sized bands, cut only in
  // the gaps between rows, so printing never slices a box in two. On screen they join seamlessly.
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="diagram-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>${marker}<g id="${prefix}-drawing" ${fontFamily}>\n${drawing}\n</g></defs></svg>`,
    ...bands.map(
      ([top, height], index) =>
        `<svg xmlns="http://www.w3.org/2000/svg" class="diagram diagram-band" viewBox="0 ${top} ${layout.width} ${height}" width="${layout.width}" height="${height}" ${index === 0 ? `${accessible}>${labels}` : 'aria-hidden="true">'}<use href="#${prefix}-drawing"/></svg>`,
    ),
  ].join('\n');
}

/** How much taller than wide a band may be: the first shares its A4 page with the section heading. */
const FIRST_BAND_RATIO = 1.15;
const BAND_RATIO = 1.4;

/** [top, height] of each band, cut in the middle of the gaps between rows of boxes. */
function bandsOf(layout: GraphLayout): [number, number][] {
  // A drawing narrower than the page is printed at its own size, a wider one scaled to the page.
  const pageWidth = Math.max(layout.width, PAGE_WIDTH);
  if (layout.height <= Math.round(pageWidth * BAND_RATIO)) return [[0, layout.height]];
  const H = layout.options.nodeHeight;
  const rowTops = [...new Set(layout.nodes.map((node) => node.y))].sort((a, b) => a - b);
  const bands: [number, number][] = [];
  let start = 0;
  let previousBottom = 0;
  for (const top of rowTops) {
    const limit = pageWidth * (bands.length === 0 ? FIRST_BAND_RATIO : BAND_RATIO);
    if (top + H - start > limit && previousBottom > start) {
      const cut = Math.round((previousBottom + top) / 2);
      bands.push([start, cut - start]);
      start = cut;
    }
    previousBottom = top + H;
  }
  bands.push([start, layout.height - start]);
  return bands;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** An orthogonal polyline with its corners rounded (radius at most half of each segment). */
function roundedPath(points: readonly [number, number][], radius: number): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${round(first[0])},${round(first[1])}`;
  for (let index = 0; index < rest.length; index++) {
    const [x, y] = rest[index]!;
    const next = rest[index + 1];
    if (!next) {
      d += ` L${round(x)},${round(y)}`;
      break;
    }
    const [px, py] = index === 0 ? first : rest[index - 1]!;
    const r = Math.min(radius, Math.hypot(x - px, y - py) / 2, Math.hypot(next[0] - x, next[1] - y) / 2);
    const inX = x - Math.sign(x - px) * r;
    const inY = y - Math.sign(y - py) * r;
    const outX = x + Math.sign(next[0] - x) * r;
    const outY = y + Math.sign(next[1] - y) * r;
    d += ` L${round(inX)},${round(inY)} Q${round(x)},${round(y)} ${round(outX)},${round(outY)}`;
  }
  return d;
}
