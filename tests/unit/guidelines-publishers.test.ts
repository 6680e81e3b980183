import { createHash } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApiRouter } from '../../main/api/router';
import { DATABASE_FILE, openFieldbook } from '../../main/core/fieldbook';
import { MIGRATIONS } from '../../main/core/store/migrations';
import { generatePublisherKeys, signPack } from '../../main/core/guidelines/signing';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

function pack(id: string, name: string): string {
  return `fieldbookPack: 1
id: ${id}
name: ${name}
version: 1.0.0
publisher: IT
date: 2026-11-01
rules:
  - id: team-named
    title: The tool names its team (${id})
    question: Which team runs this tool?
    severity: recommended
    category: Ownership
    why: When the owner is away, people ask the team, so the team should be written down.
    how: [Write down the team]
    inputs: [team]
    check: entry.team.size() > 1
`;
}

const signed = (text: string, privateKeyPem: string) => JSON.stringify(signPack(Buffer.from(text, 'utf8'), privateKeyPem));

/** A fieldbook that trusts two publishers, with a pack signed by each and one of her own. */
function bookWithTwoPublishers() {
  let now = new Date('2026-11-20T09:00:00.000Z');
  const book = openFieldbook({ dataDir: tempDir(), clock: () => now });
  const finance = generatePublisherKeys();
  const security = generatePublisherKeys();
  const financeText = pack('acme.finance', 'ACME finance guidelines');
  const securityText = pack('acme.security', 'ACME security guidelines');
  book.guidelines.trustPublisher('ACME Finance IT', finance.publicKey);
  now = new Date('2026-11-21T10:30:00.000Z');
  book.guidelines.trustPublisher('ACME Security', security.publicKey);
  book.guidelines.importPack({ text: financeText, signature: signed(financeText, finance.privateKeyPem), unsignedOwn: false });
  book.guidelines.importPack({ text: securityText, signature: signed(securityText, security.privateKeyPem), unsignedOwn: false });
  book.guidelines.importPack({ text: pack('my.own', 'My own guidelines'), signature: null, unsignedOwn: true });
  return { book, finance, security, financeText };
}

describe('trusted publishers', () => {
  it('are listed with their name, key id, fingerprint, when they were trusted and the packs signed with their key', () => {
    const { book, finance, security } = bookWithTwoPublishers();
    const fingerprint = (publicKey: string) => createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');
    expect(book.guidelines.trustedPublishers()).toEqual([
      {
        keyId: finance.keyId,
        name: 'ACME Finance IT',
        fingerprint: fingerprint(finance.publicKey),
        trustedAt: '2026-11-20T09:00:00.000Z',
        packs: [{ id: 'acme.finance', name: 'ACME finance guidelines', version: '1.0.0', ruleCount: 1 }],
      },
      {
        keyId: security.keyId,
        name: 'ACME Security',
        fingerprint: fingerprint(security.publicKey),
        trustedAt: '2026-11-21T10:30:00.000Z',
        packs: [{ id: 'acme.security', name: 'ACME security guidelines', version: '1.0.0', ruleCount: 1 }],
      },
    ]);
    expect(finance.keyId).toBe(fingerprint(finance.publicKey).slice(0, 16));
    book.close();
  });

  it('removing one takes away the packs signed with its key, and only those; the findings follow', () => {
    const { book, finance, security } = bookWithTwoPublishers();
    const changes: unknown[] = [];
    book.events.subscribe((event, payload) => event === 'guidelines.changed' && changes.push(payload));
    const entry = book.createEntry({ name: 'Pricing', kind: 'spreadsheet', owner: 'Anna' });
    const packsOf = () => new Set(book.guidelines.findings(entry.id).map((finding) => finding.packId));
    expect(packsOf()).toEqual(new Set(['fieldbook.baseline', 'acme.finance', 'acme.security', 'my.own']));

    const result = book.guidelines.removePublisher(finance.keyId);

    expect(result.removedPacks).toEqual(['acme.finance']);
    expect(result.publishers.map((publisher) => publisher.keyId)).toEqual([security.keyId]);
    expect(book.guidelines.trustedKeys().map((key) => key.keyId)).toEqual([security.keyId]);
    expect(book.guidelines.packsInForce().map((summary) => summary.id)).toEqual(['fieldbook.baseline', 'acme.security', 'my.own']);
    expect(packsOf()).toEqual(new Set(['fieldbook.baseline', 'acme.security', 'my.own']));
    expect(changes).toHaveLength(1);
    book.close();
  });

  it('once removed, a pack signed with that key is refused again, until the publisher is trusted again', () => {
    const { book, finance, financeText } = bookWithTwoPublishers();
    book.guidelines.removePublisher(finance.keyId);
    const signature = signed(financeText, finance.privateKeyPem);
    expect(() => book.guidelines.importPack({ text: financeText, signature, unsignedOwn: false })).toThrow(/key you do not trust yet/);
    book.guidelines.trustPublisher('ACME Finance IT', finance.publicKey);
    expect(book.guidelines.importPack({ text: financeText, signature, unsignedOwn: false })).toMatchObject({ trust: 'signed', publisher: 'IT' });
    book.close();
  });

  it('removing a publisher whose key signed nothing leaves the packs as they are', () => {
    const { book } = bookWithTwoPublishers();
    const idle = generatePublisherKeys();
    book.guidelines.trustPublisher('Old IT key', idle.publicKey);
    const before = book.guidelines.packsInForce();
    expect(book.guidelines.removePublisher(idle.keyId).removedPacks).toEqual([]);
    expect(book.guidelines.packsInForce()).toEqual(before);
    book.close();
  });

  it('removing a publisher that is not trusted says so, and changes nothing', () => {
    const { book } = bookWithTwoPublishers();
    const before = book.guidelines.trustedPublishers();
    expect(() => book.guidelines.removePublisher('0123456789abcdef')).toThrow(/trusted publisher was not found/);
    expect(book.guidelines.trustedPublishers()).toEqual(before);
    book.close();
  });

  it('a signed pack is verified again before use: one changed in the store is not in force', () => {
    const dataDir = tempDir();
    const keys = generatePublisherKeys();
    const text = pack('acme.finance', 'ACME finance guidelines');
    const first = openFieldbook({ dataDir });
    first.guidelines.trustPublisher('ACME Finance IT', keys.publicKey);
    first.guidelines.importPack({ text, signature: signed(text, keys.privateKeyPem), unsignedOwn: false });
    first.db.prepare("UPDATE guideline_packs SET source = replace(source, 'severity: recommended', 'severity: advice') WHERE id = 'acme.finance'").run();
    first.close();
    const again = openFieldbook({ dataDir });
    expect(again.guidelines.packsInForce().map((summary) => summary.id)).toEqual(['fieldbook.baseline']);
    again.close();
  });

  it('through the API: listed, removed, and a malformed key id is refused with what to do', async () => {
    const { book, finance } = bookWithTwoPublishers();
    const router = createApiRouter(book);
    const listed = await router.call('guidelines.trustedPublishers', {});
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'ACME Finance IT' }, { name: 'ACME Security' }] });
    expect(await router.call('guidelines.removePublisher', { keyId: finance.keyId })).toMatchObject({
      ok: true,
      value: { removedPacks: ['acme.finance'], publishers: [{ name: 'ACME Security' }] },
    });
    const refused = await router.call('guidelines.removePublisher', { keyId: 'ACME' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(refused)).toContain('16-character key id');
    book.close();
  });

  it('packs imported before signatures were kept stay in force after the upgrade (no key can be named for them)', () => {
    // The migration that keeps signatures follows version 4.
    expect(MIGRATIONS[4]!.toString()).toContain('ADD COLUMN signature');
    const dataDir = tempDir();
    const keys = generatePublisherKeys();
    const old = new BetterSqlite3(join(dataDir, DATABASE_FILE));
    for (const migration of MIGRATIONS.slice(0, 4)) migration(old);
    old.pragma('user_version = 4');
    const insert = old.prepare('INSERT INTO guideline_packs (id, version, source, trust, imported_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('acme.finance', '1.0.0', pack('acme.finance', 'ACME finance guidelines'), 'signed', '2026-11-01T00:00:00.000Z');
    insert.run('my.own', '1.0.0', pack('my.own', 'My own guidelines'), 'unsigned-own', '2026-11-01T00:00:00.000Z');
    old.prepare('INSERT INTO trusted_publishers (key_id, name, public_key, added_at) VALUES (?, ?, ?, ?)').run(keys.keyId, 'ACME IT', keys.publicKey, '2026-10-01T00:00:00.000Z');
    old.close();

    const book = openFieldbook({ dataDir });
    expect(book.guidelines.packsInForce().map((summary) => [summary.id, summary.trust])).toEqual([
      ['fieldbook.baseline', 'built-in'],
      ['acme.finance', 'signed'],
      ['my.own', 'unsigned-own'],
    ]);
    expect(book.guidelines.trustedPublishers()).toMatchObject([{ keyId: keys.keyId, name: 'ACME IT', packs: [] }]);
    book.close();
  });
});
