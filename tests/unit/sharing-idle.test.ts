import { describe, expect, it } from 'vitest';
import { recordingFetch, useSharingFixture, waitUntil, type SentRequest } from './helpers/sharingFixture';

const fixture = useSharingFixture();

describe('a connected fieldbook at rest', () => {
  it('leaves the hub alone between polls, and waits between retries when the hub is down', async () => {
    const hub = await fixture.hub();
    const { code } = await hub.store.createEnrollmentCode({ uses: 5 });
    const sent: SentRequest[] = [];
    const book = fixture.book({ hubFetch: recordingFetch(sent), hubRetry: { baseMs: 200, maxMs: 400, pollMs: 60_000 } });
    await book.sharing.connect({ url: hub.url, code, deviceName: 'Anna’s laptop', publisherName: '', publisherKey: '' });
    await waitUntil(() => book.sharing.status().state === 'up-to-date', 'the first sync cycle is done');

    const atRest = sent.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent.length - atRest).toBe(0);

    // The hub goes away: attempts come a backoff apart (200–400 ms here), not back to back.
    await hub.close();
    book.sharing.retry();
    await waitUntil(() => book.sharing.status().state === 'waiting-for-connection', 'the outage is noticed');
    const down = sent.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sent.length - down).toBeLessThanOrEqual(5);
  });
});
