import type { AttentionItem, HomeSummary, RecentChange } from '../../shared/contract';
import { CRITICALITY_LEVELS } from '../../shared/entry';
import type { Database } from './store/database';

const PERSONAL_CATEGORIES = ['personal', 'health', 'employee', 'customer'];

/** The fieldbook at a glance. Counts come straight from the store, so this stays quick at 10,000 entries. */
export function homeSummary(
  db: Database,
  attention: { items: AttentionItem[]; openFindings: number; entriesWithOpenFindings: number },
): HomeSummary {
  const countBy = (column: 'kind' | 'lifecycle' | 'criticality_rank') => {
    const counts: Record<string, number> = {};
    for (const row of db
      .prepare<[], { value: string | number; n: number }>(`SELECT ${column} AS value, count(*) AS n FROM entries WHERE deleted_at IS NULL GROUP BY ${column}`)
      .all()) {
      const key = column === 'criticality_rank' ? (row.value === 0 ? 'unknown' : CRITICALITY_LEVELS[(row.value as number) - 1]!) : String(row.value);
      counts[key] = row.n;
    }
    return counts;
  };
  const total = (db.prepare('SELECT count(*) AS n FROM entries WHERE deleted_at IS NULL').get() as { n: number }).n;
  const personalDataCount = (
    db
      .prepare(
        `SELECT count(*) AS n FROM entries e WHERE e.deleted_at IS NULL AND EXISTS (
           SELECT 1 FROM json_each(e.fields, '$.dataCategories') WHERE value IN (${PERSONAL_CATEGORIES.map(() => '?').join(',')}))`,
      )
      .get(...PERSONAL_CATEGORIES) as { n: number }
  ).n;
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
    total,
    byKind: countBy('kind'),
    byCriticality: countBy('criticality_rank'),
    byLifecycle: countBy('lifecycle'),
    personalDataCount,
    openFindings: attention.openFindings,
    needsAttention: attention.items,
    attentionCount: attention.entriesWithOpenFindings,
    recentChanges,
  };
}
