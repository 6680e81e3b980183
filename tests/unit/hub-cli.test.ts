import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runHubCli } from '../../hub/hubCli';
import { HUB_SQLITE_FILE } from '../../hub/db/openHubDatabase';
import { generatePublisherKeys, signPack } from '../../main/core/guidelines/signing';
import { readWorkbook, requireOpenpyxl, workbookCells } from './helpers/readWorkbook';
import { HUB_BACKENDS, createHubTestDatabase, startHub, type HubBackend, type HubTestDatabase } from './hub-testHub';

const BASELINE_PACK = readFileSync(join(import.meta.dirname, '..', '..', 'packs', 'baseline.yaml'), 'utf8');

beforeAll(requireOpenpyxl);

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

  /** A running hub over `where` with one enrolled device, "Anna", whose token shares entries. */
  async function hubWithDevice(where: HubTestDatabase) {
    const running = await startHub(where);
    cleanups.push(() => running.close());
    const { code } = await running.store.createEnrollmentCode();
    const device = (await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'Anna' } })).body as { token: string };
    return { running, device };
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
    expect(published.out).toBe('Published fieldbook.baseline 1.1.0. Devices receive it the next time they check in.');
  });

  it('export writes the shared portfolio as JSON and records it in the audit log', async () => {
    const where = await place();
    const { running, device } = await hubWithDevice(where);
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

  it('devices list shows each device with its id and state, and devices revoke takes a full id or its start', async () => {
    const where = await place();
    expect((await run(where, 'devices', 'list')).out).toBe('No device has enrolled yet. Make an enrollment code with "fieldbook-hub enroll".');
    const running = await startHub(where);
    cleanups.push(() => running.close());
    const { code } = await running.store.createEnrollmentCode({ uses: 2 });
    const anna = (await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'Anna’s laptop' } })).body as { deviceId: string; token: string };
    // A device name comes from the device: it must not be able to drive the terminal.
    const odd = (await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'evil\u001b[2Jname' } })).body as { deviceId: string; token: string };
    await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: anna.token, body: { revision: 1, payload: { name: 'x' }, sharedAt: '2026-11-25T10:00:00Z' } });

    const listed = await run(where, 'devices', 'list');
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +ENROLLED +TOKEN +SHARED ENTRIES$/);
    expect(lines.find((line) => line.startsWith(anna.deviceId))).toMatch(/Anna’s laptop +\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC +active +1$/);
    expect(listed.out).not.toContain('\u001b');
    expect(listed.out).toContain('evil\uFFFD[2Jname');

    const revoked = await run(where, 'devices', 'revoke', anna.deviceId.slice(0, 8).toUpperCase());
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain(`Revoked the token of Anna’s laptop (${anna.deviceId})`);
    expect((await running.call('GET', '/v1/entries', { token: anna.token })).status).toBe(401);
    expect((await running.call('GET', '/v1/entries', { token: odd.token })).status).toBe(200);
    expect((await run(where, 'devices', 'list')).out).toMatch(/Anna’s laptop .* revoked \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC +1/);

    const again = await run(where, 'devices', 'revoke', anna.deviceId);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/was already revoked on \d{4}-/);
    expect((await running.store.auditLog()).filter((row) => row.action === 'device.revoke')).toHaveLength(1);
  });

  it('enroll --device connects a revoked device again under its own id: what it shared stays its own, its old token stays dead', async () => {
    const where = await place();
    const running = await startHub(where);
    cleanups.push(() => running.close());
    const { code } = await running.store.createEnrollmentCode();
    const anna = (await running.call('POST', '/v1/enroll', { body: { code, deviceName: 'Anna’s laptop' } })).body as { deviceId: string; token: string };
    const entryId = randomUUID();
    const share = (token: string, revision: number) =>
      running.call('PUT', `/v1/entries/${entryId}`, { token, body: { revision, payload: { name: `Pricing ${revision}` }, sharedAt: '2026-11-25T10:00:00Z' } });
    expect((await share(anna.token, 1)).status).toBe(200);
    const revoked = await run(where, 'devices', 'revoke', anna.deviceId);
    expect(revoked.out).toContain(`fieldbook-hub enroll --device ${anna.deviceId.slice(0, 8)}`);

    // An ordinary code makes a new device, which may not change what the old one shared.
    const { code: plain } = await running.store.createEnrollmentCode();
    const stranger = (await running.call('POST', '/v1/enroll', { body: { code: plain, deviceName: 'Anna’s laptop' } })).body as { deviceId: string; token: string };
    expect(stranger.deviceId).not.toBe(anna.deviceId);
    const refused = await share(stranger.token, 2);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('IT can give this computer a code that connects it under its earlier identity');

    expect((await run(where, 'enroll', '--device', anna.deviceId.slice(0, 8), '--uses', '2')).code).toBe(2);
    const forAnna = await run(where, 'enroll', '--device', anna.deviceId.slice(0, 8));
    expect(forAnna.code).toBe(0);
    expect(forAnna.err).toContain(`Enrollment code for Anna’s laptop (${anna.deviceId}) only`);
    const back = (await running.call('POST', '/v1/enroll', { body: { code: forAnna.out, deviceName: 'Anna’s new laptop' } })).body as { deviceId: string; token: string };
    expect(back.deviceId).toBe(anna.deviceId);
    expect(back.token).not.toBe(anna.token);
    expect((await share(back.token, 2)).status).toBe(200);
    expect((await running.call('GET', '/v1/entries', { token: anna.token })).status).toBe(401);
    expect((await running.call('POST', '/v1/enroll', { body: { code: forAnna.out, deviceName: 'someone else' } })).status).toBe(403);
    expect((await run(where, 'devices', 'list')).out).toMatch(new RegExp(`${anna.deviceId} +Anna’s new laptop .* active +1`));
    expect((await run(where, 'enroll', '--device', 'ffffffff')).err).toMatch(/No device has the id "ffffffff"/);
  });

  it('devices revoke explains an unknown, ambiguous or malformed id', async () => {
    const where = await place();
    const running = await startHub(where);
    cleanups.push(() => running.close());
    const unknown = await run(where, 'devices', 'revoke', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('No device has the id "00000000-0000-4000-8000-000000000000". Run "fieldbook-hub devices list" to see them.');
    const malformed = await run(where, 'devices', 'revoke', "x' or 1=1 --");
    expect(malformed.code).toBe(1);
    expect(malformed.err).toContain('is not a device id');
    const tooShort = await run(where, 'devices', 'revoke', 'abc');
    expect(tooShort.err).toContain('the first 8 characters of an id are enough');
    // Two devices whose ids share a start: only a longer part of the id says which.
    const now = new Date().toISOString();
    for (const id of ['abcdef01-0000-4000-8000-000000000001', 'abcdef01-0000-4000-8000-000000000002']) {
      await running.database.db.insertInto('devices').values({ id, name: id.slice(-1), token_hash: id, enrolled_at: now, revoked_at: null }).execute();
    }
    const ambiguous = await run(where, 'devices', 'revoke', 'abcdef01');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('"abcdef01" is the start of more than one device id');
    expect((await run(where, 'devices', 'frobnicate')).code).toBe(2);
  });

  it('staff list shows who has a working token and web sessions; staff revoke stops the token', async () => {
    const where = await place();
    expect((await run(where, 'staff', 'list')).out).toBe('There are no staff accounts yet. Add one with "fieldbook-hub staff add NAME".');
    const ines = (await run(where, 'staff', 'add', 'Ines')).out;
    await run(where, 'staff', 'add', 'Marco');
    const listed = await run(where, 'staff', 'list');
    expect(listed.out.split('\n')).toEqual([
      expect.stringMatching(/^NAME +ADDED +TOKEN +WEB SESSIONS$/),
      expect.stringMatching(/^Ines +\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC +active +0$/),
      expect.stringMatching(/^Marco +.* active +0$/),
    ]);
    expect(listed.out).not.toContain(ines);

    const revoked = await run(where, 'staff', 'revoke', 'Ines');
    expect(revoked).toMatchObject({ code: 0, out: 'Revoked the staff token of Ines: it no longer works, from now on.' });
    expect((await run(where, 'staff', 'list')).out).toMatch(/Ines +.* revoked \d{4}-/);
    const running = await startHub(where);
    cleanups.push(() => running.close());
    expect((await running.call('GET', '/v1/portfolio', { token: ines })).status).toBe(401);

    // Added again: the same account with a new token; the old token stays dead.
    const back = await run(where, 'staff', 'add', 'Ines');
    expect(back.code).toBe(0);
    expect(back.err).toContain('This is the new staff token of Ines, whose earlier token was revoked');
    expect(back.out).not.toBe(ines);
    expect((await running.call('GET', '/v1/portfolio', { token: back.out })).status).toBe(200);
    expect((await running.call('GET', '/v1/portfolio', { token: ines })).status).toBe(401);
    expect((await run(where, 'staff', 'list')).out.split('\n').filter((line) => line.startsWith('Ines'))).toEqual([expect.stringMatching(/ active +0$/)]);
    expect((await running.store.auditLog()).map((row) => row.action)).toContain('staff.reinstate');
    expect((await run(where, 'staff', 'add', 'Ines')).err).toContain('To give it a new token, revoke the one it has');

    const unknown = await run(where, 'staff', 'revoke', 'Nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('There is no staff account called "Nobody". Run "fieldbook-hub staff list" to see the names.');
    expect((await run(where, 'staff', 'revoke')).code).toBe(2);
  });

  it('export --format csv writes the portfolio for a spreadsheet, with formulas kept as text', async () => {
    const where = await place();
    const { running, device } = await hubWithDevice(where);
    await running.call('PUT', `/v1/entries/${randomUUID()}`, { token: device.token, body: { revision: 1, payload: { fields: { name: '=1+1', owner: 'Anna' } }, sharedAt: '2026-11-25T10:00:00Z' } });
    const outFile = join(where.dataDir, 'portfolio.csv');
    const exported = await run(where, 'export', '--format', 'csv', '--out', outFile);
    expect(exported).toMatchObject({ code: 0, err: `Wrote 1 shared entry to ${outFile}.` });
    const csv = readFileSync(outFile, 'utf8');
    expect(csv.startsWith('\uFEFFEntry id,Name,Kind,')).toBe(true);
    expect(csv).toContain(",'=1+1,");
    expect((await running.store.auditLog()).find((row) => row.action === 'export')?.detail).toBe('{"entries":1,"format":"csv"}');
    const htmlFile = join(where.dataDir, 'portfolio.html');
    expect(await run(where, 'export', '--format', 'html', '--out', htmlFile)).toMatchObject({ code: 0, err: `Wrote 1 shared entry to ${htmlFile}.` });
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<h1>IT’s shared portfolio</h1>');
    expect(html).toContain('=1+1');
    const markdown = await run(where, 'export', '--format', 'md');
    expect(markdown).toMatchObject({ code: 0 });
    expect(markdown.out).toContain('# IT’s shared portfolio');
    expect((await running.store.auditLog()).filter((row) => row.action === 'export').map((row) => JSON.parse(row.detail!).format).sort()).toEqual(['csv', 'html', 'md']);
    const wrong = await run(where, 'export', '--format', 'pdf');
    expect(wrong).toMatchObject({ code: 2, err: '--format is json, csv, html, md or xlsx, not "pdf".' });
  });

  it('export --format xlsx writes the desktop’s workbook with --out, and refuses the screen', async () => {
    const where = await place();
    const { running, device } = await hubWithDevice(where);
    const entryId = randomUUID();
    const share = async (revision: number, fields: Record<string, unknown>) =>
      (await running.call('PUT', `/v1/entries/${entryId}`, { token: device.token, body: { revision, payload: { fields }, sharedAt: '2026-11-25T10:00:00Z' } })).status;
    expect(await share(1, { name: '=1+1', owner: 'Anna', notes: 'Door code 4711' })).toBe(200);
    // Notes kept private from the second share on: only the latest share counts.
    expect(await share(2, { name: '=1+1', owner: 'Anna' })).toBe(200);

    const screen = await run(where, 'export', '--format', 'xlsx');
    expect(screen).toMatchObject({ code: 2, out: '', err: 'An Excel workbook cannot be shown on the screen: give --out FILE, e.g. --out portfolio.xlsx.' });
    expect((await running.store.auditLog()).filter((row) => row.action === 'export')).toEqual([]);

    const outFile = join(where.dataDir, 'portfolio.xlsx');
    expect(await run(where, 'export', '--format', 'xlsx', '--out', outFile)).toMatchObject({ code: 0, err: `Wrote 1 shared entry to ${outFile}.` });
    const workbook = readWorkbook(outFile);
    expect(workbook.names).toEqual(['Entries', 'Findings', 'Dependencies', 'Files']);
    const entries = workbook.sheets.Entries!;
    const header = entries.rows[0]!;
    expect(entries.rows).toHaveLength(2);
    // A name that looks like a formula stays text: a string cell, never a formula.
    expect(entries.rows[1]![header.indexOf('Name')]).toBe('=1+1');
    expect(entries.types[1]![header.indexOf('Name')]).toBe('s');
    expect(entries.rows[1]![header.indexOf('Owner')]).toBe('Anna');
    expect(entries.rows[1]![header.indexOf('Notes')]).toBeNull();
    expect(workbookCells(workbook).filter((cell) => cell.includes('Door code'))).toEqual([]);
    expect((await running.store.auditLog()).find((row) => row.action === 'export')?.detail).toBe('{"entries":1,"format":"xlsx"}');
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
