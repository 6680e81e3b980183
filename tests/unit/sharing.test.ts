import { describe, expect, it } from 'vitest';
import { generatePublisherKeys, signPack } from '../../main/core/guidelines/signing';
import { recordingFetch, useSharingFixture, waitUntil, type SentRequest } from './helpers/sharingFixture';
import type { SharedEntryPayload } from '../../shared/sharing';

const fixture = useSharingFixture();

async function connectedBook(sent: SentRequest[] = []) {
  const hub = await fixture.hub();
  const { code } = await hub.store.createEnrollmentCode({ uses: 5 });
  const book = fixture.book({ hubFetch: recordingFetch(sent) });
  await book.sharing.connect({ url: hub.url, code, deviceName: 'Anna’s laptop', publisherName: '', publisherKey: '' });
  const idle = () => book.sharing.status().state === 'up-to-date';
  await waitUntil(idle, 'the first sync cycle is done');
  return { hub, book, idle };
}

async function staffToken(hub: Awaited<ReturnType<typeof fixture.hub>>): Promise<string> {
  return (await hub.store.addStaff(`Ines ${Math.random()}`)).token;
}

describe('sharing with the hub', () => {
  it('sends nothing before the user connects, and refuses to share until she does', () => {
    const sent: SentRequest[] = [];
    const book = fixture.book({ hubFetch: recordingFetch(sent) });
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet' });
    expect(book.sharing.status().state).toBe('not-connected');
    const preview = book.sharing.preview(entry.id, ['notes']);
    expect(() => book.sharing.share(entry.id, ['notes'], preview.digest, false)).toThrow(/not connected/);
    expect(sent).toEqual([]);
  });

  it('sends exactly the previewed payload, without the private fields, and only when she shares', async () => {
    const sent: SentRequest[] = [];
    const { hub, book, idle } = await connectedBook(sent);
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet', owner: 'Anna', notes: 'my own thoughts', purpose: 'Prices' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.filter((request) => request.method === 'PUT')).toEqual([]);

    const preview = book.sharing.preview(entry.id, ['notes']);
    expect(JSON.parse(preview.payload).fields.notes).toBeUndefined();
    expect(JSON.parse(preview.payload).fields.purpose).toBe('Prices');
    book.sharing.share(entry.id, ['notes'], preview.digest, false);
    await waitUntil(() => idle() && book.sharing.entry(entry.id).confirmedAt !== null, 'the share is confirmed');

    const puts = sent.filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(1);
    // The request carries the previewed bytes as they are.
    expect(puts[0]!.body!.endsWith(`"payload":${preview.payload}}`)).toBe(true);
    const staff = await staffToken(hub);
    const onHub = await hub.call('GET', `/v1/entries/${entry.id}`, { token: staff });
    expect(onHub.body.payload).toEqual(JSON.parse(preview.payload));
    expect(JSON.stringify(onHub.body)).not.toContain('my own thoughts');
  });

  it('sends each shared answer with the question it replies to, and no question for answers kept private', async () => {
    const { book } = await connectedBook();
    const question = book.guidelines.answerQuestions().get('backupCanOpen')!;
    expect(question).toMatch(/password-protected/);
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet', answers: { backupCanOpen: 'Yes, Tom has the password.', canExport: '' } });

    const shared = JSON.parse(book.sharing.preview(entry.id, []).payload) as SharedEntryPayload;
    expect(shared.fields.answers).toEqual({ backupCanOpen: 'Yes, Tom has the password.', canExport: '' });
    expect(shared.answerQuestions).toEqual({ backupCanOpen: question });
    const kept = JSON.parse(book.sharing.preview(entry.id, ['answers']).payload) as SharedEntryPayload;
    expect(kept.fields.answers).toBeUndefined();
    expect(kept.answerQuestions).toBeUndefined();
    expect(book.sharing.preview(entry.id, ['answers']).payload).not.toContain(question);
  });

  it('keeps later edits waiting for review, then sends them when she shares again', async () => {
    const { hub, book, idle } = await connectedBook();
    const entry = book.createEntry({ name: 'Returns', kind: 'database' });
    book.sharing.share(entry.id, [], book.sharing.preview(entry.id, []).digest, false);
    await waitUntil(() => idle() && book.sharing.entry(entry.id).confirmedAt !== null, 'shared');

    book.entries.update(entry.id, { purpose: 'Tracks returns' });
    expect(book.sharing.entry(entry.id).changesWaiting).toBe(true);
    const review = book.sharing.preview(entry.id, []);
    expect(JSON.parse(review.previous!).fields.purpose).toBe('');
    expect(JSON.parse(review.payload).fields.purpose).toBe('Tracks returns');
    const staff = await staffToken(hub);
    expect((await hub.call('GET', `/v1/entries/${entry.id}`, { token: staff })).body.revision).toBe(1);

    book.sharing.share(entry.id, [], review.digest, false);
    await waitUntil(() => idle() && !book.sharing.entry(entry.id).changesWaiting && book.sharing.entry(entry.id).queued === null, 'sent again');
    const onHub = await hub.call('GET', `/v1/entries/${entry.id}`, { token: staff });
    expect(onHub.body.revision).toBe(2);
    expect(onHub.body.payload.fields.purpose).toBe('Tracks returns');
  });

  it('keeps the file paths and what was found in the files private separately', () => {
    const book = fixture.book();
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet', files: ['/share/pricing.xlsm'] });
    const sent = (privateParts: Parameters<typeof book.sharing.preview>[1]) => JSON.parse(book.sharing.preview(entry.id, privateParts).payload);
    expect(sent([]).fields.files).toEqual(['/share/pricing.xlsm']);
    expect(sent([]).files).toEqual([]);
    expect(sent(['files']).fields.files).toBeUndefined();
    expect(sent(['files']).files).toEqual([]);
    expect(sent(['fileFacts']).fields.files).toEqual(['/share/pricing.xlsm']);
    expect(sent(['fileFacts']).files).toBeUndefined();
    expect(sent(['findings']).findings).toBeUndefined();
    expect(sent([]).findings.length).toBeGreaterThan(0);
  });

  it('refuses a share when the entry changed after the preview', async () => {
    const { book } = await connectedBook();
    const entry = book.createEntry({ name: 'Merge script', kind: 'script' });
    const preview = book.sharing.preview(entry.id, []);
    book.entries.update(entry.id, { owner: 'Ben' });
    expect(() => book.sharing.share(entry.id, [], preview.digest, false)).toThrow(/changed after you looked/);
    expect(book.sharing.entry(entry.id).state).toBe('not-shared');
  });

  it('writes the outbox in the same transaction as an edit of an automatically shared entry', async () => {
    const { hub, book, idle } = await connectedBook();
    const entry = book.createEntry({ name: 'Forecast', kind: 'spreadsheet' });
    book.sharing.share(entry.id, [], book.sharing.preview(entry.id, []).digest, true);
    await waitUntil(() => idle() && book.sharing.entry(entry.id).queued === null, 'shared');

    book.sharing.stop(); // nothing may be sent meanwhile: the outbox row alone must carry the edit
    book.entries.update(entry.id, { team: 'Finance' });
    const row = book.db.prepare('SELECT operation, body FROM outbox WHERE entry_id = ?').get(entry.id) as { operation: string; body: string };
    expect(row.operation).toBe('push');
    expect(JSON.parse(row.body).payload.fields.team).toBe('Finance');

    // An edit that fails rolls back its outbox row with it.
    expect(() => book.entries.update(entry.id, { name: '' })).toThrow();
    expect(JSON.parse((book.db.prepare('SELECT body FROM outbox WHERE entry_id = ?').get(entry.id) as { body: string }).body).payload.fields.name).toBe('Forecast');

    book.sharing.start();
    await waitUntil(() => idle() && book.sharing.entry(entry.id).queued === null, 'the edit reached the hub');
    const staff = await staffToken(hub);
    expect((await hub.call('GET', `/v1/entries/${entry.id}`, { token: staff })).body.payload.fields.team).toBe('Finance');
  });

  it('withdraws: the hub deletes the content; deleting a shared entry withdraws it too', async () => {
    const { hub, book, idle } = await connectedBook();
    const kept = book.createEntry({ name: 'Kept', kind: 'saas' });
    const deleted = book.createEntry({ name: 'Deleted', kind: 'saas' });
    for (const entry of [kept, deleted]) book.sharing.share(entry.id, [], book.sharing.preview(entry.id, []).digest, false);
    await waitUntil(() => idle() && book.sharing.store.outboxCount() === 0, 'both shared');

    book.sharing.withdraw(kept.id);
    book.entries.delete(deleted.id);
    await waitUntil(() => idle() && book.sharing.store.outboxCount() === 0, 'both withdrawn');
    const staff = await staffToken(hub);
    for (const entry of [kept, deleted]) {
      const onHub = await hub.call('GET', `/v1/entries/${entry.id}`, { token: staff });
      expect(onHub.body.withdrawn).toBe(true);
      expect(onHub.body.payload).toBeNull();
    }
    expect(book.sharing.entry(kept.id).state).toBe('withdrawn');
    expect(book.entries.get(kept.id).name).toBe('Kept');
  });

  it('brings IT’s comments to the entry, once each', async () => {
    const { hub, book, idle } = await connectedBook();
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet' });
    book.sharing.share(entry.id, [], book.sharing.preview(entry.id, []).digest, false);
    await waitUntil(() => idle() && book.sharing.store.outboxCount() === 0, 'shared');
    const staff = await staffToken(hub);
    expect((await hub.call('POST', `/v1/entries/${entry.id}/comments`, { token: staff, body: { text: 'Could the backup owner be Ben?' } })).status).toBe(201);

    book.sharing.retry();
    await waitUntil(() => book.sharing.entry(entry.id).comments.length === 1, 'the comment arrives');
    book.sharing.retry();
    await waitUntil(idle, 'another cycle');
    expect(book.sharing.entry(entry.id).comments.map((comment) => comment.text)).toEqual(['Could the backup owner be Ben?']);
  });

  it('applies IT’s signed pack once its publisher is trusted, and refuses a tampered one', async () => {
    const { hub, book, idle } = await connectedBook();
    const keys = generatePublisherKeys();
    const pack = `fieldbookPack: 1\nid: it.team\nname: Team guidelines\nversion: 1.0.0\npublisher: IT\ndate: 2026-11-01\nrules:\n  - id: purpose\n    title: Say what it is for\n    question: What is it for?\n    severity: advice\n    category: Documentation\n    why: A successor needs to know.\n    how: [Write one sentence.]\n    inputs: [purpose]\n    check: 'entry.purpose != ""'\n`;
    const signature = JSON.stringify(signPack(Buffer.from(pack), keys.privateKeyPem));
    await hub.store.publishPack({ kind: 'cli', id: null, name: 'test' }, pack, signature);
    await hub.store.publishPack({ kind: 'cli', id: null, name: 'test' }, pack.replace('1.0.0', '1.0.1').replace('advice', 'required'), signature);

    book.sharing.retry();
    await waitUntil(() => book.sharing.overview().packUpdates.length === 2, 'both packs arrive');
    expect(book.sharing.overview().packUpdates.map((update) => update.status)).toEqual(['waiting-for-trust', 'waiting-for-trust']);
    expect(book.guidelines.packsInForce().map((summary) => summary.id)).not.toContain('it.team');

    book.guidelines.trustPublisher('IT', keys.publicKey);
    book.sharing.retry();
    await waitUntil(() => idle() && book.sharing.overview().packUpdates.every((update) => update.status !== 'waiting-for-trust'), 'packs looked at again');
    const byVersion = Object.fromEntries(book.sharing.overview().packUpdates.map((update) => [update.version, update]));
    expect(byVersion['1.0.0']!.status).toBe('applied');
    expect(byVersion['1.0.1']!.status).toBe('refused');
    expect(byVersion['1.0.1']!.message).toMatch(/not applied/);
    expect(book.guidelines.packsInForce().find((summary) => summary.id === 'it.team')!.version).toBe('1.0.0');
  });

  it('tells her plainly when the hub no longer accepts this computer, and loses nothing', async () => {
    const { hub, book } = await connectedBook();
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet' });
    await hub.database.db.updateTable('devices').set({ revoked_at: new Date().toISOString() }).execute();
    book.sharing.share(entry.id, [], book.sharing.preview(entry.id, []).digest, false);
    await waitUntil(() => book.sharing.status().state === 'needs-attention', 'the refusal is noticed');
    expect(book.sharing.status().message).toMatch(/Connect again/);
    expect(book.sharing.entry(entry.id).queued).toBe('push');
    expect(book.entries.get(entry.id).name).toBe('Pricing');

    // Connecting again with a new code sends what waited.
    const { code } = await hub.store.createEnrollmentCode();
    await book.sharing.connect({ url: hub.url, code, deviceName: 'Anna’s laptop', publisherName: '', publisherKey: '' });
    await waitUntil(() => book.sharing.status().state === 'up-to-date' && book.sharing.entry(entry.id).queued === null, 'sent after reconnecting');
  });

  it('a computer IT connects again under its own identity goes on sharing the entries it shared before', async () => {
    const { hub, book, idle } = await connectedBook();
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet' });
    book.sharing.share(entry.id, [], book.sharing.preview(entry.id, []).digest, true);
    await waitUntil(() => idle() && book.sharing.entry(entry.id).queued === null, 'shared');
    const device = await hub.database.db.selectFrom('devices').select(['id']).executeTakeFirstOrThrow();
    await hub.database.db.updateTable('devices').set({ revoked_at: new Date().toISOString() }).execute();
    book.entries.update(entry.id, { purpose: 'Quotes for key accounts' });
    await waitUntil(() => book.sharing.status().state === 'needs-attention', 'the refusal is noticed');

    // IT makes a code for this very device (fieldbook-hub enroll --device); she connects with it.
    const { code } = await hub.store.createEnrollmentCode({ deviceId: device.id });
    await book.sharing.connect({ url: hub.url, code, deviceName: 'Anna’s laptop', publisherName: '', publisherKey: '' });
    await waitUntil(() => idle() && book.sharing.entry(entry.id).queued === null, 'the waiting edit is sent');
    expect(book.sharing.entry(entry.id).state).toBe('shared');
    const held = await hub.database.db.selectFrom('entries').select(['device_id', 'payload']).where('entry_id', '=', entry.id).executeTakeFirstOrThrow();
    expect(held.device_id).toBe(device.id);
    expect(JSON.stringify(held.payload)).toContain('Quotes for key accounts');
    expect(await hub.database.db.selectFrom('devices').select(['id']).execute()).toEqual([{ id: device.id }]);
  });

  it('refuses plain http to another machine, and addresses with passwords', async () => {
    const book = fixture.book();
    const connect = (url: string) => book.sharing.connect({ url, code: 'ABCD-EFGH', deviceName: 'x', publisherName: '', publisherKey: '' });
    await expect(connect('http://hub.example.com')).rejects.toThrow(/https/);
    await expect(connect('https://user:pw@hub.example.com')).rejects.toThrow(/user name or password/);
    await expect(connect('not an address')).rejects.toThrow(/not a web address/);
    expect(book.sharing.status().state).toBe('not-connected');
  });

  it('says so when the enrollment code is refused, and stays unconnected', async () => {
    const hub = await fixture.hub();
    const book = fixture.book();
    await expect(book.sharing.connect({ url: hub.url, code: 'WRONG-CODE', deviceName: 'x', publisherName: '', publisherKey: '' })).rejects.toThrow(/did not accept the enrollment code/);
    expect(book.sharing.status().state).toBe('not-connected');
  });
});
