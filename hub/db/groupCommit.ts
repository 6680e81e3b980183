import type { Kysely, Transaction } from 'kysely';
import { HubError } from '../hubError';

interface Queued<DB> {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the SQLite hub: writes that arrive together share one transaction, so one
 * fsync makes all of them durable. Each caller still gets its answer only after that commit, so
 * nothing is acknowledged that a power cut could take back (synchronous=FULL stays). On this
 * machine a commit's fsync costs ~0.4 ms: one per push capped the hub's pushes per second.
 *
 * The items of a batch run one after another, exactly as separate transactions would. An item may
 * fail with a HubError only before it writes anything (the caller gets the error, the others go
 * on); any other error rolls the whole batch back and every item in it fails with that error.
 */
export class GroupCommit<DB> {
  private queue: Queued<DB>[] = [];
  private busy = false;

  constructor(private readonly db: Kysely<DB>) {}

  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.busy || this.queue.length === 0) return;
    this.busy = true;
    // setImmediate, not a microtask: requests that are being read and authenticated right now
    // reach the queue first and join this batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: await item.work(trx) });
          } catch (error) {
            if (!(error instanceof HubError)) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      });
      batch.forEach((item, index) => {
        const outcome = outcomes[index]!;
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      this.busy = false;
      this.schedule();
    }
  }
}
