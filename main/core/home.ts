import type { AttentionItem, HomeSummary, RecentChange } from '../../shared/contract';
import type { Entry } from '../../shared/entry';
import { criticalityRank } from './entries';
import type { Database } from './store/database';

const SENSITIVE_CATEGORIES = new Set(['personal', 'health', 'employee', 'customer']);
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * What deserves a look first, in calm words. These are the fieldbook's own basic checks;
 * the guideline packs add IT's rules on top.
 */
export function attentionReasons(entry: Entry, now: Date): string[] {
  const reasons: string[] = [];
  const important = entry.criticality === 'high' || entry.criticality === 'critical';
  if (entry.owner.trim() === '') reasons.push('No owner written down yet');
  if (important && entry.backupOwners.length === 0) reasons.push('Important to the team, but nobody is named as backup');
  if (entry.criticality === null) reasons.push('How critical it is has not been stated yet');
  if (entry.purpose.trim() === '') reasons.push('What it does is not described yet');
  if (entry.sensitivity === null && entry.dataCategories.some((category) => SENSITIVE_CATEGORIES.has(category))) {
    reasons.push('Handles personal or customer data, but has no sensitivity level');
  }
  if (important && entry.backup.trim() === '') reasons.push('Important to the team, but how it is backed up is not described');
  if (important && (entry.lastReviewed === null || now.getTime() - Date.parse(entry.lastReviewed) > YEAR_MS)) {
    reasons.push('Not reviewed in the last year');
  }
  return reasons;
}

export function homeSummary(db: Database, entries: Entry[], now: Date): HomeSummary {
  const countBy = (key: (entry: Entry) => string | null) => {
    const counts: Record<string, number> = {};
    for (const entry of entries) {
      const value = key(entry) ?? 'unknown';
      counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
  };
  const needsAttention: AttentionItem[] = entries
    .filter((entry) => entry.lifecycle !== 'retired')
    .map((entry) => ({ entry, reasons: attentionReasons(entry, now) }))
    .filter(({ reasons }) => reasons.length > 0)
    .sort(
      (a, b) =>
        criticalityRank(b.entry.criticality) - criticalityRank(a.entry.criticality) ||
        b.reasons.length - a.reasons.length ||
        a.entry.name.localeCompare(b.entry.name),
    )
    .slice(0, 8)
    .map(({ entry, reasons }) => ({ id: entry.id, name: entry.name, kind: entry.kind, criticality: entry.criticality, reasons }));
  const recentChanges = db
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
    personalDataCount: entries.filter((entry) => entry.dataCategories.some((c) => SENSITIVE_CATEGORIES.has(c))).length,
    needsAttention,
    recentChanges,
  };
}
