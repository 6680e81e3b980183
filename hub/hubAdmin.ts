import type { Kysely } from 'kysely';
import type { HubDatabase } from './db/hubSchema';
import { writeAudit } from './hubAudit';
import { HubError } from './hubError';
import { CLI_ACTOR } from './hubStore';

/** Token housekeeping for IT, from the command line: who holds a token, and taking one away. */

export interface DeviceListing {
  id: string;
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  /** Entries this device shares now (withdrawn ones not counted). */
  sharedEntries: number;
}

export interface StaffListing {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  /** Web view sessions that have not expired. */
  webSessions: number;
}

export interface RevokeResult {
  id: string;
  name: string;
  /** Set when the token had been revoked before: nothing changed this time. */
  alreadyRevokedAt: string | null;
  /** Staff only: web view sessions ended by this revocation. */
  sessionsEnded: number;
}

export async function listDevices(db: Kysely<HubDatabase>): Promise<DeviceListing[]> {
  const shared = db
    .selectFrom('entries')
    .select((eb) => ['device_id', eb.fn.countAll<number | string>().as('shared')])
    .where('withdrawn_at', 'is', null)
    .groupBy('device_id')
    .as('shared');
  const rows = await db
    .selectFrom('devices')
    .leftJoin(shared, 'shared.device_id', 'devices.id')
    .select(['devices.id', 'devices.name', 'devices.enrolled_at', 'devices.revoked_at', 'shared.shared'])
    .orderBy('devices.enrolled_at')
    .orderBy('devices.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, enrolledAt: row.enrolled_at, revokedAt: row.revoked_at, sharedEntries: Number(row.shared ?? 0) }));
}

export async function listStaff(db: Kysely<HubDatabase>, now: Date): Promise<StaffListing[]> {
  const sessions = db
    .selectFrom('web_sessions')
    .select((eb) => ['staff_id', eb.fn.countAll<number | string>().as('sessions')])
    .where('expires_at', '>', now.toISOString())
    .groupBy('staff_id')
    .as('sessions');
  const rows = await db
    .selectFrom('staff')
    .leftJoin(sessions, 'sessions.staff_id', 'staff.id')
    .select(['staff.id', 'staff.name', 'staff.created_at', 'staff.revoked_at', 'sessions.sessions'])
    .orderBy('staff.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at, webSessions: Number(row.sessions ?? 0) }));
}

// A device id as `devices list` prints it, or its first 8 or more characters.
const DEVICE_ID_PART = /^[0-9a-f-]{8,36}$/;

/** Revokes a device's token at once: its next request gets 401. Its shared entries stay shared. */
export async function revokeDevice(db: Kysely<HubDatabase>, idOrPrefix: string, now: Date): Promise<RevokeResult> {
  const device = await findDevice(db, idOrPrefix);
  if (device.revoked_at !== null) return { id: device.id, name: device.name, alreadyRevokedAt: device.revoked_at, sessionsEnded: 0 };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('devices').set({ revoked_at: now.toISOString() }).where('id', '=', device.id).where('revoked_at', 'is', null).execute();
    await writeAudit(trx, now, CLI_ACTOR, 'device.revoke', device.id, { name: device.name });
  });
  return { id: device.id, name: device.name, alreadyRevokedAt: null, sessionsEnded: 0 };
}

/** The one device whose id is `idOrPrefix` or starts with it (the first 8 characters are enough). */
export async function findDevice(db: Kysely<HubDatabase>, idOrPrefix: string): Promise<{ id: string; name: string; revoked_at: string | null }> {
  const wanted = idOrPrefix.trim().toLowerCase();
  if (!DEVICE_ID_PART.test(wanted)) {
    throw new HubError(400, 'bad-device-id', `"${idOrPrefix}" is not a device id. Run "fieldbook-hub devices list" to see them; the first 8 characters of an id are enough.`);
  }
  // Only hex digits and dashes get here, so the prefix holds no LIKE wildcards.
  const matches = await db
    .selectFrom('devices')
    .select(['id', 'name', 'revoked_at'])
    .where('id', wanted.length === 36 ? '=' : 'like', wanted.length === 36 ? wanted : `${wanted}%`)
    .limit(5)
    .execute();
  if (matches.length === 0) throw new HubError(404, 'device-not-found', `No device has the id "${idOrPrefix}". Run "fieldbook-hub devices list" to see them.`);
  if (matches.length > 1) {
    throw new HubError(409, 'device-id-ambiguous', `"${idOrPrefix}" is the start of more than one device id (${matches.map((row) => row.id).join(', ')}). Give more of the id.`);
  }
  return matches[0]!;
}

/** Revokes a staff member's token and ends their web view sessions, at once. */
export async function revokeStaff(db: Kysely<HubDatabase>, name: string, now: Date): Promise<RevokeResult> {
  const wanted = name.trim();
  const staff = await db.selectFrom('staff').select(['id', 'name', 'revoked_at']).where('name', '=', wanted).executeTakeFirst();
  if (!staff) throw new HubError(404, 'staff-not-found', `There is no staff account called "${wanted}". Run "fieldbook-hub staff list" to see the names.`);
  return db.transaction().execute(async (trx) => {
    // Sessions go even when the token was revoked before: a revoked account keeps none.
    const deleted = await trx.deleteFrom('web_sessions').where('staff_id', '=', staff.id).executeTakeFirst();
    const sessionsEnded = Number(deleted.numDeletedRows);
    if (staff.revoked_at !== null) return { id: staff.id, name: staff.name, alreadyRevokedAt: staff.revoked_at, sessionsEnded };
    await trx.updateTable('staff').set({ revoked_at: now.toISOString() }).where('id', '=', staff.id).execute();
    await writeAudit(trx, now, CLI_ACTOR, 'staff.revoke', staff.id, { name: staff.name, sessionsEnded });
    return { id: staff.id, name: staff.name, alreadyRevokedAt: null, sessionsEnded };
  });
}
