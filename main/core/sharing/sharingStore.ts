import type { HubComment } from '../../../shared/hub';
import type { PackUpdate } from '../../../shared/sharingContract';
import type { Database } from '../store/database';

export interface ConnectionRow {
  url: string;
  device_id: string;
  device_name: string;
  connected_at: string;
  cursor: number;
  last_contact_at: string | null;
}

export interface SharedRow {
  entry_id: string;
  state: 'shared' | 'withdrawn';
  hub_revision: number;
  auto_share: number;
  private_parts: string;
  payload: string | null;
  entry_revision: number | null;
  queued_at: string;
  confirmed_revision: number;
  confirmed_at: string | null;
}

export interface OutboxRow {
  entry_id: string;
  operation: 'push' | 'withdraw';
  hub_revision: number;
  body: string;
  queued_at: string;
  attempts: number;
  last_error: string | null;
  held: number;
}

/**
 * The sharing tables (migration 4). Every change to what is shared and the outbox entry that
 * carries it to the hub are written together, in the caller's transaction.
 */
export class SharingStore {
  private readonly statements;

  constructor(readonly db: Database) {
    this.statements = {
      connection: db.prepare<[], ConnectionRow>('SELECT url, device_id, device_name, connected_at, cursor, last_contact_at FROM hub_connection WHERE id = 1'),
      saveConnection: db.prepare(
        `INSERT INTO hub_connection (id, url, device_id, device_name, connected_at, cursor, last_contact_at) VALUES (1, ?, ?, ?, ?, 0, ?)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, device_id = excluded.device_id, device_name = excluded.device_name,
           connected_at = excluded.connected_at, cursor = 0, last_contact_at = excluded.last_contact_at`,
      ),
      deleteConnection: db.prepare('DELETE FROM hub_connection'),
      setCursor: db.prepare('UPDATE hub_connection SET cursor = ?, last_contact_at = ? WHERE id = 1'),
      touch: db.prepare('UPDATE hub_connection SET last_contact_at = ? WHERE id = 1'),
      shared: db.prepare<[string], SharedRow>('SELECT * FROM shared_entries WHERE entry_id = ?'),
      allShared: db.prepare<[], SharedRow & { name: string | null }>(
        `SELECT s.*, e.name AS name FROM shared_entries s LEFT JOIN entries e ON e.id = s.entry_id ORDER BY e.name COLLATE NOCASE`,
      ),
      saveShared: db.prepare(
        `INSERT INTO shared_entries (entry_id, state, hub_revision, auto_share, private_parts, payload, entry_revision, queued_at, confirmed_revision, confirmed_at)
         VALUES (@entry_id, @state, @hub_revision, @auto_share, @private_parts, @payload, @entry_revision, @queued_at, 0, NULL)
         ON CONFLICT (entry_id) DO UPDATE SET state = excluded.state, hub_revision = excluded.hub_revision, auto_share = excluded.auto_share,
           private_parts = excluded.private_parts, payload = excluded.payload, entry_revision = excluded.entry_revision, queued_at = excluded.queued_at`,
      ),
      setAutoShare: db.prepare('UPDATE shared_entries SET auto_share = ? WHERE entry_id = ?'),
      setHubRevision: db.prepare('UPDATE shared_entries SET hub_revision = ? WHERE entry_id = ?'),
      confirm: db.prepare(
        'UPDATE shared_entries SET confirmed_revision = max(confirmed_revision, ?), confirmed_at = ? WHERE entry_id = ?',
      ),
      clearShared: db.prepare('DELETE FROM shared_entries'),
      outboxOf: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE entry_id = ?'),
      outboxDue: db.prepare<[], OutboxRow>('SELECT * FROM outbox WHERE held = 0 ORDER BY queued_at, entry_id'),
      outboxCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox'),
      saveOutbox: db.prepare(
        `INSERT INTO outbox (entry_id, operation, hub_revision, body, queued_at, attempts, last_error, held) VALUES (?, ?, ?, ?, ?, 0, NULL, 0)
         ON CONFLICT (entry_id) DO UPDATE SET operation = excluded.operation, hub_revision = excluded.hub_revision, body = excluded.body,
           queued_at = excluded.queued_at, attempts = 0, last_error = NULL, held = 0`,
      ),
      // Only the operation that was sent is removed: a newer one queued meanwhile stays.
      doneOutbox: db.prepare('DELETE FROM outbox WHERE entry_id = ? AND hub_revision = ?'),
      failOutbox: db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE entry_id = ? AND hub_revision = ?'),
      holdOutbox: db.prepare('UPDATE outbox SET held = 1, attempts = attempts + 1, last_error = ? WHERE entry_id = ? AND hub_revision = ?'),
      releaseHeld: db.prepare('UPDATE outbox SET held = 0, last_error = NULL WHERE held = 1'),
      clearOutbox: db.prepare('DELETE FROM outbox'),
      commentsOf: db.prepare<[string], { comment_id: string; text: string; author: string; created_at: string }>(
        'SELECT comment_id, text, author, created_at FROM hub_comments WHERE entry_id = ? ORDER BY created_at, comment_id',
      ),
      deleteComments: db.prepare('DELETE FROM hub_comments WHERE entry_id = ?'),
      saveComment: db.prepare(
        'INSERT OR IGNORE INTO hub_comments (comment_id, entry_id, text, author, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      packUpdates: db.prepare<[], { publication_id: string; pack_id: string; version: string; received_at: string; status: PackUpdate['status']; message: string }>(
        'SELECT publication_id, pack_id, version, received_at, status, message FROM hub_pack_updates ORDER BY received_at DESC, publication_id LIMIT 20',
      ),
      packsWaiting: db.prepare<[], { publication_id: string; pack_id: string; version: string; text: string; signature: string }>(
        `SELECT publication_id, pack_id, version, text, signature FROM hub_pack_updates WHERE status = 'waiting-for-trust' ORDER BY received_at`,
      ),
      savePackUpdate: db.prepare(
        `INSERT INTO hub_pack_updates (publication_id, pack_id, version, received_at, status, message, text, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (publication_id) DO UPDATE SET status = excluded.status, message = excluded.message`,
      ),
    };
  }

  connection(): ConnectionRow | null {
    return this.statements.connection.get() ?? null;
  }

  saveConnection(url: string, deviceId: string, deviceName: string, at: string): void {
    this.statements.saveConnection.run(url, deviceId, deviceName, at, at);
  }

  /** Forgets the hub: the connection, what was shared with it, the outbox. IT's comments stay. */
  forgetHub(): void {
    this.db.transaction(() => {
      this.statements.deleteConnection.run();
      this.statements.clearShared.run();
      this.statements.clearOutbox.run();
    })();
  }

  setCursor(cursor: number, at: string): void {
    this.statements.setCursor.run(cursor, at);
  }

  touch(at: string): void {
    this.statements.touch.run(at);
  }

  shared(entryId: string): SharedRow | null {
    return this.statements.shared.get(entryId) ?? null;
  }

  allShared(): (SharedRow & { name: string | null })[] {
    return this.statements.allShared.all();
  }

  saveShared(row: Omit<SharedRow, 'confirmed_revision' | 'confirmed_at'>): void {
    this.statements.saveShared.run(row);
  }

  setAutoShare(entryId: string, autoShare: boolean): void {
    this.statements.setAutoShare.run(autoShare ? 1 : 0, entryId);
  }

  setHubRevision(entryId: string, hubRevision: number): void {
    this.statements.setHubRevision.run(hubRevision, entryId);
  }

  confirm(entryId: string, hubRevision: number, at: string): void {
    this.statements.confirm.run(hubRevision, at, entryId);
  }

  outboxOf(entryId: string): OutboxRow | null {
    return this.statements.outboxOf.get(entryId) ?? null;
  }

  outboxDue(): OutboxRow[] {
    return this.statements.outboxDue.all();
  }

  outboxCount(): number {
    return this.statements.outboxCount.get()!.n;
  }

  queue(entryId: string, operation: OutboxRow['operation'], hubRevision: number, body: string, at: string): void {
    this.statements.saveOutbox.run(entryId, operation, hubRevision, body, at);
  }

  done(entryId: string, hubRevision: number): void {
    this.statements.doneOutbox.run(entryId, hubRevision);
  }

  failed(entryId: string, hubRevision: number, message: string): void {
    this.statements.failOutbox.run(message, entryId, hubRevision);
  }

  hold(entryId: string, hubRevision: number, message: string): void {
    this.statements.holdOutbox.run(message, entryId, hubRevision);
  }

  releaseHeld(): void {
    this.statements.releaseHeld.run();
  }

  comments(entryId: string): { commentId: string; text: string; author: string; createdAt: string }[] {
    return this.statements.commentsOf.all(entryId).map((row) => ({ commentId: row.comment_id, text: row.text, author: row.author, createdAt: row.created_at }));
  }

  /** Stores a comment once: the same comment arriving again changes nothing. */
  /** Removes IT's comments on entries deleted for good. */
  deleteComments(entryIds: readonly string[]): void {
    for (const id of entryIds) this.statements.deleteComments.run(id);
  }

  saveComment(comment: HubComment, at: string): boolean {
    return this.statements.saveComment.run(comment.commentId, comment.entryId, comment.text, comment.author, comment.createdAt, at).changes > 0;
  }

  packUpdates(): PackUpdate[] {
    return this.statements.packUpdates.all().map((row) => ({
      publicationId: row.publication_id,
      packId: row.pack_id,
      version: row.version,
      receivedAt: row.received_at,
      status: row.status,
      message: row.message,
    }));
  }

  packsWaitingForTrust(): { publicationId: string; packId: string; version: string; text: string; signature: string }[] {
    return this.statements.packsWaiting.all().map((row) => ({
      publicationId: row.publication_id,
      packId: row.pack_id,
      version: row.version,
      text: row.text,
      signature: row.signature,
    }));
  }

  savePackUpdate(update: PackUpdate, text: string, signature: string): void {
    this.statements.savePackUpdate.run(update.publicationId, update.packId, update.version, update.receivedAt, update.status, update.message, text, signature);
  }
}
