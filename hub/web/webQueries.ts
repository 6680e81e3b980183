import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/hubSchema';
import { readSharedPayload } from './sharedView';

/** The reads the web view needs beyond the store's own. */

export interface ShareHistoryItem {
  action: 'push' | 'withdraw';
  at: string;
  revision: number | null;
}

/** Every share and withdrawal of one entry, from the audit log, oldest first. */
export async function shareHistory(db: Kysely<HubDatabase>, entryId: string): Promise<ShareHistoryItem[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'at', 'detail'])
    .where('target', '=', entryId)
    .where('action', 'in', ['push', 'withdraw'])
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map((row) => {
    let revision: number | null = null;
    try {
      const detail: unknown = row.detail === null ? null : JSON.parse(row.detail);
      if (typeof detail === 'object' && detail !== null && 'revision' in detail && typeof detail.revision === 'number') revision = detail.revision;
    } catch {
      // An unreadable detail still leaves the time of the share.
    }
    return { action: row.action === 'withdraw' ? 'withdraw' : 'push', at: row.at, revision };
  });
}

/** Names of those entries that are shared now (not withdrawn), by id. */
export async function sharedNames(db: Kysely<HubDatabase>, entryIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (entryIds.length === 0) return names;
  const rows = await db.selectFrom('entries').select(['entry_id', 'payload']).where('entry_id', 'in', entryIds).where('withdrawn_at', 'is', null).execute();
  for (const row of rows) {
    let payload: unknown = null;
    try {
      payload = row.payload === null ? null : JSON.parse(row.payload);
    } catch {
      payload = null;
    }
    const view = readSharedPayload(typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null);
    names.set(row.entry_id, view.name ?? 'An entry without a name');
  }
  return names;
}
