import { afterEach } from 'vitest';
import { openFieldbook, type Fieldbook, type FieldbookOptions } from '../../../main/core/fieldbook';
import { createHubTestDatabase, startHub, type HubBackend, type HubTestDatabase, type RunningHub } from '../hub-testHub';
import { useTempDirs } from './tempDir';

/** Every request a fieldbook sent to a hub, as the bytes it sent (Node's real fetch does the sending). */
export interface SentRequest {
  method: string;
  url: string;
  body: string | null;
}

export function recordingFetch(sent: SentRequest[], inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    sent.push({ method: init?.method ?? 'GET', url: String(input), body: typeof init?.body === 'string' ? init.body : null });
    return inner(input, init);
  };
}

/** Polls until `check` holds (sync cycles run on timers), failing with `what` after a while. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A real hub (fastify over a real database) and fieldbooks to connect to it, all closed after each test. */
export function useSharingFixture() {
  const tempDir = useTempDirs();
  const hubs: { hub: RunningHub; place: HubTestDatabase }[] = [];
  const books: Fieldbook[] = [];
  afterEach(async () => {
    for (const book of books.splice(0)) book.close();
    for (const { hub, place } of hubs.splice(0)) {
      await hub.close().catch(() => undefined);
      await place.drop();
    }
  });
  return {
    tempDir,
    async hub(backend: HubBackend = 'sqlite'): Promise<RunningHub> {
      const place = await createHubTestDatabase(backend);
      const hub = await startHub(place);
      hubs.push({ hub, place });
      return hub;
    },
    book(options: Partial<FieldbookOptions> = {}): Fieldbook {
      const book = openFieldbook({ dataDir: tempDir(), hubRetry: { baseMs: 20, maxMs: 200, pollMs: 60_000 }, hubTimeoutMs: 2_000, ...options });
      book.sharing.start();
      books.push(book);
      return book;
    },
  };
}
