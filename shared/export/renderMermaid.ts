import type { DependencyGraph } from './documentModel';
import { escapeMermaid, truncate } from './escape';

/** Mermaid's own limits (maxEdges 500, maxTextSize 50,000): past them a viewer shows an error, not a diagram. */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT = 50_000;

/**
 * The data-flow graph as a Mermaid `flowchart LR`: entries as boxes, official systems as rounded
 * "stadium" shapes, an arrow per flow. Node ids are generated (n0, n1, …), never taken from input;
 * every label is made of safe characters and Mermaid entity codes. Returns null when the graph is
 * too big for Mermaid to draw.
 */
export function renderMermaid(graph: DependencyGraph): string | null {
  if (graph.edges.length > MERMAID_MAX_EDGES) return null;
  const ids = new Map(graph.nodes.map((node, index) => [node.key, `n${index}`]));
  const lines = ['flowchart LR'];
  const systems: string[] = [];
  graph.nodes.forEach((node, index) => {
    const label = escapeMermaid(truncate(node.name, 60));
    if (node.kind === 'system') {
      lines.push(`  n${index}(["${label}"])`);
      systems.push(`n${index}`);
    } else {
      lines.push(`  n${index}["${label}"]`);
    }
  });
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from && to && from !== to) lines.push(`  ${from} --> ${to}`);
  }
  lines.push('  classDef entry fill:#ffffff,stroke:#1f4e79,stroke-width:1.5px,color:#17202b');
  lines.push('  classDef system fill:#eef1f5,stroke:#5d6875,stroke-dasharray:4 3,color:#17202b');
  const entries = graph.nodes.flatMap((node, index) => (node.kind === 'entry' ? [`n${index}`] : []));
  if (entries.length > 0) lines.push(`  class ${entries.join(',')} entry`);
  if (systems.length > 0) lines.push(`  class ${systems.join(',')} system`);
  const text = lines.join('\n');
  return text.length > MERMAID_MAX_TEXT ? null : text;
}
