import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runHubCli } from '../../hub/hubCli';
import { HUB_SQLITE_FILE } from '../../hub/db/openHubDatabase';
import { generatePublisherKeys, signPack } from '../../main/core/guidelines/signing';
import { HUB_BACKENDS, createHubTestDatabase, startHub, type HubBackend, type HubTestDatabase } from './hub-testHub';

const BASELINE_PACK = readFileSync(join(import.meta.dirname, '..', '..', 'packs', 'baseline.yaml'), 'utf8');

describe.each(HUB_BACKENDS)('the fieldbook-hub commands on %s', (backend: HubBackend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function place(): Promise<HubTestDatabase> {
    const made = await createHubTestDatabase(backend);
    cleanups.push(() => made.drop());
    return made;
  }

  /** Runs one command the way the bin does, with DATABASE_URL set on PostgreSQL. */
  async function run(where: HubTestDatabase, ...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const env = where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : {};
    const code = await runHubCli([...args, '--data-dir', where.dataDir], { out: (line) => out.push(line), err: (line) => err.push(line), env });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('enroll prints a code that a device can use as many times as --uses says', async () => {
    const where = await place();
    const enrolled = await run(where, 'enroll', '--uses', '2', '--expires-days', '3');
    expect(enrolled.code).toBe(0);
    expect(enrolled.out).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(enrolled.err).toContain('Enrollment code for 2 devices');
    const running = await startHub(where);
    cleanups.push(() => running.close());
    const statuses = [];
    for (const name of ['one', 'two', 'three']) statuses.push((await running.call('POST', '/v1/enroll', { body: { code: enrolled.out, deviceName: name } })).status);
    expect(statuses).toEqual([200, 200, 403]);
  });

  it('staff add prints a token once, and a second account with the same name is refused', async () => {
    const where = await place();
    const added = await run(where, 'staff', 'add', 'Ines', 'from', 'IT');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^fbs_/);
    const running = await startHub(where);
    cleanups.push(() => running.close());
    expect((await running.call('GET', '/v1/portfolio', { token: added.out })).status).toBe(200);
    const again = await run(where, 'staff', 'add', 'Ines from IT');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already a staff account called "Ines from IT"');
  });

  it('pack publish needs the signature file, and then devices receive the pack', async () => {
    const where = await place();
    const packFile = join(where.dataDir, 'team.yaml');
    writeFileSync(packFile, BASELINE_PACK);
    const unsigned = await run(where, 'pack', 'publish', packFile);
    expect(unsigned.code).toBe(2);
    expect(unsigned.err).toContain('There is no signature at');

    writeFileSync(`${packFile}.sig`, JSON.stringify(signPack(Buffer.from(BASELINE_PACK), generatePublisherKeys().privateKeyPem)));
    const published = await run(where, 'pack', 'publish', packFile);
    expect(published.code).toBe(0);
    expect(published.out).toBe('Published fieldbook.baseline 1.0.0. Devices receive it the next time they check in.');
  });

  it('export writes the shared portfolio as JSON and records it in the audit log', async () => {
    const where = await place();
    const running = await startHub(where);
    cleanups.push(() => running.close());
    const { code } = await running.store.createEnrollmentCode();
    const device = (await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'Anna' } })).body as { token: string };
    const entryId = randomUUID();
    await running.call('PUT', `/v1/entries/${entryId}`, { token: device.token, body: { revision: 1, payload: { name: 'Returns tracker' }, sharedAt: '2026-11-25T10:00:00Z' } });

    const outFile = join(where.dataDir, 'portfolio.json');
    const exported = await run(where, 'export', '--out', outFile);
    expect(exported.code).toBe(0);
    expect(exported.err).toBe(`Wrote 1 shared entry to ${outFile}.`);
    const document = JSON.parse(readFileSync(outFile, 'utf8'));
    expect(document.entries).toEqual([expect.objectContaining({ entryId, deviceName: 'Anna', payload: { name: 'Returns tracker' } })]);
    expect((await running.store.auditLog()).map((row) => row.action)).toContain('export');
  });

  it('a database written by a newer hub is refused, not changed', async () => {
    const where = await place();
    const running = await startHub(where);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2099-01-01T00:00:00.000Z')`.execute(running.database.db);
    await running.close();
    const answer = await run(where, 'enroll');
    expect(answer.code).toBe(1);
    expect(answer.err).toContain('If this database was used by a newer hub, run that version instead.');
  });

  it('an unknown command prints the usage and fails', async () => {
    const where = await place();
    const answer = await run(where, 'frobnicate');
    expect(answer.code).toBe(2);
    expect(answer.err).toContain('Usage: fieldbook-hub COMMAND');
  });

  if (backend === 'sqlite') {
    it('keeps its SQLite file in the data folder and, without DATABASE_URL, never needs PostgreSQL', async () => {
      const where = await place();
      expect((await run(where, 'enroll')).code).toBe(0);
      expect(existsSync(join(where.dataDir, HUB_SQLITE_FILE))).toBe(true);
    });

    it('a withdrawn entry’s content is gone from the SQLite file itself', async () => {
      const where = await place();
      const running = await startHub(where);
      const { code } = await running.store.createEnrollmentCode();
      const device = (await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'Anna' } })).body as { token: string };
      const entryId = randomUUID();
      const marker = 'UNMISTAKABLE-PRIVATE-MARKER-7f3a';
      await running.call('PUT', `/v1/entries/${entryId}`, { token: device.token, body: { revision: 1, payload: { notes: marker.repeat(20) }, sharedAt: '2026-11-25T10:00:00Z' } });
      const before = readFileSync(join(where.dataDir, HUB_SQLITE_FILE)).toString('latin1') + readWal(where);
      expect(before).toContain(marker);
      await running.call('DELETE', `/v1/entries/${entryId}`, { token: device.token, body: { revision: 1 } });
      await running.close();
      const after = readFileSync(join(where.dataDir, HUB_SQLITE_FILE)).toString('latin1') + readWal(where);
      expect(after).not.toContain(marker);
    });
  }
});

function readWal(where: HubTestDatabase): string {
  const wal = join(where.dataDir, `${HUB_SQLITE_FILE}-wal`);
  return existsSync(wal) ? readFileSync(wal).toString('latin1') : '';
}
