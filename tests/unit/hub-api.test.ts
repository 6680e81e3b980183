import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generatePublisherKeys, signPack } from '../../main/core/guidelines/signing';
import { HUB_BACKENDS, createHubTestDatabase, startHub, type HubBackend, type RunningHub } from './hub-testHub';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const BASELINE_PACK = readFileSync(join(import.meta.dirname, '..', '..', 'packs', 'baseline.yaml'), 'utf8');

describe.each(HUB_BACKENDS)('the hub on %s', (backend: HubBackend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function hub(options: Parameters<typeof startHub>[1] = {}): Promise<RunningHub> {
    const place = await createHubTestDatabase(backend);
    cleanups.push(() => place.drop());
    const running = await startHub(place, options);
    cleanups.push(() => running.close());
    return running;
  }

  async function enrolledDevice(running: RunningHub, name = 'Anna’s laptop') {
    const { code } = await running.store.createEnrollmentCode();
    const answer = await running.call('POST', '/v1/enroll', { body: { code, deviceName: name } });
    expect(answer.status).toBe(200);
    return answer.body as { deviceId: string; token: string };
  }

  async function staffToken(running: RunningHub, name = 'Ines from IT') {
    return (await running.store.addStaff(name)).token;
  }

  const share = (revision: number, name = 'Quote pricer') => ({ revision, payload: { id: 'x', name, criticality: 'high' }, sharedAt: '2026-11-25T10:42:00Z' });

  describe('enrollment', () => {
    it('a device enrolls with a code and gets a token that works', async () => {
      const running = await hub();
      const device = await enrolledDevice(running);
      expect(device.token).toMatch(/^fbd_[A-Za-z0-9_-]{43}$/);
      expect((await running.call('GET', '/v1/entries', { token: device.token })).body).toEqual({ entries: [] });
    });

    it('a single-use code is refused the second time', async () => {
      const running = await hub();
      const { code } = await running.store.createEnrollmentCode({ uses: 1 });
      expect((await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'first' } })).status).toBe(200);
      const second = await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'second' } });
      expect(second.status).toBe(403);
      expect(second.body.error.message).toContain('used up or expired');
    });

    it('a code for three devices enrolls three and refuses the fourth', async () => {
      const running = await hub();
      const { code } = await running.store.createEnrollmentCode({ uses: 3 });
      const answers = await Promise.all([1, 2, 3, 4].map((n) => running.call('POST', '/v1/enroll', { body: { code, deviceName: `device ${n}` } })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 403]);
    });

    it('an expired code is refused', async () => {
      const running = await hub();
      const { code } = await running.store.createEnrollmentCode({ expiresAt: new Date(Date.now() - 1000) });
      const answer = await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'late' } });
      expect(answer.status).toBe(403);
    });

    it('a code typed in lower case and without dashes still works', async () => {
      const running = await hub();
      const { code } = await running.store.createEnrollmentCode();
      const typed = code.replace(/-/g, '').toLowerCase();
      expect((await running.call('POST', '/v1/enroll', { body: { code: typed, deviceName: 'typed' } })).status).toBe(200);
    });

    it('tokens and codes are stored only as hashes', async () => {
      const running = await hub();
      const { code } = await running.store.createEnrollmentCode();
      const device = (await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'laptop' } })).body as { token: string };
      const staff = await staffToken(running);
      const devices = await running.database.db.selectFrom('devices').selectAll().execute();
      const staffRows = await running.database.db.selectFrom('staff').selectAll().execute();
      const codes = await running.database.db.selectFrom('enrollment_codes').selectAll().execute();
      expect(devices.map((row) => row.token_hash)).toEqual([sha256(device.token)]);
      expect(staffRows.map((row) => row.token_hash)).toEqual([sha256(staff)]);
      expect(codes.map((row) => row.code_hash)).toEqual([sha256(code.replace(/-/g, ''))]);
      const everything = JSON.stringify([devices, staffRows, codes, await running.database.db.selectFrom('audit_log').selectAll().execute()]);
      expect(everything).not.toContain(device.token);
      expect(everything).not.toContain(staff);
      expect(everything).not.toContain(code);
    });
  });

  describe('who may do what', () => {
    it('without a token, or with a wrong one, the hub answers 401', async () => {
      const running = await hub();
      expect((await running.call('GET', '/v1/entries')).status).toBe(401);
      expect((await running.call('GET', '/v1/portfolio', { token: 'fbs_not-a-real-token-at-all' })).status).toBe(401);
      const answer = await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: 'fbd_made-up-token-0000000000', body: share(1) });
      expect(answer.status).toBe(401);
      expect(answer.body.error.message).toContain('not valid');
    });

    it('a device cannot read, overwrite or withdraw another device’s entry', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running, 'Anna');
      const ben = await enrolledDevice(running, 'Ben');
      const entryId = randomUUID();
      expect((await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(1, 'Anna’s pricer') })).status).toBe(200);

      expect((await running.call('GET', `/v1/entries/${entryId}`, { token: ben.token })).status).toBe(403);
      const overwrite = await running.call('PUT', `/v1/entries/${entryId}`, { token: ben.token, body: share(5, 'Ben’s version') });
      expect(overwrite.status).toBe(403);
      expect((await running.call('DELETE', `/v1/entries/${entryId}`, { token: ben.token, body: { revision: 9 } })).status).toBe(403);
      expect((await running.call('GET', '/v1/entries', { token: ben.token })).body.entries).toEqual([]);

      const annasView = await running.call('GET', `/v1/entries/${entryId}`, { token: anna.token });
      expect(annasView.body).toMatchObject({ revision: 1, withdrawn: false, payload: { name: 'Anna’s pricer' } });
    });

    it('only IT staff read the portfolio and comment; staff cannot push entries', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running);
      const staff = await staffToken(running);
      const entryId = randomUUID();
      await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(1) });
      expect((await running.call('GET', '/v1/portfolio', { token: anna.token })).status).toBe(403);
      expect((await running.call('POST', `/v1/entries/${entryId}/comments`, { token: anna.token, body: { text: 'hi' } })).status).toBe(403);
      expect((await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: staff, body: share(1) })).status).toBe(403);
      const portfolio = await running.call('GET', '/v1/portfolio', { token: staff });
      expect(portfolio.status).toBe(200);
      expect(portfolio.body.entries).toHaveLength(1);
      expect(portfolio.body.entries[0]).toMatchObject({ entryId, deviceName: 'Anna’s laptop', payload: { name: 'Quote pricer' } });
    });
  });

  describe('sharing entries', () => {
    it('pushing the same entry and revision twice stores it once', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running);
      const entryId = randomUUID();
      const first = await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(1) });
      const again = await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(1) });
      expect(first.body).toEqual({ entryId, result: 'stored', stored: 1, withdrawn: false });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ entryId, result: 'unchanged', stored: 1, withdrawn: false });
      expect(await running.database.db.selectFrom('entries').select('entry_id').execute()).toHaveLength(1);
      const pushes = (await running.store.auditLog()).filter((row) => row.action === 'push');
      expect(pushes).toHaveLength(1);
    });

    it('an older revision arriving late is ignored and the answer names the newer one', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running);
      const entryId = randomUUID();
      await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(3, 'third') });
      const late = await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(2, 'second') });
      expect(late.status).toBe(200);
      expect(late.body).toEqual({ entryId, result: 'stale', stored: 3, withdrawn: false });
      const held = await running.call('GET', `/v1/entries/${entryId}`, { token: anna.token });
      expect(held.body).toMatchObject({ revision: 3, payload: { name: 'third' } });
      const newer = await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(4, 'fourth') });
      expect(newer.body.result).toBe('stored');
    });

    it('withdrawing deletes the content and IT’s comments, keeps a tombstone, and a late push cannot revive it', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running);
      const staff = await staffToken(running);
      const entryId = randomUUID();
      await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(2, 'secret pricing sheet') });
      await running.call('POST', `/v1/entries/${entryId}/comments`, { token: staff, body: { text: 'Who backs you up on this?' } });

      const withdrawn = await running.call('DELETE', `/v1/entries/${entryId}`, { token: anna.token, body: { revision: 2 } });
      expect(withdrawn.body).toEqual({ entryId, result: 'withdrawn', stored: 2, withdrawn: true });
      const again = await running.call('DELETE', `/v1/entries/${entryId}`, { token: anna.token, body: { revision: 2 } });
      expect(again.body.result).toBe('unchanged');

      const rows = await running.database.db.selectFrom('entries').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ entry_id: entryId, revision: 2, payload: null, shared_at: null });
      expect(rows[0]!.withdrawn_at).not.toBeNull();
      expect(await running.database.db.selectFrom('comments').selectAll().execute()).toEqual([]);
      expect(await running.database.db.selectFrom('feed').selectAll().execute()).toEqual([]);

      expect((await running.call('GET', '/v1/portfolio', { token: staff })).body.entries).toEqual([]);
      const tombstone = await running.call('GET', `/v1/entries/${entryId}`, { token: staff });
      expect(tombstone.body).toMatchObject({ withdrawn: true, payload: null, comments: [] });
      expect((await running.call('POST', `/v1/entries/${entryId}/comments`, { token: staff, body: { text: 'hello?' } })).status).toBe(409);

      const late = await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(2, 'secret pricing sheet') });
      expect(late.body).toEqual({ entryId, result: 'stale', stored: 2, withdrawn: true });
      const reshared = await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(3, 'shared again') });
      expect(reshared.body).toEqual({ entryId, result: 'stored', stored: 3, withdrawn: false });
    });

    it('a withdrawal that arrives before its share leaves only the tombstone', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running);
      const entryId = randomUUID();
      expect((await running.call('DELETE', `/v1/entries/${entryId}`, { token: anna.token, body: { revision: 4 } })).body.result).toBe('withdrawn');
      expect((await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(4) })).body.result).toBe('stale');
      expect((await running.call('GET', '/v1/entries', { token: anna.token })).body.entries).toEqual([expect.objectContaining({ entryId, revision: 4, withdrawn: true })]);
    });
  });

  describe('comments and packs reach devices through /v1/changes', () => {
    it('an IT comment reaches only the entry’s device, and the cursor moves past it', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running, 'Anna');
      const ben = await enrolledDevice(running, 'Ben');
      const staff = await staffToken(running);
      const entryId = randomUUID();
      await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(1) });
      const comment = await running.call('POST', `/v1/entries/${entryId}/comments`, { token: staff, body: { text: 'Looks solid. Is there a backup owner?' } });
      expect(comment.status).toBe(201);

      const first = await running.call('GET', '/v1/changes?cursor=0', { token: anna.token });
      expect(first.body.changes).toEqual([
        { seq: expect.any(Number), kind: 'comment', comment: expect.objectContaining({ entryId, text: 'Looks solid. Is there a backup owner?', author: 'Ines from IT' }) },
      ]);
      expect(first.body.more).toBe(false);
      expect((await running.call('GET', '/v1/changes?cursor=0', { token: ben.token })).body.changes).toEqual([]);

      const nothingNew = await running.call('GET', `/v1/changes?cursor=${first.body.cursor}`, { token: anna.token });
      expect(nothingNew.body).toEqual({ changes: [], cursor: first.body.cursor, more: false });

      await running.call('POST', `/v1/entries/${entryId}/comments`, { token: staff, body: { text: 'Second thought' } });
      const next = await running.call('GET', `/v1/changes?cursor=${first.body.cursor}`, { token: anna.token });
      expect(next.body.changes.map((change: { comment: { text: string } }) => change.comment.text)).toEqual(['Second thought']);
      expect(next.body.cursor).toBeGreaterThan(first.body.cursor);
    });

    it('a published pack reaches every device with its signature, one page at a time', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running, 'Anna');
      const ben = await enrolledDevice(running, 'Ben');
      const staff = await staffToken(running);
      const keys = generatePublisherKeys();
      const signature = JSON.stringify(signPack(Buffer.from(BASELINE_PACK, 'utf8'), keys.privateKeyPem));
      const published = await running.call('POST', '/v1/packs', { token: staff, body: { text: BASELINE_PACK, signature } });
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ packId: 'fieldbook.baseline', version: '1.1.0' });
      await running.store.publishPack({ kind: 'cli', id: null, name: 'command line' }, BASELINE_PACK.replace('version: 1.1.0', 'version: 1.2.0'), signature);

      for (const device of [anna, ben]) {
        const page1 = await running.call('GET', '/v1/changes?cursor=0&limit=1', { token: device.token });
        expect(page1.body.more).toBe(true);
        expect(page1.body.changes[0]).toMatchObject({ kind: 'pack', pack: { packId: 'fieldbook.baseline', version: '1.1.0', text: BASELINE_PACK, signature } });
        const page2 = await running.call('GET', `/v1/changes?cursor=${page1.body.cursor}&limit=1`, { token: device.token });
        expect(page2.body.more).toBe(false);
        expect(page2.body.changes[0].pack.version).toBe('1.2.0');
      }
      expect((await running.call('GET', '/v1/packs', { token: anna.token })).body.packs.map((pack: { version: string }) => pack.version)).toEqual(['1.1.0', '1.2.0']);
    });

    it('a pack without a valid signature or in the wrong shape is refused', async () => {
      const running = await hub();
      const staff = await staffToken(running);
      const unsigned = await running.call('POST', '/v1/packs', { token: staff, body: { text: BASELINE_PACK, signature: 'not a signature' } });
      expect(unsigned.status).toBe(400);
      expect(unsigned.body.error.message).toContain('not a Fieldbook pack signature');
      const keys = generatePublisherKeys();
      const notAPack = 'hello: world\n';
      const signature = JSON.stringify(signPack(Buffer.from(notAPack), keys.privateKeyPem));
      const wrongShape = await running.call('POST', '/v1/packs', { token: staff, body: { text: notAPack, signature } });
      expect(wrongShape.status).toBe(400);
      expect(wrongShape.body.error.message).toContain('does not follow the pack format');
    });
  });

  describe('limits and bad input', () => {
    it('bad input gets a 400 that says what is wrong', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running);
      const notJson = await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: anna.token, rawBody: '{"revision": 1,' });
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.code).toBe('bad-request');

      const badRevision = await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: anna.token, body: { ...share(1), revision: 'two' } });
      expect(badRevision.status).toBe(400);
      expect(badRevision.body.error.message).toBe('The request body is not valid: revision: The revision must be a number.');

      const badId = await running.call('PUT', '/v1/entries/not-a-uuid', { token: anna.token, body: share(1) });
      expect(badId.status).toBe(400);
      expect(badId.body.error.message).toContain('entryId: The entry id must be a UUID.');

      const extraField = await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: anna.token, body: { ...share(1), owner: 'someone' } });
      expect(extraField.status).toBe(400);

      const badCursor = await running.call('GET', '/v1/changes?cursor=yesterday', { token: anna.token });
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.error.message).toContain('cursor: The cursor must be a whole number');

      const noBody = await running.call('DELETE', `/v1/entries/${randomUUID()}`, { token: anna.token });
      expect(noBody.status).toBe(400);
      expect(noBody.body.error.message).toContain('The request body is missing');

      const missingName = await running.call('POST', '/v1/enroll', { body: { code: 'ABCD-EFGH' } });
      expect(missingName.status).toBe(400);
      expect(missingName.body.error.message).toContain('deviceName: Say what this device is called.');
    });

    it('a body over the size limit gets 413, and so does a shared entry over the payload cap', async () => {
      const running = await hub();
      const anna = await enrolledDevice(running);
      const huge = { ...share(1), payload: { notes: 'x'.repeat(1_100_000) } };
      const tooBig = await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: anna.token, body: huge });
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.error.code).toBe('body-too-large');

      const overCap = { ...share(1), payload: { notes: 'x'.repeat(300_000) } };
      const capped = await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: anna.token, body: overCap });
      expect(capped.status).toBe(413);
      expect(capped.body.error.message).toContain('larger than the hub accepts (256 KiB)');
      expect(await running.database.db.selectFrom('entries').select('entry_id').execute()).toEqual([]);
    });

    it('too many requests from one token get 429, and other tokens are not affected', async () => {
      const running = await hub({ rateLimits: { max: 3 } });
      const anna = await enrolledDevice(running, 'Anna');
      const ben = await enrolledDevice(running, 'Ben');
      const statuses: number[] = [];
      for (let n = 0; n < 4; n++) statuses.push((await running.call('GET', '/v1/entries', { token: anna.token })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await running.call('GET', '/v1/entries', { token: anna.token });
      expect(limited.body.error.message).toMatch(/^Too many requests\. Try again in \d+ seconds\.$/);
      expect((await running.call('GET', '/v1/entries', { token: ben.token })).status).toBe(200);
    });

    it('guessing enrollment codes is slowed down to a few tries per window', async () => {
      const running = await hub({ rateLimits: { enrollMax: 2 } });
      const statuses: number[] = [];
      for (let n = 0; n < 3; n++) statuses.push((await running.call('POST', '/v1/enroll', { body: { code: `GUESS-${n}000`, deviceName: 'guesser' } })).status);
      expect(statuses).toEqual([403, 403, 429]);
    });
  });

  it('the audit log records who enrolled, pushed, withdrew, commented, published and exported', async () => {
    const running = await hub();
    const anna = await enrolledDevice(running);
    const staff = await staffToken(running);
    const entryId = randomUUID();
    await running.call('PUT', `/v1/entries/${entryId}`, { token: anna.token, body: share(1) });
    await running.call('POST', `/v1/entries/${entryId}/comments`, { token: staff, body: { text: 'Thanks!' } });
    const keys = generatePublisherKeys();
    await running.call('POST', '/v1/packs', { token: staff, body: { text: BASELINE_PACK, signature: JSON.stringify(signPack(Buffer.from(BASELINE_PACK), keys.privateKeyPem)) } });
    await running.call('DELETE', `/v1/entries/${entryId}`, { token: anna.token, body: { revision: 1 } });
    await running.store.exportPortfolio({ kind: 'cli', id: null, name: 'command line' });

    const log = (await running.store.auditLog()).reverse().map((row) => [row.actor_kind, row.actor_id === null ? null : 'id', row.action, row.target]);
    expect(log).toEqual([
      ['cli', null, 'enrollment-code.create', null],
      ['device', 'id', 'enroll', anna.deviceId],
      ['cli', null, 'staff.add', expect.any(String)],
      ['device', 'id', 'push', entryId],
      ['staff', 'id', 'comment', entryId],
      ['staff', 'id', 'pack.publish', 'fieldbook.baseline@1.1.0'],
      ['device', 'id', 'withdraw', entryId],
      ['cli', null, 'export', null],
    ]);
  });

  it('the health check answers without a token and names the database', async () => {
    const running = await hub();
    expect((await running.call('GET', '/v1/health')).body).toEqual({ ok: true, api: 'v1', database: backend });
    expect((await running.call('GET', '/v2/health')).status).toBe(404);
  });
});
