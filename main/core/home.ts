import type { AttentionItem, HomeSummary, RecentChange } from '../../shared/contract';
import type { Entry } from '../../shared/entry';
import { compareFindings, needsAction, severityRank, type Finding } from '../../shared/guidelines';
import { criticalityRank } from './entries';
import type { Database } from './store/database';

const PERSONAL_CATEGORIES = new Set(['personal', 'health', 'employee', 'customer']);

/** In calm words: what a finding asks of the user. */
function reasonFor(finding: Finding): string {
  return finding.outcome === 'needs-info' ? `Needs info: ${finding.question}` : `Not met yet: ${finding.title}`;
}

/**
 * What deserves a look first: entries with guidelines not met yet or needing info,
 * the most important guidelines on the most critical tools first.
 */
export function needsAttention(actionable: Map<Entry, Finding[]>, limit = 8): AttentionItem[] {
  const candidates: { entry: Entry; actions: Finding[]; weight: number }[] = [];
  for (const [entry, findings] of actionable) {
    const actions = findings.filter(needsAction).sort(compareFindings);
    if (actions.length === 0) continue;
    const topSeverity = Math.max(...actions.map((finding) => severityRank(finding.severity)));
    candidates.push({ entry, actions, weight: topSeverity * 10 + criticalityRank(entry.criticality) * 2 });
  }
  return candidates
    .sort((a, b) => b.weight - a.weight || b.actions.length - a.actions.length || a.entry.name.localeCompare(b.entry.name))
    .slice(0, limit)
    .map(({ entry, actions }) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      criticality: entry.criticality,
      reasons: actions.slice(0, 4).map(reasonFor),
    }));
}

export function homeSummary(db: Database, entries: Entry[], actionable: Map<Entry, Finding[]>): HomeSummary {
  const countBy = (key: (entry: Entry) => string | null) => {
    const counts: Record<string, number> = {};
    for (const entry of entries) {
      const value = key(entry) ?? 'unknown';
      counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
  };
  const recentChanges: RecentChange[] = db
    .prepare<[], { entryId: string; name: string; action: RecentChange['action']; at: string; changes: string }>(
      `SELECT h.entry_id AS entryId, e.name AS name, h.action AS action, h.at AS at, h.changes AS changes
       FROM entry_history h JOIN entries e ON e.id = h.entry_id
       ORDER BY h.at DESC LIMIT 8`,
    )
    .all()
    .map(({ changes, ...change }) => ({
      ...change,
      fields: (JSON.parse(changes) as { field: string }[]).map((item) => item.field),
    }));
  return {
    total: entries.length,
    byKind: countBy((entry) => entry.kind),
    byCriticality: countBy((entry) => entry.criticality),
    byLifecycle: countBy((entry) => entry.lifecycle),
    personalDataCount: entries.filter((entry) => entry.dataCategories.some((c) => PERSONAL_CATEGORIES.has(c))).length,
    needsAttention: needsAttention(actionable),
    recentChanges,
  };
}
