import type { Kysely, Transaction } from 'kysely';
import type { HubDatabase } from './db/hubSchema';
import type { HubActor } from './hubStore';

/**
 * Writes one audit log row, for the hub's own tools (the web view, token revocation). The store
 * writes its rows the same way: who, did what, to what, with a little detail (never a secret).
 */
export async function writeAudit(
  db: Kysely<HubDatabase> | Transaction<HubDatabase>,
  at: Date,
  actor: HubActor,
  action: string,
  target: string | null,
  detail: Record<string, unknown> | null,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: at.toISOString(), actor_kind: actor.kind, actor_id: actor.id, action, target, detail: detail === null ? null : JSON.stringify(detail) })
    .execute();
}
