import type { HubChange, HubEntryState } from '../../../shared/hub';
import type { SyncState } from '../../../shared/sharingContract';
import type { HubClient, HubFailure } from './hubClient';
import type { OutboxRow, SharingStore } from './sharingStore';
import { pushBody, withdrawBody } from './requestBodies';

export interface RetryPolicy {
  /** First wait after a failure, in milliseconds; it doubles each time, up to maxMs. */
  baseMs: number;
  maxMs: number;
  /** How often to ask the hub for comments and packs while all is well. */
  pollMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 2_000, maxMs: 5 * 60_000, pollMs: 60_000 };

export interface EngineStatus {
  state: SyncState;
  message: string;
  nextAttemptAt: string | null;
}

export interface SyncEngineHooks {
  clock: () => Date;
  /** Something about sharing changed (status, what the hub confirmed, comments): tell the windows. */
  changed(entryIds: string[]): void;
  /** A guideline pack arrived from the hub. */
  packArrived(change: Extract<HubChange, { kind: 'pack' }>): void;
  /** Packs that waited for the user to trust their publisher get another chance. */
  retryWaitingPacks(): void;
  /** The hub took back a push because the entry was withdrawn later (a restored backup): record it. */
  withdrawnElsewhere(entryId: string): void;
  random?: () => number;
}

/**
 * Carries the outbox to the hub and brings back IT's comments and packs. One cycle at a time;
 * failures wait with exponential backoff and jitter. It never deletes anything local because of
 * what the hub says: a hub that lost data gets what this device shared sent again.
 */
export class SyncEngine {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;
  /** The hub refused the token: only connecting again (a new engine) can help, so kicks wait. */
  private tokenRefused = false;
  // Until the first cycle is done, nothing is known to be up to date.
  private status: EngineStatus = { state: 'sending', message: 'Talking to IT’s hub…', nextAttemptAt: null };

  constructor(
    private readonly store: SharingStore,
    private readonly client: HubClient,
    private readonly hooks: SyncEngineHooks,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  current(): EngineStatus {
    return this.status;
  }

  /** Starts now and keeps going until stopped. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Something was queued, or the user asked to try now: run a cycle soon. */
  kick(): void {
    if (this.stopped) return;
    if (this.tokenRefused) return;
    this.failures = 0;
    this.schedule(0);
  }

  /** Resolves when the cycle in progress (if any) has finished: for tests and for closing. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      let next: number | null = null;
      this.running = this.cycle()
        .then((delay) => {
          next = delay;
        })
        .finally(() => {
          this.running = null;
          // A kick during the cycle asks for another at once; otherwise the cycle says when (never
          // from inside the cycle itself: that would count as a kick and loop without pause).
          const delay = this.again ? 0 : next;
          this.again = false;
          if (delay !== null) this.schedule(delay);
        });
    }, delayMs);
    this.timer.unref?.();
  }

  /** One round with the hub; returns when to start the next one (ms), or null to wait for a kick. */
  private async cycle(): Promise<number | null> {
    let outcome: HubFailure | null;
    try {
      outcome = (await this.drain()) ?? (await this.pull());
    } catch (error) {
      // Closing the fieldbook mid-cycle ends it quietly; anything else is retried like an outage.
      if (this.stopped) return null;
      outcome = { kind: 'retry', status: null, message: `Something went wrong while syncing (${error instanceof Error ? error.message : String(error)}).` };
    }
    if (this.stopped) return null;
    if (outcome === null) {
      this.failures = 0;
      const waiting = this.store.outboxCount();
      this.setStatus(waiting > 0 ? 'needs-attention' : 'up-to-date', waiting > 0 ? 'Some shares were not accepted by the hub: see below.' : 'Up to date.', null);
      return this.retry.pollMs;
    }
    if (outcome.kind === 'auth') {
      this.tokenRefused = true;
      this.setStatus(
        'needs-attention',
        `IT’s hub no longer accepts this computer (${outcome.message}) Connect again with a new enrollment code from IT; nothing on this computer was lost.`,
        null,
      );
      return null;
    }
    this.failures += 1;
    const delay = Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** (this.failures - 1)) * (0.5 + (this.hooks.random ?? Math.random)() / 2);
    const next = new Date(this.hooks.clock().getTime() + delay);
    this.setStatus('waiting-for-connection', `Waiting for the hub: ${outcome.message} Fieldbook will try again by itself.`, next.toISOString());
    return delay;
  }

  /** Sends every due outbox row, oldest first. Returns the failure that stopped it, if any. */
  private async drain(): Promise<HubFailure | null> {
    // Each entry at most three times a cycle: a hub that keeps answering "stale" cannot loop us.
    const sends = new Map<string, number>();
    for (;;) {
      const row = this.store.outboxDue().find((candidate) => (sends.get(candidate.entry_id) ?? 0) < 3);
      if (!row || this.stopped) return null;
      sends.set(row.entry_id, (sends.get(row.entry_id) ?? 0) + 1);
      this.setStatus('sending', 'Sending to IT’s hub…', null);
      const failure = await this.send(row);
      if (failure) return failure;
    }
  }

  private async send(row: OutboxRow): Promise<HubFailure | null> {
    const answer = row.operation === 'push' ? await this.client.push(row.entry_id, row.body) : await this.client.withdraw(row.entry_id, row.body);
    if (this.stopped) return null;
    const now = this.hooks.clock().toISOString();
    if (!answer.ok) {
      if (answer.failure.kind === 'refused') {
        this.store.hold(row.entry_id, row.hub_revision, refusalAdvice(answer.failure));
        this.hooks.changed([row.entry_id]);
        return null;
      }
      this.store.failed(row.entry_id, row.hub_revision, answer.failure.message);
      return answer.failure;
    }
    const written = answer.value;
    this.store.touch(now);
    if (written.result === 'stale' && written.stored >= row.hub_revision) {
      this.settleStale(row, written.stored, written.withdrawn);
    } else {
      this.store.db.transaction(() => {
        this.store.done(row.entry_id, row.hub_revision);
        this.store.confirm(row.entry_id, row.hub_revision, now);
      })();
    }
    this.hooks.changed([row.entry_id]);
    return null;
  }

  /**
   * The hub holds a newer revision than this device sent: this fieldbook was restored from an
   * older backup. A withdrawal is sent again at a newer revision; a share is sent again unless
   * the hub's newer state is a withdrawal, which is the user's later wish and is kept.
   */
  private settleStale(row: OutboxRow, stored: number, withdrawnOnHub: boolean): void {
    const next = stored + 1;
    this.store.db.transaction(() => {
      const shared = this.store.shared(row.entry_id);
      if (row.operation === 'push' && withdrawnOnHub) {
        this.store.done(row.entry_id, row.hub_revision);
        this.store.setHubRevision(row.entry_id, stored);
        this.hooks.withdrawnElsewhere(row.entry_id);
        return;
      }
      const body = row.operation === 'push' && shared?.payload ? pushBody(next, shared.queued_at, shared.payload) : withdrawBody(next);
      this.store.setHubRevision(row.entry_id, next);
      this.store.queue(row.entry_id, row.operation, next, body, row.queued_at);
    })();
  }

  /** Brings back comments and packs, and notices a hub that lost what this device shared. */
  private async pull(): Promise<HubFailure | null> {
    const connection = this.store.connection();
    if (!connection) return null;
    let cursor = connection.cursor;
    for (;;) {
      const answer = await this.client.changes(cursor);
      if (this.stopped) return null;
      if (!answer.ok) return answer.failure.kind === 'refused' ? null : answer.failure;
      const { changes, more } = answer.value;
      const now = this.hooks.clock().toISOString();
      const commented = new Set<string>();
      for (const change of changes) {
        if (change.kind === 'comment') {
          if (this.store.saveComment(change.comment, now)) commented.add(change.comment.entryId);
        } else {
          this.hooks.packArrived(change);
        }
      }
      // A hub that was reset numbers its feed from the start again: follow it, keep what we have.
      cursor = answer.value.cursor;
      this.store.setCursor(cursor, now);
      if (commented.size > 0) this.hooks.changed([...commented]);
      if (!more || changes.length === 0) break;
    }
    this.hooks.retryWaitingPacks();
    const held = await this.client.entries();
    if (this.stopped) return null;
    if (!held.ok) return held.failure.kind === 'refused' ? null : held.failure;
    this.resendWhatTheHubLost(held.value.entries);
    return this.store.outboxDue().length > 0 ? await this.drain() : null;
  }

  private resendWhatTheHubLost(onHub: HubEntryState[]): void {
    const byId = new Map(onHub.map((entry) => [entry.entryId, entry]));
    const requeued: string[] = [];
    this.store.db.transaction(() => {
      for (const row of this.store.allShared()) {
        if (this.store.outboxOf(row.entry_id) || row.confirmed_revision === 0) continue;
        const hub = byId.get(row.entry_id);
        const next = Math.max(row.hub_revision, hub?.revision ?? 0) + 1;
        if (row.state === 'shared' && row.payload && (!hub || hub.withdrawn || hub.revision < row.confirmed_revision)) {
          if (hub?.withdrawn && hub.revision > row.hub_revision) continue; // withdrawn later, from another copy: keep it so
          this.store.setHubRevision(row.entry_id, next);
          this.store.queue(row.entry_id, 'push', next, pushBody(next, row.queued_at, row.payload), row.queued_at);
          requeued.push(row.entry_id);
        } else if (row.state === 'withdrawn' && hub && !hub.withdrawn) {
          this.store.setHubRevision(row.entry_id, next);
          this.store.queue(row.entry_id, 'withdraw', next, withdrawBody(next), row.queued_at);
          requeued.push(row.entry_id);
        }
      }
    })();
    if (requeued.length > 0) this.hooks.changed(requeued);
  }

  private setStatus(state: SyncState, message: string, nextAttemptAt: string | null): void {
    const changed = state !== this.status.state || message !== this.status.message || nextAttemptAt !== this.status.nextAttemptAt;
    this.status = { state, message, nextAttemptAt };
    if (changed) this.hooks.changed([]);
  }
}

function refusalAdvice(failure: HubFailure): string {
  if (failure.status === 413) return `${failure.message} Keep the files’ facts or long notes private for this entry, then share again.`;
  if (failure.status === 403) return `${failure.message} Ask IT to look at it; this entry stays on your computer as it is.`;
  return `${failure.message} Share the entry again after checking it; if this keeps happening, tell IT.`;
}
