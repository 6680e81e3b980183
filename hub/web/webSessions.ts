import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/hubSchema';
import type { HubPrincipal } from '../hubStore';
import { hashSecret } from '../hubTokens';

/** How long a web view sign-in lasts: a working day. */
export const WEB_SESSION_HOURS = 8;

export interface WebSession {
  sessionId: string;
  staff: HubPrincipal & { kind: 'staff' };
  /** Sent back with every form; made from the session id, so it needs no storage of its own. */
  csrfToken: string;
  expiresAt: string;
}

/**
 * Starts a session for a staff member. The random id goes to the browser; the database keeps only
 * its hash, so a copy of the database opens no session. Expired sessions are cleared on the way.
 */
export async function createWebSession(db: Kysely<HubDatabase>, staff: HubPrincipal, now: Date): Promise<WebSession> {
  if (staff.kind !== 'staff') throw new Error('Only IT staff get a web view session.');
  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + WEB_SESSION_HOURS * 3_600_000).toISOString();
  await db.deleteFrom('web_sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db.insertInto('web_sessions').values({ id_hash: hashSecret(sessionId), staff_id: staff.id, created_at: now.toISOString(), expires_at: expiresAt }).execute();
  return { sessionId, staff: { kind: 'staff', id: staff.id, name: staff.name }, csrfToken: csrfTokenFor(sessionId), expiresAt };
}

/** The session for this id, if it exists, has not expired and its staff token is not revoked. */
export async function findWebSession(db: Kysely<HubDatabase>, sessionId: string, now: Date): Promise<WebSession | null> {
  if (sessionId.length < 20 || sessionId.length > 100) return null;
  const row = await db
    .selectFrom('web_sessions')
    .innerJoin('staff', 'staff.id', 'web_sessions.staff_id')
    .select(['staff.id', 'staff.name', 'web_sessions.expires_at'])
    .where('web_sessions.id_hash', '=', hashSecret(sessionId))
    .where('web_sessions.expires_at', '>', now.toISOString())
    .where('staff.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return { sessionId, staff: { kind: 'staff', id: row.id, name: row.name }, csrfToken: csrfTokenFor(sessionId), expiresAt: row.expires_at };
}

export async function endWebSession(db: Kysely<HubDatabase>, sessionId: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id_hash', '=', hashSecret(sessionId)).execute();
}

/** The session's form token: a keyed hash of the session id, which only the browser and this request know. */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('fieldbook-hub web form').digest('base64url');
}
