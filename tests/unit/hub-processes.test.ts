import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubTestDatabase, startHub, type RunningHub } from './hub-testHub';

/**
 * Several hub processes behind a load balancer share one PostgreSQL. Here each "process" is its
 * own fastify server with its own connection pool and store, over the same schema.
 */
describe('two hub processes over one PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function twoHubs(): Promise<[RunningHub, RunningHub]> {
    const place = await createHubTestDatabase('postgres');
    cleanups.push(() => place.drop());
    // Both start at once: the migrations must not trip over each other.
    const hubs = await Promise.all([startHub(place), startHub(place)]);
    for (const running of hubs) cleanups.push(() => running.close());
    return hubs;
  }

  const share = (revision: number, name: string) => ({ revision, payload: { name }, sharedAt: '2026-11-25T10:42:00Z' });

  it('see each other’s enrollments, shares, comments and withdrawals', async () => {
    const [a, b] = await twoHubs();
    const { code } = await a.store.createEnrollmentCode();
    const device = (await b.call('POST', '/v1/enroll', { body: { code, deviceName: 'Anna' } })).body as { token: string };
    expect((await a.call('POST', '/v1/enroll', { body: { code, deviceName: 'again' } })).status).toBe(403);
    const staff = (await b.store.addStaff('Ines')).token;

    const entryId = randomUUID();
    expect((await a.call('PUT', `/v1/entries/${entryId}`, { token: device.token, body: share(1, 'pricer') })).body.result).toBe('stored');
    expect((await b.call('PUT', `/v1/entries/${entryId}`, { token: device.token, body: share(1, 'pricer') })).body.result).toBe('unchanged');
    expect((await b.call('GET', '/v1/portfolio', { token: staff })).body.entries).toHaveLength(1);

    await b.call('POST', `/v1/entries/${entryId}/comments`, { token: staff, body: { text: 'from process b' } });
    const changes = await a.call('GET', '/v1/changes?cursor=0', { token: device.token });
    expect(changes.body.changes.map((change: { comment: { text: string } }) => change.comment.text)).toEqual(['from process b']);

    await b.call('DELETE', `/v1/entries/${entryId}`, { token: device.token, body: { revision: 1 } });
    expect((await a.call('GET', '/v1/portfolio', { token: staff })).body.entries).toEqual([]);
  });

  it('the same push sent to both at once is stored exactly once', async () => {
    const [a, b] = await twoHubs();
    const { code } = await a.store.createEnrollmentCode();
    const device = (await a.call('POST', '/v1/enroll', { body: { code, deviceName: 'Anna' } })).body as { token: string };
    const entryIds = Array.from({ length: 10 }, () => randomUUID());
    const answers = await Promise.all(
      entryIds.flatMap((entryId) => [a, b].map((running) => running.call('PUT', `/v1/entries/${entryId}`, { token: device.token, body: share(1, entryId) }))),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.body.result === 'stored')).toHaveLength(10);
    expect(answers.filter((answer) => answer.body.result === 'unchanged')).toHaveLength(10);
    const pushes = (await b.store.auditLog()).filter((row) => row.action === 'push');
    expect(pushes).toHaveLength(10);
  });

  it('comments written through both at once reach the device in cursor order, none skipped', async () => {
    const [a, b] = await twoHubs();
    const { code } = await a.store.createEnrollmentCode();
    const device = (await a.call('POST', '/v1/enroll', { body: { code, deviceName: 'Anna' } })).body as { token: string };
    const staff = (await a.store.addStaff('Ines')).token;
    const entryId = randomUUID();
    await a.call('PUT', `/v1/entries/${entryId}`, { token: device.token, body: share(1, 'pricer') });

    const seen: string[] = [];
    let cursor = 0;
    const pull = async () => {
      const answer = await b.call('GET', `/v1/changes?cursor=${cursor}`, { token: device.token });
      for (const change of answer.body.changes) seen.push(change.comment.text);
      cursor = answer.body.cursor;
    };
    const writes = Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? a : b).call('POST', `/v1/entries/${entryId}/comments`, { token: staff, body: { text: `comment ${n}` } }));
    // Pull while the writes are in flight, then once more after they all landed.
    const pulling = (async () => {
      for (let n = 0; n < 5; n++) await pull();
    })();
    await Promise.all([...writes, pulling]);
    await pull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(Array.from({ length: 20 }, (_, n) => `comment ${n}`).sort());
  });
});
