import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import { parse as parseYaml } from 'yaml';
import { GuidelinePack, PackSignature } from '../shared/guidelines';
import {
  HUB_MAX_PAYLOAD_BYTES,
  type ChangesResponse,
  type EntryWriteResponse,
  type HubChange,
  type HubComment,
  type HubEntry,
  type HubEntryState,
  type HubPackFile,
  type HubPackPublication,
  type PushEntryRequest,
} from '../shared/hub';
import type { AuditLogTable, HubDatabase } from './db/hubSchema';
import { GroupCommit } from './db/groupCommit';
import type { HubDialectKind } from './db/hubMigrations';
import { HubError } from './hubError';
import { DEVICE_TOKEN_PREFIX, STAFF_TOKEN_PREFIX, hashSecret, newEnrollmentCode, newToken, normalizeEnrollmentCode } from './hubTokens';

/** Who is asking. */
export type HubPrincipal = { kind: 'device'; id: string; name: string } | { kind: 'staff'; id: string; name: string };
/** Who did something, for the audit log. */
export type HubActor = HubPrincipal | { kind: 'cli'; id: null; name: string } | { kind: 'anonymous'; id: null; name: string };

export const CLI_ACTOR: HubActor = { kind: 'cli', id: null, name: 'command line' };

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

// Serializes feed inserts on PostgreSQL so that feed.seq values become visible in order: a pull
// can then never skip a row that commits later with a smaller seq.
const FEED_LOCK_KEY = 7_246_001;

export interface HubStoreOptions {
  db: Kysely<HubDatabase>;
  kind: HubDialectKind;
  now?: () => Date;
}

/**
 * Everything the hub stores, and the rules about it. Stateless: every answer comes from the
 * database, so several processes can share one PostgreSQL.
 */
export class HubStore {
  readonly db: Kysely<HubDatabase>;
  readonly kind: HubDialectKind;
  private readonly now: () => Date;
  /** On SQLite, pushes that arrive together share one transaction and one fsync. */
  private readonly pushCommits: GroupCommit<HubDatabase> | null;

  constructor(options: HubStoreOptions) {
    this.db = options.db;
    this.kind = options.kind;
    this.now = options.now ?? (() => new Date());
    this.pushCommits = options.kind === 'sqlite' ? new GroupCommit(options.db) : null;
  }

  private iso(): string {
    return this.now().toISOString();
  }

  // ---- enrollment and tokens -------------------------------------------------------------

  /**
   * Creates an enrollment code; only its hash is kept. With `deviceId`, the code is for that one
   * device (used once): enrolling with it gives the device a new token under its old id, so what it
   * shared stays its own, and its old token stops working.
   */
  async createEnrollmentCode(
    options: { uses?: number; expiresAt?: Date; expiresDays?: number; deviceId?: string } = {},
  ): Promise<{ code: string; uses: number; expiresAt: string }> {
    const uses = options.uses ?? 1;
    if (!Number.isInteger(uses) || uses < 1 || uses > 10_000) throw new HubError(400, 'bad-uses', 'The number of uses must be a whole number from 1 to 10,000.');
    if (options.deviceId !== undefined && uses !== 1) throw new HubError(400, 'bad-uses', 'A code for one device is used once.');
    const expiresDays = options.expiresDays ?? 7;
    if (!(expiresDays > 0) || expiresDays > 365) throw new HubError(400, 'bad-expiry', 'A code expires after 1 to 365 days.');
    const expiresAt = (options.expiresAt ?? new Date(this.now().getTime() + expiresDays * 86_400_000)).toISOString();
    const code = newEnrollmentCode();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('enrollment_codes')
        .values({ code_hash: hashSecret(normalizeEnrollmentCode(code)), uses_left: uses, expires_at: expiresAt, created_at: this.iso(), device_id: options.deviceId ?? null })
        .execute();
      await this.audit(trx, CLI_ACTOR, 'enrollment-code.create', options.deviceId ?? null, { uses, expiresAt, ...(options.deviceId ? { forDevice: true } : {}) });
    });
    return { code, uses, expiresAt };
  }

  /** Exchanges an enrollment code for a device token. The token is returned once and stored hashed. */
  async enroll(code: string, deviceName: string): Promise<{ deviceId: string; token: string }> {
    const codeHash = hashSecret(normalizeEnrollmentCode(code));
    const now = this.iso();
    const token = newToken(DEVICE_TOKEN_PREFIX);
    const enrolled = await this.db.transaction().execute(async (trx): Promise<string | null> => {
      // One conditional update takes a use: two devices racing for the last use cannot both win.
      const taken = await trx
        .updateTable('enrollment_codes')
        .set((eb) => ({ uses_left: eb('uses_left', '-', 1) }))
        .where('code_hash', '=', codeHash)
        .where('uses_left', '>', 0)
        .where('expires_at', '>', now)
        .returning(['code_hash', 'device_id'])
        .executeTakeFirst();
      if (!taken) return null;
      if (taken.device_id !== null) {
        // The device comes back under its own id with a new token; its old token stops working.
        const back = await trx
          .updateTable('devices')
          .set({ name: deviceName, token_hash: hashSecret(token), revoked_at: null })
          .where('id', '=', taken.device_id)
          .returning('id')
          .executeTakeFirst();
        if (!back) return null;
        await this.audit(trx, { kind: 'device', id: back.id, name: deviceName }, 'enroll', back.id, { deviceName, sameDevice: true });
        return back.id;
      }
      const deviceId = randomUUID();
      await trx.insertInto('devices').values({ id: deviceId, name: deviceName, token_hash: hashSecret(token), enrolled_at: now, revoked_at: null }).execute();
      await this.audit(trx, { kind: 'device', id: deviceId, name: deviceName }, 'enroll', deviceId, { deviceName });
      return deviceId;
    });
    if (enrolled === null) {
      await this.audit(this.db, { kind: 'anonymous', id: null, name: deviceName }, 'enroll.refused', null, { deviceName });
      throw new HubError(403, 'enrollment-refused', 'This enrollment code is not valid: it may be mistyped, used up or expired. Ask IT for a new code.');
    }
    return { deviceId: enrolled, token };
  }

  /**
   * Adds an IT staff account and returns its token (shown once, stored hashed). For an account
   * whose token was revoked, gives it a new token instead: the same account, so the comments
   * it wrote stay its own.
   */
  async addStaff(name: string): Promise<{ staffId: string; token: string; reinstated: boolean }> {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > 120) throw new HubError(400, 'bad-name', 'Give the staff member a name (up to 120 characters).');
    const existing = await this.db.selectFrom('staff').select(['id', 'revoked_at']).where('name', '=', trimmed).executeTakeFirst();
    if (existing && existing.revoked_at === null) {
      throw new HubError(
        409,
        'staff-exists',
        `There is already a staff account called "${trimmed}". To give it a new token, revoke the one it has ("fieldbook-hub staff revoke ${trimmed}"), then add it again.`,
      );
    }
    if (existing) {
      const token = newToken(STAFF_TOKEN_PREFIX);
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('staff').set({ token_hash: hashSecret(token), revoked_at: null }).where('id', '=', existing.id).execute();
        await this.audit(trx, CLI_ACTOR, 'staff.reinstate', existing.id, { name: trimmed });
      });
      return { staffId: existing.id, token, reinstated: true };
    }
    const staffId = randomUUID();
    const token = newToken(STAFF_TOKEN_PREFIX);
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('staff').values({ id: staffId, name: trimmed, token_hash: hashSecret(token), created_at: this.iso(), revoked_at: null }).execute();
      await this.audit(trx, CLI_ACTOR, 'staff.add', staffId, { name: trimmed });
    });
    return { staffId, token, reinstated: false };
  }

  /** Finds who a bearer token belongs to, or null. */
  async authenticate(token: string): Promise<HubPrincipal | null> {
    if (token.length < 10 || token.length > 200) return null;
    const tokenHash = hashSecret(token);
    if (token.startsWith(DEVICE_TOKEN_PREFIX)) {
      const device = await this.db.selectFrom('devices').select(['id', 'name']).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
      return device ? { kind: 'device', id: device.id, name: device.name } : null;
    }
    if (token.startsWith(STAFF_TOKEN_PREFIX)) {
      const staff = await this.db.selectFrom('staff').select(['id', 'name']).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
      return staff ? { kind: 'staff', id: staff.id, name: staff.name } : null;
    }
    return null;
  }

  // ---- entries ---------------------------------------------------------------------------

  /**
   * Stores a revision of a device's shared entry. Idempotent: the same (entry, revision) again is
   * "unchanged"; an older revision than the hub holds (or than its withdrawal) is "stale".
   */
  async pushEntry(device: HubPrincipal, entryId: string, request: PushEntryRequest): Promise<EntryWriteResponse> {
    const payload = JSON.stringify(request.payload);
    if (Buffer.byteLength(payload, 'utf8') > HUB_MAX_PAYLOAD_BYTES) {
      throw new HubError(413, 'payload-too-large', `The shared entry is larger than the hub accepts (${HUB_MAX_PAYLOAD_BYTES / 1024} KiB).`);
    }
    const { revision, sharedAt } = request;
    const row = { device_id: device.id, revision, payload, shared_at: sharedAt, received_at: this.iso(), withdrawn_at: null };
    // A new entry is inserted; an existing one is replaced only when it is this device's and
    // older. Anything else changes nothing and returns no row.
    const upsert = (db: QueryCreator<HubDatabase>) =>
      db
        .insertInto('entries')
        .values({ entry_id: entryId, ...row })
        .onConflict((conflict) => conflict.column('entry_id').doUpdateSet(row).where('entries.device_id', '=', device.id).where('entries.revision', '<', revision))
        .returning('entry_id');
    const audit = this.auditRow(device, 'push', entryId, { revision });
    let stored: boolean;
    if (this.pushCommits) {
      // SQLite: the entry and its audit row in one transaction, shared with the pushes that arrive with it.
      stored = await this.pushCommits.run(async (trx) => {
        if (!(await upsert(trx).executeTakeFirst())) return false;
        await trx.insertInto('audit_log').values(audit).execute();
        return true;
      });
    } else {
      // PostgreSQL: one statement, one round trip: the audit row is written only if the entry was.
      const audited = await this.db
        .with('stored', (db) => upsert(db))
        .insertInto('audit_log')
        .columns(['at', 'actor_kind', 'actor_id', 'action', 'target', 'detail'])
        .expression((eb) =>
          eb
            .selectFrom('stored')
            .select((select) => [
              select.val(audit.at).as('at'),
              select.val(audit.actor_kind).as('actor_kind'),
              select.val(audit.actor_id).as('actor_id'),
              select.val(audit.action).as('action'),
              select.ref('stored.entry_id').as('target'),
              select.val(audit.detail).as('detail'),
            ]),
        )
        .returning('id')
        .executeTakeFirst();
      stored = audited !== undefined;
    }
    if (stored) return { entryId, result: 'stored', stored: revision, withdrawn: false };
    // Not stored: say what the hub holds instead (or that the entry is another device's).
    const current = await this.ownedEntry(this.db, device, entryId);
    const result = current.revision === revision && current.withdrawn_at === null ? 'unchanged' : 'stale';
    return { entryId, result, stored: current.revision, withdrawn: current.withdrawn_at !== null };
  }

  /**
   * Withdraws a shared entry: its content and IT's comments on it are deleted, a tombstone with
   * the revision is kept (so a late, older push cannot bring it back).
   */
  async withdrawEntry(device: HubPrincipal, entryId: string, revision: number): Promise<EntryWriteResponse> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.iso();
      const tombstone = { device_id: device.id, revision, payload: null, shared_at: null, received_at: now, withdrawn_at: now };
      const inserted = await trx
        .insertInto('entries')
        .values({ entry_id: entryId, ...tombstone })
        .onConflict((conflict) => conflict.column('entry_id').doNothing())
        .returning('entry_id')
        .executeTakeFirst();
      const updated =
        inserted ??
        (await trx
          .updateTable('entries')
          .set(tombstone)
          .where('entry_id', '=', entryId)
          .where('device_id', '=', device.id)
          .where((eb) => eb.or([eb('revision', '<', revision), eb.and([eb('revision', '=', revision), eb('withdrawn_at', 'is', null)])]))
          .returning('entry_id')
          .executeTakeFirst());
      if (updated) {
        const comments = trx.selectFrom('comments').select('id').where('entry_id', '=', entryId);
        await trx.deleteFrom('feed').where('kind', '=', 'comment').where('ref_id', 'in', comments).execute();
        await trx.deleteFrom('comments').where('entry_id', '=', entryId).execute();
        await this.audit(trx, device, 'withdraw', entryId, { revision });
        return { entryId, result: 'withdrawn', stored: revision, withdrawn: true };
      }
      const current = await this.ownedEntry(trx, device, entryId);
      const result = current.withdrawn_at !== null && current.revision === revision ? 'unchanged' : 'stale';
      return { entryId, result, stored: current.revision, withdrawn: current.withdrawn_at !== null };
    });
  }

  private async ownedEntry(db: Db, device: HubPrincipal, entryId: string) {
    const current = await db.selectFrom('entries').select(['device_id', 'revision', 'withdrawn_at']).where('entry_id', '=', entryId).executeTakeFirst();
    if (!current) throw new HubError(404, 'entry-not-found', 'The hub has no shared entry with this id.');
    if (current.device_id !== device.id) {
      throw new HubError(
        403,
        'not-your-entry',
        'This entry was shared by another device, or by this computer before it was connected again as a new device; only that device can change it. ' +
          'IT can give this computer a code that connects it under its earlier identity.',
      );
    }
    return current;
  }

  /** What the hub holds for each of a device's entries (to compare with the device's outbox). */
  async listDeviceEntries(device: HubPrincipal): Promise<HubEntryState[]> {
    const rows = await this.db
      .selectFrom('entries')
      .select(['entry_id', 'revision', 'withdrawn_at', 'shared_at', 'received_at'])
      .where('device_id', '=', device.id)
      .orderBy('entry_id')
      .execute();
    return rows.map((row) => ({ entryId: row.entry_id, revision: row.revision, withdrawn: row.withdrawn_at !== null, sharedAt: row.shared_at, receivedAt: row.received_at }));
  }

  /** One entry: a device sees only its own; IT staff see any (a withdrawn one as a tombstone). */
  async getEntry(principal: HubPrincipal, entryId: string): Promise<HubEntry> {
    const row = await this.entryQuery(this.db).where('entries.entry_id', '=', entryId).executeTakeFirst();
    if (!row) throw new HubError(404, 'entry-not-found', 'The hub has no shared entry with this id.');
    if (principal.kind === 'device' && row.device_id !== principal.id) {
      throw new HubError(403, 'not-your-entry', 'This entry was shared by another device; a device sees only its own entries.');
    }
    const [entry] = await this.withComments([row]);
    return entry!;
  }

  /** Every shared, not withdrawn entry, with IT's comments: what IT staff see. */
  async portfolio(): Promise<HubEntry[]> {
    const rows = await this.entryQuery(this.db).where('entries.withdrawn_at', 'is', null).orderBy('entries.received_at', 'desc').orderBy('entries.entry_id').execute();
    return this.withComments(rows);
  }

  /** The shared portfolio as one JSON document; recorded in the audit log. */
  async exportPortfolio(actor: HubActor): Promise<{ exportedAt: string; entries: HubEntry[] }> {
    const entries = await this.portfolio();
    await this.audit(this.db, actor, 'export', null, { entries: entries.length });
    return { exportedAt: this.iso(), entries };
  }

  private entryQuery(db: Db) {
    return db
      .selectFrom('entries')
      .innerJoin('devices', 'devices.id', 'entries.device_id')
      .select([
        'entries.entry_id',
        'entries.device_id',
        'devices.name as device_name',
        'entries.revision',
        'entries.payload',
        'entries.shared_at',
        'entries.received_at',
        'entries.withdrawn_at',
      ]);
  }

  private async withComments(
    rows: { entry_id: string; device_id: string; device_name: string; revision: number; payload: string | null; shared_at: string | null; received_at: string; withdrawn_at: string | null }[],
  ): Promise<HubEntry[]> {
    const byEntry = new Map<string, HubComment[]>();
    if (rows.length > 0) {
      const ids = rows.map((row) => row.entry_id);
      for (let start = 0; start < ids.length; start += 500) {
        const comments = await this.commentQuery(this.db).where('comments.entry_id', 'in', ids.slice(start, start + 500)).orderBy('comments.created_at').orderBy('comments.id').execute();
        for (const comment of comments) {
          const list = byEntry.get(comment.entryId) ?? [];
          list.push(comment);
          byEntry.set(comment.entryId, list);
        }
      }
    }
    return rows.map((row) => ({
      entryId: row.entry_id,
      deviceId: row.device_id,
      deviceName: row.device_name,
      revision: row.revision,
      withdrawn: row.withdrawn_at !== null,
      sharedAt: row.shared_at,
      receivedAt: row.received_at,
      payload: row.payload === null ? null : (JSON.parse(row.payload) as Record<string, unknown>),
      comments: byEntry.get(row.entry_id) ?? [],
    }));
  }

  private commentQuery(db: Db) {
    return db
      .selectFrom('comments')
      .innerJoin('staff', 'staff.id', 'comments.staff_id')
      .select(['comments.id as commentId', 'comments.entry_id as entryId', 'comments.text', 'staff.name as author', 'comments.created_at as createdAt']);
  }

  // ---- comments, packs and the feed ------------------------------------------------------

  /** IT staff comment on a shared entry; the comment reaches the device through its feed. */
  async addComment(staff: HubPrincipal, entryId: string, text: string): Promise<HubComment> {
    return this.db.transaction().execute(async (trx) => {
      const entry = await trx.selectFrom('entries').select(['device_id', 'withdrawn_at']).where('entry_id', '=', entryId).executeTakeFirst();
      if (!entry) throw new HubError(404, 'entry-not-found', 'The hub has no shared entry with this id.');
      if (entry.withdrawn_at !== null) throw new HubError(409, 'entry-withdrawn', 'This entry was withdrawn by its owner, so it cannot take comments.');
      const comment = { id: randomUUID(), entry_id: entryId, device_id: entry.device_id, staff_id: staff.id, text, created_at: this.iso() };
      await trx.insertInto('comments').values(comment).execute();
      await this.appendFeed(trx, 'comment', entry.device_id, comment.id);
      await this.audit(trx, staff, 'comment', entryId, { commentId: comment.id });
      return { commentId: comment.id, entryId, text, author: staff.name, createdAt: comment.created_at };
    });
  }

  /**
   * Publishes a guideline pack with its detached signature. The hub checks the pack's shape and
   * that a signature is there; devices verify the signature against the keys they trust.
   */
  async publishPack(actor: HubActor, text: string, signature: string): Promise<HubPackPublication> {
    let document: unknown;
    try {
      document = parseYaml(text);
    } catch (error) {
      throw new HubError(400, 'bad-pack', `The pack is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    const pack = GuidelinePack.safeParse(document);
    if (!pack.success) {
      const first = pack.error.issues[0];
      throw new HubError(400, 'bad-pack', `The pack does not follow the pack format${first ? ` (${first.path.join('.') || 'pack'}: ${first.message})` : ''}.`);
    }
    let signatureDocument: unknown;
    try {
      signatureDocument = JSON.parse(signature);
    } catch {
      signatureDocument = null;
    }
    if (!PackSignature.safeParse(signatureDocument).success) {
      throw new HubError(400, 'bad-signature', 'The signature is not a Fieldbook pack signature. Sign the pack with "fieldbook pack sign" and publish it with its .sig file.');
    }
    const publication = { id: randomUUID(), pack_id: pack.data.id, version: pack.data.version, text, signature, published_at: this.iso(), published_by: actor.name };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('packs').values(publication).execute();
      await this.appendFeed(trx, 'pack', null, publication.id);
      await this.audit(trx, actor, 'pack.publish', `${publication.pack_id}@${publication.version}`, { publicationId: publication.id });
    });
    return { publicationId: publication.id, packId: publication.pack_id, version: publication.version, publishedAt: publication.published_at };
  }

  async listPacks(): Promise<HubPackPublication[]> {
    const rows = await this.db.selectFrom('packs').select(['id', 'pack_id', 'version', 'published_at']).orderBy('published_at').orderBy('id').execute();
    return rows.map((row) => ({ publicationId: row.id, packId: row.pack_id, version: row.version, publishedAt: row.published_at }));
  }

  async getPack(publicationId: string): Promise<HubPackFile> {
    const row = await this.db.selectFrom('packs').selectAll().where('id', '=', publicationId).executeTakeFirst();
    if (!row) throw new HubError(404, 'pack-not-found', 'The hub has no pack publication with this id.');
    return { publicationId: row.id, packId: row.pack_id, version: row.version, publishedAt: row.published_at, text: row.text, signature: row.signature };
  }

  /** Comments for this device and packs for everyone, after the cursor, oldest first. */
  async changes(device: HubPrincipal, cursor: number, limit: number): Promise<ChangesResponse> {
    const rows = await this.db
      .selectFrom('feed')
      .leftJoin('comments', (join) => join.onRef('comments.id', '=', 'feed.ref_id').on('feed.kind', '=', 'comment'))
      .leftJoin('staff', 'staff.id', 'comments.staff_id')
      .leftJoin('packs', (join) => join.onRef('packs.id', '=', 'feed.ref_id').on('feed.kind', '=', 'pack'))
      .select([
        'feed.seq',
        'feed.kind',
        'comments.id as comment_id',
        'comments.entry_id',
        'comments.text as comment_text',
        'comments.created_at as comment_created_at',
        'staff.name as author',
        'packs.id as publication_id',
        'packs.pack_id',
        'packs.version',
        'packs.text as pack_text',
        'packs.signature',
        'packs.published_at',
      ])
      .where('feed.seq', '>', cursor)
      .where((eb) => eb.or([eb('feed.device_id', '=', device.id), eb('feed.device_id', 'is', null)]))
      .orderBy('feed.seq')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const changes: HubChange[] = [];
    for (const row of page) {
      if (row.kind === 'comment' && row.comment_id !== null) {
        changes.push({
          seq: row.seq,
          kind: 'comment',
          comment: { commentId: row.comment_id, entryId: row.entry_id!, text: row.comment_text!, author: row.author ?? 'IT', createdAt: row.comment_created_at! },
        });
      } else if (row.kind === 'pack' && row.publication_id !== null) {
        changes.push({
          seq: row.seq,
          kind: 'pack',
          pack: { publicationId: row.publication_id, packId: row.pack_id!, version: row.version!, publishedAt: row.published_at!, text: row.pack_text!, signature: row.signature! },
        });
      }
    }
    return { changes, cursor: page.length > 0 ? page[page.length - 1]!.seq : cursor, more: rows.length > limit };
  }

  private async appendFeed(trx: Transaction<HubDatabase>, kind: 'comment' | 'pack', deviceId: string | null, refId: string): Promise<void> {
    if (this.kind === 'postgres') await sql`select pg_advisory_xact_lock(${FEED_LOCK_KEY})`.execute(trx);
    await trx.insertInto('feed').values({ kind, device_id: deviceId, ref_id: refId, created_at: this.iso() }).execute();
  }

  // ---- audit log -------------------------------------------------------------------------

  private async audit(db: Db, actor: HubActor, action: string, target: string | null, detail: Record<string, unknown> | null): Promise<void> {
    await db.insertInto('audit_log').values(this.auditRow(actor, action, target, detail)).execute();
  }

  private auditRow(actor: HubActor, action: string, target: string | null, detail: Record<string, unknown> | null) {
    return { at: this.iso(), actor_kind: actor.kind, actor_id: actor.id, action, target, detail: detail === null ? null : JSON.stringify(detail) };
  }

  /** The audit log, newest first. */
  async auditLog(limit = 1000): Promise<(Omit<AuditLogTable, 'id'> & { id: number })[]> {
    return this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }

  async checkHealth(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
}
