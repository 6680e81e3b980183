import type { Generated } from 'kysely';

/**
 * The hub's tables. Times are ISO-8601 UTC strings (`toISOString()`), so they sort and compare
 * the same way on SQLite and PostgreSQL. Tokens and enrollment codes are stored only as SHA-256
 * hashes.
 */
export interface HubDatabase {
  devices: DevicesTable;
  staff: StaffTable;
  enrollment_codes: EnrollmentCodesTable;
  entries: EntriesTable;
  comments: CommentsTable;
  packs: PacksTable;
  feed: FeedTable;
  audit_log: AuditLogTable;
  web_sessions: WebSessionsTable;
}

export interface DevicesTable {
  id: string;
  name: string;
  token_hash: string;
  enrolled_at: string;
  revoked_at: string | null;
}

export interface StaffTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EnrollmentCodesTable {
  code_hash: string;
  uses_left: number;
  expires_at: string;
  created_at: string;
  /** A code for one device already known (revoked or rebuilt): enrolling with it takes over that device. */
  device_id: string | null;
}

/** One row per shared entry; a withdrawn entry keeps only its tombstone (payload null). */
export interface EntriesTable {
  entry_id: string;
  device_id: string;
  revision: number;
  payload: string | null;
  shared_at: string | null;
  received_at: string;
  withdrawn_at: string | null;
}

export interface CommentsTable {
  id: string;
  entry_id: string;
  device_id: string;
  staff_id: string;
  text: string;
  created_at: string;
}

export interface PacksTable {
  id: string;
  pack_id: string;
  version: string;
  text: string;
  signature: string;
  published_at: string;
  published_by: string;
}

/**
 * What devices pull, in one order: `seq` is the cursor. A row addressed to one device has its
 * device_id; a row for every device (a pack) has none.
 */
export interface FeedTable {
  seq: Generated<number>;
  kind: 'comment' | 'pack';
  device_id: string | null;
  ref_id: string;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_kind: 'device' | 'staff' | 'cli' | 'anonymous';
  actor_id: string | null;
  action: string;
  target: string | null;
  detail: string | null;
}

/** A signed-in IT staff member in the web view. The session id lives in the browser's cookie; only its hash is here. */
export interface WebSessionsTable {
  id_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
}
