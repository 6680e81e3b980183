import type { DependencyGraph, GraphNode } from './documentModel';

/**
 * A layered ("Sugiyama-style") layout of the data-flow graph, by hand and in linear-ish time:
 *  1. cycles are broken by reversing DFS back edges (for layering only; arrows keep their direction),
 *  2. layers by longest path from the sources, so data flows top to bottom,
 *  3. nodes ordered within each layer by the barycenter of their neighbours, sweeping down and up,
 *     which removes most crossings,
 *  4. a grid: a layer wider than `maxColumns` wraps into several rows (filled column by column, so
 *     a box stays under the boxes it connects to), so 200 entries stay readable at page width.
 * An official system that both sends and receives data is drawn twice, as data-flow diagrams do:
 * at the top where data comes from it, at the bottom where data goes to it; otherwise every
 * system would chain all tools into one tall column. Nodes linked to nothing go in a last group.
 * Edges are routed in the channels between grid rows and columns, never through a box.
 */

export interface LayoutOptions {
  maxColumns: number;
  nodeWidth: number;
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
  layerGap: number;
  /** Free space above the first layer (for a legend). */
  top: number;
  /** The drawing is at least this wide (for the legend), its columns centred. */
  minWidth: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  maxColumns: 5,
  nodeWidth: 200,
  nodeHeight: 46,
  columnGap: 44,
  rowGap: 30,
  layerGap: 58,
  top: 0,
  minWidth: 0,
};

export interface PlacedNode {
  node: GraphNode;
  /** For a system drawn twice: "from" where data comes from it, "to" where data goes to it. */
  role: 'from' | 'to' | null;
  /** Top-left corner. */
  x: number;
  y: number;
  layer: number;
}

export interface RoutedEdge {
  from: number;
  to: number;
  /** A polyline from the bottom of the source box to the top of the target box. */
  points: [number, number][];
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: RoutedEdge[];
  options: LayoutOptions;
}

export function layoutGraph(graph: DependencyGraph, overrides: Partial<LayoutOptions> = {}): GraphLayout {
  const options = { ...DEFAULT_LAYOUT, ...overrides };
  // Systems that send and receive get a second box for receiving.
  const nodes: GraphNode[] = [...graph.nodes];
  const roles: ('from' | 'to' | null)[] = nodes.map(() => null);
  const asSource = new Map(graph.nodes.map((node, index) => [node.key, index]));
  const asTarget = new Map(asSource);
  const sends = new Set(graph.edges.map((edge) => edge.from));
  const receives = new Set(graph.edges.map((edge) => edge.to));
  graph.nodes.forEach((node, index) => {
    if (node.kind !== 'system' || !sends.has(node.key) || !receives.has(node.key)) return;
    roles[index] = 'from';
    asTarget.set(node.key, nodes.length);
    nodes.push(node);
    roles.push('to');
  });
  const count = nodes.length;
  const edgeList: [number, number][] = [];
  const seen = new Set<number>();
  for (const edge of graph.edges) {
    const from = asSource.get(edge.from);
    const to = asTarget.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = from * count + to;
    if (seen.has(key)) continue;
    seen.add(key);
    edgeList.push([from, to]);
  }
  const successors: number[][] = Array.from({ length: count }, () => []);
  const predecessors: number[][] = Array.from({ length: count }, () => []);
  for (const [from, to] of edgeList) {
    successors[from]!.push(to);
    predecessors[to]!.push(from);
  }

  const { dagSuccessors, discovery } = breakCycles(successors);
  const linked = successors.map((out, node) => out.length > 0 || predecessors[node]!.length > 0);
  // Systems that only receive data sit at the bottom, together.
  const bottom = nodes.map((node, index) => node.kind === 'system' && linked[index]! && successors[index]!.length === 0);
  const layerOf = longestPathLayers(dagSuccessors, linked, bottom);
  const layerCount = layerOf.reduce((max, layer) => Math.max(max, layer + 1), 0);

  // Initial order inside each layer: DFS discovery order keeps related nodes together.
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (const node of discovery) layers[layerOf[node]!]!.push(node);
  orderByBarycenter(layers, layerOf, successors, predecessors);

  // Grid placement.
  const widest = layers.reduce((max, layer) => Math.max(max, layer.length), 1);
  const columns = Math.max(1, Math.min(options.maxColumns, widest));
  const { nodeWidth: W, nodeHeight: H, columnGap, rowGap, layerGap } = options;
  const naturalWidth = 2 * columnGap + columns * W + (columns - 1) * columnGap;
  const extra = Math.max(0, options.minWidth - naturalWidth);
  const marginX = columnGap + extra / 2;
  const columnX = (column: number) => marginX + column * (W + columnGap);
  const placed: PlacedNode[] = new Array(count);
  const rowOf = new Int32Array(count);
  const rowTop: number[] = [];
  const gapBelowRow: number[] = [];
  let y = options.top + layerGap / 2;
  layers.forEach((layer, layerIndex) => {
    // Column by column: the order from the barycenter sweeps runs left to right across the page.
    const rows = Math.ceil(layer.length / columns);
    const used = Math.ceil(layer.length / rows);
    const offset = Math.floor((columns - used) / 2);
    for (let row = 0; row < rows; row++) {
      const rowIndex = rowTop.length;
      rowTop.push(y);
      for (let column = 0; column < used; column++) {
        const node = layer[column * rows + row];
        if (node === undefined) continue;
        placed[node] = { node: nodes[node]!, role: roles[node]!, x: columnX(offset + column), y, layer: layerIndex };
        rowOf[node] = rowIndex;
      }
      const gap = row === rows - 1 ? layerGap : rowGap;
      gapBelowRow.push(gap);
      y += H + gap;
    }
  });
  const height = Math.max(y - layerGap / 2, options.top) + layerGap / 2;
  const width = naturalWidth + extra;
  const gapAboveRow = (row: number) => (row === 0 ? layerGap / 2 : gapBelowRow[row - 1]!);

  // Routing: down into the gap under the source's row, along a column gutter if needed, across the
  // gap above the target's row, down into the target. Each edge gets its own lane in each channel.
  const edges: RoutedEdge[] = edgeList.map(([from, to]) => {
    const source = placed[from]!;
    const target = placed[to]!;
    const sx = source.x + W / 2;
    const sy = source.y + H;
    const tx = target.x + W / 2;
    const ty = target.y;
    const sourceRow = rowOf[from]!;
    const targetRow = rowOf[to]!;
    // Lanes by source going out and by target coming in: a system's many arrows leave as one line
    // and a tool's incoming arrows arrive as one, like a bus, instead of a fan of parallel lines.
    const laneA = lane(from, 1);
    const laneB = lane(to, 2);
    const below = gapBelowRow[sourceRow]!;
    const yA = sy + below * laneA;
    if (targetRow === sourceRow + 1) {
      return { from, to, points: [[sx, sy], [sx, yA], [tx, yA], [tx, ty]] };
    }
    const above = gapAboveRow(targetRow);
    const yB = ty - above * laneB;
    // Down the gutter beside the target's column, on the side the source is on, in its own lane:
    // gutters then gather the arrows by destination.
    const targetColumn = Math.round((target.x - marginX) / (W + columnGap));
    const gutter = sx <= tx ? targetColumn : targetColumn + 1;
    const gx = columnX(gutter) - columnGap / 2 + (lane(to, 3) - 0.5) * columnGap * 0.7;
    return { from, to, points: [[sx, sy], [sx, yA], [gx, yA], [gx, yB], [tx, yB], [tx, ty]] };
  });

  return { width, height, nodes: placed, edges, options };
}

/** A spread of lanes in (0.2, 0.8) for node `index`, different per channel `salt`. */
function lane(index: number, salt: number): number {
  const hash = Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b);
  return 0.2 + (((hash >>> 8) % 7) / 6) * 0.6;
}

/** Iterative DFS; edges to a node still on the stack close a cycle and are turned around. */
function breakCycles(successors: number[][]): { dagSuccessors: number[][]; discovery: number[] } {
  const count = successors.length;
  const state = new Uint8Array(count); // 0 new, 1 on stack, 2 done
  const dagSuccessors: number[][] = Array.from({ length: count }, () => []);
  const discovery: number[] = [];
  // Start from sources first, so the natural direction of data flow wins.
  const hasPredecessor = new Uint8Array(count);
  for (const out of successors) for (const to of out) hasPredecessor[to] = 1;
  const roots = [...Array(count).keys()].sort((a, b) => hasPredecessor[a]! - hasPredecessor[b]!);
  for (const root of roots) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    discovery.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      const out = successors[node]!;
      if (next >= out.length) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1] = next + 1;
      const to = out[next]!;
      if (state[to] === 1) {
        dagSuccessors[to]!.push(node); // a back edge: reversed for layering
      } else {
        dagSuccessors[node]!.push(to);
        if (state[to] === 0) {
          state[to] = 1;
          discovery.push(to);
          stack.push([to, 0]);
        }
      }
    }
  }
  return { dagSuccessors, discovery };
}

/** Layer = longest path from a source (Kahn's order). `bottom` nodes go in the last linked layer, unlinked ones after it. */
function longestPathLayers(dagSuccessors: number[][], linked: boolean[], bottom: boolean[]): number[] {
  const count = dagSuccessors.length;
  const indegree = new Int32Array(count);
  for (const out of dagSuccessors) for (const to of out) indegree[to]!++;
  const layer = new Array<number>(count).fill(0);
  const queue: number[] = [];
  for (let node = 0; node < count; node++) if (indegree[node] === 0) queue.push(node);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const to of dagSuccessors[node]!) {
      if (layer[node]! + 1 > layer[to]!) layer[to] = layer[node]! + 1;
      if (--indegree[to]! === 0) queue.push(to);
    }
  }
  let deepest = -1;
  for (let node = 0; node < count; node++) if (linked[node] && !bottom[node]) deepest = Math.max(deepest, layer[node]!);
  let last = deepest;
  if (bottom.some(Boolean)) {
    last = deepest + 1;
    for (let node = 0; node < count; node++) if (bottom[node]) layer[node] = last;
  }
  for (let node = 0; node < count; node++) if (!linked[node]) layer[node] = last + 1;
  return compact(layer);
}

/** Barycenter heuristic: a few sweeps down and up, by the mean relative position of neighbours. */
function orderByBarycenter(layers: number[][], layerOf: number[], successors: number[][], predecessors: number[][]): void {
  const position = new Float64Array(layerOf.length);
  const updatePositions = (layer: number[]) => {
    const span = Math.max(1, layer.length - 1);
    layer.forEach((node, index) => (position[node] = index / span));
  };
  layers.forEach(updatePositions);
  const sweep = (layerIndex: number, downward: boolean) => {
    const layer = layers[layerIndex]!;
    const keys = new Map<number, number>();
    for (const node of layer) {
      let sum = 0;
      let n = 0;
      for (const other of [...predecessors[node]!, ...successors[node]!]) {
        const otherLayer = layerOf[other]!;
        if (downward ? otherLayer < layerIndex : otherLayer > layerIndex) {
          sum += position[other]!;
          n++;
        }
      }
      keys.set(node, n > 0 ? sum / n : position[node]!);
    }
    layer.sort((a, b) => keys.get(a)! - keys.get(b)! || position[a]! - position[b]!);
    updatePositions(layer);
  };
  for (let round = 0; round < 4; round++) {
    for (let index = 1; index < layers.length; index++) sweep(index, true);
    for (let index = layers.length - 2; index >= 0; index--) sweep(index, false);
  }
}

/** Renumbers layers 0, 1, 2, … without gaps. */
function compact(layer: number[]): number[] {
  const used = [...new Set(layer)].sort((a, b) => a - b);
  const rank = new Map(used.map((value, index) => [value, index]));
  return layer.map((value) => rank.get(value)!);
}
