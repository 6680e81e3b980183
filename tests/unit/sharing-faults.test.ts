import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHubDatabase, type OpenHubDatabase } from '../../hub/db/openHubDatabase';
import { HubStore } from '../../hub/hubStore';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { SHARE_EXTRAS, type PrivatePart } from '../../shared/sharing';
import { startFaultProxy, type Fault, type FaultProxy } from './helpers/faultProxy';
import { startHubProcess, type HubProcess } from './helpers/hubProcess';
import { waitUntil } from './helpers/sharingFixture';
import { createHubTestDatabase, HUB_BACKENDS, type HubTestDatabase } from './hub-testHub';

/**
 * Several devices share through a fault-injecting proxy with a real hub process (the built
 * `fieldbook-hub serve`), on SQLite and on PostgreSQL. Whatever the network does, once it heals
 * the hub holds exactly what each device last shared: nothing lost, nothing duplicated.
 */

const PRIVATE_CHOICES: PrivatePart[] = ['notes', 'purpose', 'owner', ...SHARE_EXTRAS];

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

/** Misbehaves on about `rate` of requests, drawing every kind of fault. */
function faultyNetwork(random: () => number, rate: number): (method: string, path: string) => Fault {
  const faults: (() => Fault)[] = [
    () => ({ kind: 'drop-request' }),
    () => ({ kind: 'drop-answer' }),
    () => ({ kind: 'duplicate' }),
    () => ({ kind: 'delay', ms: Math.floor(random() * 500) }),
    () => ({ kind: 'error', status: random() < 0.5 ? 502 : 503 }),
    () => ({ kind: 'error-after', status: 503 }),
  ];
  return () => (random() < rate ? faults[Math.floor(random() * faults.length)]!() : { kind: 'pass' });
}

interface Device {
  book: Fieldbook;
  deviceId: string;
  entries: string[];
}

describe.each(HUB_BACKENDS)('sync through a faulty network to a real hub process (%s)', (backend) => {
  let place: HubTestDatabase;
  let hub: HubProcess;
  let proxy: FaultProxy;
  let admin: OpenHubDatabase;
  let adminStore: HubStore;
  const devices: Device[] = [];
  // The devices live for the whole file, so their folders do too.
  const folders: string[] = [];
  const tempDir = () => {
    const folder = mkdtempSync(join(tmpdir(), 'fieldbook-sync-'));
    folders.push(folder);
    return folder;
  };

  beforeAll(async () => {
    place = await createHubTestDatabase(backend);
    hub = await startHubProcess(place);
    proxy = await startFaultProxy(hub.url);
    admin = await openHubDatabase({ databaseUrl: place.databaseUrl, dataDir: place.dataDir });
    adminStore = new HubStore({ db: admin.db, kind: admin.kind });
    const { code } = await adminStore.createEnrollmentCode({ uses: 3 });
    // One device's clock is three years ahead: the hub keeps its own time.
    const clocks = [() => new Date(), () => new Date(), () => new Date(Date.now() + 3 * 365 * 86_400_000)];
    for (const [index, clock] of clocks.entries()) {
      const book = openFieldbook({ dataDir: tempDir(), clock, hubRetry: { baseMs: 10, maxMs: 80, pollMs: 60_000 }, hubTimeoutMs: 300 });
      book.sharing.start();
      await book.sharing.connect({ url: proxy.url, code, deviceName: `device ${index}`, publisherName: '', publisherKey: '' });
      devices.push({ book, deviceId: book.sharing.store.connection()!.device_id, entries: [] });
    }
  }, 60_000);

  afterAll(async () => {
    for (const device of devices) device.book.close();
    await proxy?.close();
    await hub?.stop();
    await admin?.close();
    await place?.drop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  /** Heals the network, lets every device finish, then compares the hub with each device. */
  async function healAndCompare(): Promise<void> {
    proxy.setDecider(() => ({ kind: 'pass' }));
    await proxy.quiet();
    for (const device of devices) device.book.sharing.retry();
    for (const device of devices) {
      await waitUntil(() => device.book.sharing.store.outboxCount() === 0 && device.book.sharing.status().state === 'up-to-date', 'every device has sent everything', 20_000);
    }
    await proxy.quiet();
    for (const device of devices) {
      const local = device.book.db
        .prepare('SELECT entry_id, state, hub_revision, payload FROM shared_entries ORDER BY entry_id')
        .all() as { entry_id: string; state: string; hub_revision: number; payload: string | null }[];
      const onHub = await admin.db.selectFrom('entries').selectAll().where('device_id', '=', device.deviceId).orderBy('entry_id').execute();
      expect(onHub.map((row) => row.entry_id)).toEqual(local.map((row) => row.entry_id));
      for (const [index, row] of local.entries()) {
        const held = onHub[index]!;
        expect(held.revision).toBe(row.hub_revision);
        if (row.state === 'shared') {
          expect(held.withdrawn_at).toBeNull();
          expect(JSON.parse(held.payload!)).toEqual(JSON.parse(row.payload!));
        } else {
          expect(held.withdrawn_at).not.toBeNull();
          expect(held.payload).toBeNull();
        }
      }
      // Nothing local was lost to the network: every entry this test created is still there.
      const kept = device.book.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number };
      expect(kept.n).toBe(device.entries.length);
    }
  }

  it('delivers a share once under each kind of fault', async () => {
    const device = devices[0]!;
    const kinds: Fault[] = [
      { kind: 'drop-request' },
      { kind: 'drop-answer' },
      { kind: 'duplicate' },
      { kind: 'delay', ms: 600 },
      { kind: 'error', status: 503 },
      { kind: 'error-after', status: 503 },
    ];
    for (const fault of kinds) {
      const entry = device.book.createEntry({ name: `Under ${fault.kind}`, kind: 'spreadsheet' });
      device.entries.push(entry.id);
      let faulted = false;
      proxy.setDecider((method) => {
        if (method === 'PUT' && !faulted) {
          faulted = true;
          return fault;
        }
        return { kind: 'pass' };
      });
      device.book.sharing.share(entry.id, [], device.book.sharing.preview(entry.id, []).digest, false);
      await waitUntil(() => device.book.sharing.entry(entry.id).confirmedAt !== null, `the share survives ${fault.kind}`, 15_000);
      expect(faulted).toBe(true);
    }
    await healAndCompare();
  }, 120_000);

  it('keeps devices and hub in agreement over random operations and faults (property)', async () => {
    const operation = fc.oneof(
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), device: fc.nat(2) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), device: fc.nat(2), pick: fc.nat(), text: fc.string({ maxLength: 20 }) }) },
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant('share' as const), device: fc.nat(2), pick: fc.nat(), hidden: fc.subarray(PRIVATE_CHOICES), auto: fc.boolean() }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), device: fc.nat(2), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device: fc.nat(2), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 80 }) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 30 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (operations, seed) => {
        proxy.setDecider(faultyNetwork(seededRandom(seed), 0.35));
        for (const op of operations) {
          if (op.kind === 'pause') {
            await new Promise((resolve) => setTimeout(resolve, op.ms));
            continue;
          }
          const device = devices[op.device]!;
          const { book } = device;
          if (op.kind === 'create') {
            device.entries.push(book.createEntry({ name: `Tool ${randomUUID().slice(0, 6)}`, kind: 'script', notes: 'private' }).id);
            continue;
          }
          const live = device.entries.filter((id) => book.db.prepare('SELECT 1 FROM entries WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined);
          if (live.length === 0) continue;
          const id = live[op.pick % live.length]!;
          const sharing = book.sharing.entry(id);
          if (op.kind === 'edit') book.entries.update(id, { purpose: op.text });
          else if (op.kind === 'share') book.sharing.share(id, op.hidden, book.sharing.preview(id, op.hidden).digest, op.auto);
          else if (op.kind === 'withdraw' && sharing.state === 'shared') book.sharing.withdraw(id);
          else if (op.kind === 'delete') book.entries.delete(id);
          // Let the devices' sync run between operations, so that it meets the faults.
          await new Promise((resolve) => setTimeout(resolve, 3));
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
        await healAndCompare();
      }),
      { numRuns: 10, interruptAfterTimeLimit: 150_000 },
    );
    // The faults must have hit writes, not only reads, for this to prove anything.
    const faultedWrites = proxy.log.filter((item) => item.method !== 'GET' && item.fault !== 'pass').length;
    expect(faultedWrites).toBeGreaterThan(10);
  }, 240_000);

  it('a hub that comes back empty deletes nothing here, and gets what was shared again after reconnecting', async () => {
    const device = devices[1]!;
    const entry = device.book.createEntry({ name: 'Survives a wiped hub', kind: 'database' });
    device.entries.push(entry.id);
    device.book.sharing.share(entry.id, [], device.book.sharing.preview(entry.id, []).digest, false);
    await waitUntil(() => device.book.sharing.entry(entry.id).confirmedAt !== null, 'shared');

    // Wipe what the hub knows about this device (as a restore of an empty database would).
    await admin.db.deleteFrom('entries').where('device_id', '=', device.deviceId).execute();
    await admin.db.deleteFrom('devices').where('id', '=', device.deviceId).execute();
    device.book.sharing.retry();
    await waitUntil(() => device.book.sharing.status().state === 'needs-attention', 'the device notices');
    expect(device.book.entries.get(entry.id).name).toBe('Survives a wiped hub');
    expect(device.book.sharing.entry(entry.id).state).toBe('shared');

    const { code } = await adminStore.createEnrollmentCode();
    await device.book.sharing.connect({ url: proxy.url, code, deviceName: 'device 1 again', publisherName: '', publisherKey: '' });
    device.deviceId = device.book.sharing.store.connection()!.device_id;
    await waitUntil(() => device.book.sharing.status().state === 'up-to-date' && device.book.sharing.store.outboxCount() === 0, 'sent again');
    const held = await admin.db.selectFrom('entries').selectAll().where('entry_id', '=', entry.id).executeTakeFirst();
    expect(held?.device_id).toBe(device.deviceId);
    expect(JSON.parse(held!.payload!).fields.name).toBe('Survives a wiped hub');
  }, 60_000);
});
