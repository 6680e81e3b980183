import type { EnrolledDevice } from './hubProcess';
import { benchSharePayload } from './hubPayload';

/** A benchmark device's view of its shared entries, and the tally of what the hub answered. */

export interface BenchEntry {
  id: string;
  index: number;
  /** The last revision sent, and the last one the hub answered "stored" for. */
  sent: number;
  stored: number;
}

export interface BenchDevice extends EnrolledDevice {
  index: number;
  entries: BenchEntry[];
  next: number;
}

export interface LoadResult {
  stored: number;
  /** 200 answers other than "stored" (unchanged, stale): none are expected. */
  notStored: number;
  /** HTTP status → count, for every answer that was not 200. */
  failures: Map<number, number>;
  /** Requests that got no answer (connection errors, timeouts). */
  errors: number;
  timeouts: number;
  /** Milliseconds per answer. */
  latencies: number[];
  seconds: number;
  bodyBytes: number[];
}

export function newLoadResult(): LoadResult {
  return { stored: 0, notStored: 0, failures: new Map(), errors: 0, timeouts: 0, latencies: [], seconds: 0, bodyBytes: [] };
}

/** The device's next share: its entries in turn, each at its next revision. */
export function nextShare(device: BenchDevice, result: LoadResult): { path: string; headers: Record<string, string>; body: string } {
  const entry = device.entries[device.next++ % device.entries.length]!;
  entry.sent += 1;
  const now = new Date().toISOString();
  const body = JSON.stringify({ revision: entry.sent, payload: benchSharePayload(entry.id, device.index, entry.index, entry.sent, now), sharedAt: now });
  if (result.bodyBytes.length < 1000) result.bodyBytes.push(Buffer.byteLength(body));
  return { path: `/v1/entries/${entry.id}`, headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' }, body };
}

/** A share counts only when the hub answered 200 with result "stored" for one of this device's entries. */
export function recordAnswer(result: LoadResult, device: BenchDevice, status: number, body: string): void {
  if (status !== 200) {
    result.failures.set(status, (result.failures.get(status) ?? 0) + 1);
    return;
  }
  const answer = JSON.parse(body) as { entryId: string; result: string; stored: number };
  const entry = device.entries.find((candidate) => candidate.id === answer.entryId);
  if (answer.result === 'stored' && entry) {
    result.stored += 1;
    entry.stored = Math.max(entry.stored, answer.stored);
  } else {
    result.notStored += 1;
  }
}
