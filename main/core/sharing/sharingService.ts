import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { Entry } from '../../../shared/entry';
import type { HubChange } from '../../../shared/hub';
import { DEFAULT_PRIVATE_PARTS, type PrivatePart } from '../../../shared/sharing';
import type { EntrySharing, PackUpdate, SharePreview, SharingOverview, SyncStatus } from '../../../shared/sharingContract';
import type { EntryStore } from '../entries';
import { FieldbookError } from '../errors';
import type { EventHub } from '../events';
import type { EntryFiles } from '../files/entryFiles';
import type { GuidelineService } from '../guidelines/guidelineService';
import { verifyPack } from '../guidelines/signing';
import type { Database } from '../store/database';
import { HubClient, normalizeHubUrl, type HubFailure } from './hubClient';
import { pushBody, withdrawBody } from './requestBodies';
import { buildSharePayload } from './sharePayload';
import { SharingStore, type SharedRow } from './sharingStore';
import { DEFAULT_RETRY, SyncEngine, type RetryPolicy } from './syncEngine';
import type { TokenVault } from './tokenVault';

export interface SharingServiceOptions {
  db: Database;
  entries: EntryStore;
  guidelines: GuidelineService;
  files: EntryFiles;
  events: EventHub;
  clock: () => Date;
  vault: TokenVault;
  /** The HTTP function (tests route it through a fault-injecting proxy). */
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

export interface ConnectRequest {
  url: string;
  code: string;
  deviceName: string;
  publisherName: string;
  publisherKey: string;
}

/**
 * Sharing with IT's hub, on the user's terms: nothing is sent before she connects and shares an
 * entry, and what is sent is what the preview showed (one function builds both).
 */
export class SharingService {
  readonly store: SharingStore;
  private engine: SyncEngine | null = null;
  private started = false;

  constructor(private readonly options: SharingServiceOptions) {
    this.store = new SharingStore(options.db);
    options.entries.onWrite((entry, action) => this.entryWritten(entry, action));
    options.events.subscribe((event, payload) => {
      if (event === 'entries.changed') this.afterEdit((payload as { ids: string[] }).ids);
      if (event === 'findings.changed') this.refreshAutoShared((payload as { ids: string[] }).ids);
    });
  }

  /** Starts talking to the hub, if connected. Only the app hosts call this; CLI commands never do. */
  start(): void {
    this.started = true;
    this.engine = this.newEngine();
    this.engine?.start();
  }

  stop(): void {
    this.started = false;
    this.engine?.stop();
  }

  /** Waits for the sync cycle in progress: for tests and orderly shutdown. */
  async idle(): Promise<void> {
    await this.engine?.idle();
  }

  overview(): SharingOverview {
    return {
      status: this.status(),
      entries: this.store
        .allShared()
        .filter((row) => row.name !== null)
        .map((row) => this.describe(row.entry_id, row)),
      packUpdates: this.store.packUpdates(),
    };
  }

  entry(entryId: string): EntrySharing {
    this.options.entries.get(entryId);
    return this.describe(entryId, this.store.shared(entryId));
  }

  status(): SyncStatus {
    const connection = this.store.connection();
    const waiting = this.store.outboxCount();
    if (!connection) {
      return {
        state: 'not-connected',
        message: 'Not connected to IT’s hub. Nothing leaves this computer.',
        hubUrl: null,
        deviceName: null,
        connectedAt: null,
        tokenKeptIn: this.options.vault.description,
        waiting,
        lastContactAt: null,
        nextAttemptAt: null,
      };
    }
    const engine = this.engine?.current() ?? { state: 'waiting-for-connection' as const, message: 'Sharing starts when Fieldbook opens.', nextAttemptAt: null };
    return {
      state: engine.state,
      message: engine.message,
      hubUrl: connection.url,
      deviceName: connection.device_name,
      connectedAt: connection.connected_at,
      tokenKeptIn: this.options.vault.description,
      waiting,
      lastContactAt: connection.last_contact_at,
      nextAttemptAt: engine.nextAttemptAt,
    };
  }

  async connect(request: ConnectRequest): Promise<SharingOverview> {
    const url = normalizeHubUrl(request.url);
    if (request.publisherKey !== '') {
      this.options.guidelines.trustPublisher(request.publisherName || 'IT', request.publisherKey);
    }
    const client = new HubClient({ baseUrl: url, fetch: this.options.fetch, timeoutMs: this.options.timeoutMs });
    const answer = await client.enroll(request.code, request.deviceName || hostname());
    if (!answer.ok) throw connectError(answer.failure, url);
    const previous = this.store.connection();
    this.engine?.stop();
    // A different hub starts with nothing shared: what went to one IT does not go to another.
    if (previous && previous.url !== url) this.store.forgetHub();
    this.options.vault.save(answer.value.token);
    const now = this.now();
    this.store.saveConnection(url, answer.value.deviceId, request.deviceName, now);
    this.store.releaseHeld();
    if (this.started) {
      this.engine = this.newEngine();
      this.engine?.start();
    }
    this.emit([]);
    return this.overview();
  }

  /** Entries deleted for good take IT's comments on them along; what was shared and withdrawn stays listed. */
  forgetComments(entryIds: readonly string[]): void {
    this.store.deleteComments(entryIds);
  }

  /**
   * Forgets the hub on this computer: the token, what was shared with it and what waits to be
   * sent. What was shared stays on the hub (the Sharing screen says so, and suggests withdrawing
   * first, before she confirms); nothing is sent.
   */
  disconnect(): SharingOverview {
    this.engine?.stop();
    this.engine = null;
    this.options.vault.clear();
    this.store.forgetHub();
    this.emit([]);
    return this.overview();
  }

  preview(entryId: string, privateParts: readonly PrivatePart[]): SharePreview {
    const entry = this.options.entries.get(entryId);
    const { text } = this.build(entry, privateParts);
    const row = this.store.shared(entryId);
    return { entryId, payload: text, digest: digest(text), previous: row?.state === 'shared' ? row.payload : null, privateParts: [...privateParts] };
  }

  /** Queues the share the user confirmed; refused if the entry changed since her preview. */
  share(entryId: string, privateParts: readonly PrivatePart[], previewDigest: string, autoShare: boolean): EntrySharing {
    this.requireConnection();
    const entry = this.options.entries.get(entryId);
    const { text } = this.build(entry, privateParts);
    if (digest(text) !== previewDigest) {
      throw new FieldbookError(
        'invalid_input',
        'This entry changed after you looked at what would be sent, so nothing was shared.',
        'Look at the preview again, then share.',
      );
    }
    this.options.db.transaction(() => this.queuePush(entry, text, privateParts, autoShare))();
    this.afterQueue([entryId]);
    return this.entry(entryId);
  }

  setAutoShare(entryId: string, autoShare: boolean): EntrySharing {
    const row = this.store.shared(entryId);
    if (!row || row.state !== 'shared') throw notShared();
    this.options.db.transaction(() => {
      this.store.setAutoShare(entryId, autoShare);
      if (autoShare) this.queueIfChanged(this.options.entries.get(entryId), { ...row, auto_share: 1 });
    })();
    this.afterQueue([entryId]);
    return this.entry(entryId);
  }

  withdraw(entryId: string): EntrySharing {
    this.requireConnection();
    const row = this.store.shared(entryId);
    if (!row || row.state !== 'shared') throw notShared();
    this.options.db.transaction(() => this.queueWithdraw(row))();
    this.afterQueue([entryId]);
    return this.describe(entryId, this.store.shared(entryId));
  }

  /** "Try again now": releases shares the hub refused and runs a cycle. */
  retry(): SharingOverview {
    this.store.releaseHeld();
    this.retryWaitingPacks();
    this.engine?.kick();
    this.emit([]);
    return this.overview();
  }

  // ---- inside the edit's transaction ----------------------------------------------------

  /** Called by the entry store inside the transaction of every edit, deletion and restore. */
  private entryWritten(entry: Entry, action: 'created' | 'updated' | 'deleted' | 'restored'): void {
    const row = this.store.shared(entry.id);
    if (!row || row.state !== 'shared') return;
    if (action === 'deleted') {
      // Deleting a shared entry withdraws it: IT keeps only the fact that it was withdrawn.
      this.queueWithdraw(row);
      return;
    }
    if (row.auto_share === 1) this.queueIfChanged(entry, row);
  }

  private queueIfChanged(entry: Entry, row: SharedRow): void {
    const privateParts = JSON.parse(row.private_parts) as PrivatePart[];
    const { text } = this.build(entry, privateParts);
    if (text !== row.payload) this.queuePush(entry, text, privateParts, row.auto_share === 1);
  }

  private queuePush(entry: Entry, text: string, privateParts: readonly PrivatePart[], autoShare: boolean): void {
    const row = this.store.shared(entry.id);
    const hubRevision = (row?.hub_revision ?? 0) + 1;
    const now = this.now();
    this.store.saveShared({
      entry_id: entry.id,
      state: 'shared',
      hub_revision: hubRevision,
      auto_share: autoShare ? 1 : 0,
      private_parts: JSON.stringify(privateParts),
      payload: text,
      entry_revision: entry.revision,
      queued_at: now,
    });
    this.store.queue(entry.id, 'push', hubRevision, pushBody(hubRevision, now, text), now);
  }

  private queueWithdraw(row: SharedRow): void {
    const hubRevision = row.hub_revision + 1;
    const now = this.now();
    this.store.saveShared({ ...row, state: 'withdrawn', hub_revision: hubRevision, payload: null, entry_revision: null, queued_at: now, auto_share: 0 });
    this.store.queue(row.entry_id, 'withdraw', hubRevision, withdrawBody(hubRevision), now);
  }

  // ---- after commits ----------------------------------------------------------------------

  private afterEdit(ids: string[]): void {
    const shared = ids.filter((id) => this.store.shared(id) !== null);
    if (shared.length === 0) return;
    if (shared.some((id) => this.store.outboxOf(id))) this.engine?.kick();
    this.emit(shared);
  }

  private refreshAutoShared(ids: string[]): void {
    const queued: string[] = [];
    for (const id of ids) {
      const row = this.store.shared(id);
      if (!row || row.state !== 'shared' || row.auto_share !== 1) continue;
      try {
        this.options.db.transaction(() => this.queueIfChanged(this.options.entries.get(id), row))();
        queued.push(id);
      } catch {
        // The entry was deleted meanwhile: its deletion queued the withdrawal.
      }
    }
    if (queued.length > 0) this.afterQueue(queued);
  }

  private afterQueue(ids: string[]): void {
    this.engine?.kick();
    this.emit(ids);
  }

  // ---- packs from the hub -----------------------------------------------------------------

  private packArrived(change: Extract<HubChange, { kind: 'pack' }>): void {
    const { pack } = change;
    const update = this.applyPack(pack.publicationId, pack.packId, pack.version, pack.text, pack.signature);
    this.store.savePackUpdate(update, pack.text, pack.signature);
  }

  private retryWaitingPacks(): void {
    for (const waiting of this.store.packsWaitingForTrust()) {
      const update = this.applyPack(waiting.publicationId, waiting.packId, waiting.version, waiting.text, waiting.signature);
      if (update.status !== 'waiting-for-trust') this.store.savePackUpdate(update, waiting.text, waiting.signature);
    }
  }

  private applyPack(publicationId: string, packId: string, version: string, text: string, signature: string): PackUpdate {
    const base = { publicationId, packId, version, receivedAt: this.now() };
    const guidelines = this.options.guidelines;
    const verification = verifyPack(Buffer.from(text, 'utf8'), signature, guidelines.trustedKeys());
    if (!verification.ok) {
      if (verification.reason === 'unknown-key') {
        return {
          ...base,
          status: 'waiting-for-trust',
          message: `IT’s pack “${packId}” ${version} is signed by a publisher key this computer does not trust yet. Add IT’s publisher key under Guidelines → Trusted publishers; the pack is applied then.`,
        };
      }
      return { ...base, status: 'refused', message: `IT’s pack “${packId}” ${version} was not applied: ${verification.message} Your guidelines in force did not change. Tell IT.` };
    }
    const before = new Map(guidelines.rules().filter((rule) => rule.packId === packId).map((rule) => [rule.id, rule]));
    const previousVersion = guidelines.packsInForce().find((summary) => summary.id === packId)?.version ?? null;
    try {
      guidelines.importPack({ text, signature, unsignedOwn: false });
    } catch (error) {
      const message = error instanceof FieldbookError ? error.message : String(error);
      return { ...base, status: 'refused', message: `IT’s pack “${packId}” ${version} was not applied. ${message}` };
    }
    const after = guidelines.rules().filter((rule) => rule.packId === packId);
    const added = after.filter((rule) => !before.has(rule.id)).length;
    const removed = [...before.keys()].filter((id) => !after.some((rule) => rule.id === id)).length;
    const changed = after.filter((rule) => {
      const old = before.get(rule.id);
      return old !== undefined && JSON.stringify(old) !== JSON.stringify({ ...rule, packVersion: old.packVersion });
    }).length;
    const what = previousVersion === null ? `${after.length} guidelines` : `was ${previousVersion}: ${added} added, ${changed} changed, ${removed} removed`;
    return { ...base, status: 'applied', message: `IT’s pack “${packId}” ${version} is in force (${what}).` };
  }

  // ---- helpers ---------------------------------------------------------------------------

  private build(entry: Entry, privateParts: readonly PrivatePart[]) {
    return buildSharePayload({
      entry,
      privateParts,
      findings: () => this.options.guidelines.findings(entry.id),
      files: () => this.options.files.described(entry.id),
      answerQuestions: () => this.options.guidelines.answerQuestions(),
    });
  }

  private describe(entryId: string, row: SharedRow | null): EntrySharing {
    const outbox = this.store.outboxOf(entryId);
    let name = '';
    let changesWaiting = false;
    try {
      const entry = this.options.entries.get(entryId);
      name = entry.name;
      if (row?.state === 'shared' && !outbox && row.payload !== null) {
        changesWaiting = this.build(entry, JSON.parse(row.private_parts) as PrivatePart[]).text !== row.payload;
      }
    } catch {
      // A deleted entry: its withdrawal is what is left to show.
    }
    return {
      entryId,
      name,
      state: row?.state ?? 'not-shared',
      autoShare: row?.auto_share === 1,
      privateParts: row ? (JSON.parse(row.private_parts) as string[]) : [...DEFAULT_PRIVATE_PARTS],
      changesWaiting,
      queued: outbox?.operation ?? null,
      problem: outbox?.held === 1 ? outbox.last_error : null,
      confirmedAt: row?.confirmed_at ?? null,
      comments: this.store.comments(entryId),
    };
  }

  private newEngine(): SyncEngine | null {
    const connection = this.store.connection();
    const token = connection ? this.options.vault.load() : null;
    if (!connection || !token) return null;
    const client = new HubClient({ baseUrl: connection.url, token, fetch: this.options.fetch, timeoutMs: this.options.timeoutMs });
    return new SyncEngine(
      this.store,
      client,
      {
        clock: this.options.clock,
        changed: (ids) => this.emit(ids),
        packArrived: (change) => this.packArrived(change),
        retryWaitingPacks: () => this.retryWaitingPacks(),
        withdrawnElsewhere: (entryId) => {
          const row = this.store.shared(entryId);
          if (row) this.store.saveShared({ ...row, state: 'withdrawn', payload: null, entry_revision: null, auto_share: 0 });
        },
      },
      this.options.retry ?? DEFAULT_RETRY,
    );
  }

  private requireConnection(): void {
    if (!this.store.connection()) {
      throw new FieldbookError('invalid_input', 'This computer is not connected to IT’s hub, so nothing can be shared yet.', 'Open Sharing and connect with the address and enrollment code IT gave you.');
    }
  }

  private emit(ids: string[]): void {
    this.options.events.emit('sharing.changed', { ids, status: this.status() });
  }

  private now(): string {
    return this.options.clock().toISOString();
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function notShared(): FieldbookError {
  return new FieldbookError('invalid_input', 'This entry is not shared with IT.', 'Share it first from its Sharing tab.');
}

function connectError(failure: HubFailure, url: string): FieldbookError {
  if (failure.kind === 'offline' || failure.kind === 'retry') {
    return new FieldbookError('hub_unavailable', `Could not connect to IT’s hub at ${url}: ${failure.message}`, 'Check the address and your network, then try again. Nothing was sent.');
  }
  return new FieldbookError('hub_unavailable', `IT’s hub did not accept the enrollment code: ${failure.message}`, 'Check the code, or ask IT for a new one. Nothing else was sent.');
}
