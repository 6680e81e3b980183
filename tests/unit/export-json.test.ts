import { describe, expect, it } from 'vitest';
import { createApiRouter } from '../../main/api/router';
import { FieldbookError } from '../../main/core/errors';
import { FieldbookExport } from '../../main/core/export/exportSchema';
import { exportFieldbookJson, stringifyExport } from '../../main/core/export/fieldbookJson';
import { applyImport, previewImport } from '../../main/core/export/importFieldbook';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { ListQuery } from '../../shared/contract';
import { exportFixture, steppingClock } from './helpers/exportFixture';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-26T09:00:00Z');

function exportText(book: Fieldbook, entryId: string | null = null): string {
  return stringifyExport(exportFieldbookJson(book, { entryId, appVersion: '0.1.0', now: NOW }));
}

/** Everything an import must restore, read straight from the store. */
function snapshot(book: Fieldbook) {
  const rows = (sql: string) => book.db.prepare(sql).all();
  return {
    records: book.entries.records(),
    setAsides: rows('SELECT * FROM set_asides ORDER BY entry_id, pack_id, rule_id'),
    links: rows('SELECT * FROM entry_links ORDER BY from_id, relation, to_id'),
    tags: rows('SELECT * FROM entry_tags ORDER BY entry_id, tag'),
    publishers: rows('SELECT key_id, name, public_key, added_at FROM trusted_publishers ORDER BY key_id'),
    packs: rows('SELECT id, version, source, trust, signature FROM guideline_packs ORDER BY id'),
    search: book.db.prepare<[], { rowid: number; name: string; body: string }>('SELECT rowid, name, body FROM entries_fts ORDER BY name').all(),
  };
}

function expectRefused(book: Fieldbook, text: string, message: RegExp): void {
  const before = snapshot(book);
  const events: string[] = [];
  const unsubscribe = book.events.subscribe((event) => events.push(event));
  for (const attempt of [() => previewImport(book, text), () => applyImport(book, text)]) {
    let error: unknown;
    try {
      attempt();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FieldbookError);
    expect((error as FieldbookError).code).toBe('invalid_input');
    expect((error as FieldbookError).message).toMatch(message);
    expect((error as FieldbookError).hint).toContain('Nothing in your fieldbook was changed.');
  }
  unsubscribe();
  expect(events).toEqual([]);
  expect(snapshot(book)).toEqual(before);
}

describe('JSON export and import', () => {
  it('round trip: an empty fieldbook that imports the export has every entry, history row, set-aside and link', () => {
    const { book, pricing, returns, deleted } = exportFixture(tempDir());
    const text = exportText(book);
    const original = snapshot(book);

    const fresh = openFieldbook({ dataDir: tempDir(), clock: steppingClock('2026-11-27T08:00:00Z') });
    const result = applyImport(fresh, text);
    expect(result.applied).toBe(true);
    expect(result.entries.added).toHaveLength(original.records.length);
    expect(result.entries.replaced).toEqual([]);
    expect(result.entries.skipped).toEqual([]);

    const restored = snapshot(fresh);
    expect(restored.records).toEqual(original.records);
    expect(restored.setAsides).toEqual(original.setAsides);
    expect(restored.links).toEqual(original.links);
    expect(restored.tags).toEqual(original.tags);
    expect(restored.publishers).toEqual(original.publishers);
    expect(restored.packs).toEqual(original.packs);
    expect(restored.search.map(({ name, body }) => ({ name, body }))).toEqual(original.search.map(({ name, body }) => ({ name, body })));

    // The history reads the same, the deleted entry can still be restored, links resolve both ways.
    expect(fresh.entries.history(pricing)).toEqual(book.entries.history(pricing));
    expect(fresh.entries.detail(pricing)).toEqual(book.entries.detail(pricing));
    expect(fresh.entries.detail(returns)).toEqual(book.entries.detail(returns));
    // Search, findings with the set-aside and its reason, the profile.
    expect(fresh.entries.list(ListQuery.parse({ query: 'pricing' })).items.map((item) => item.id)).toContain(pricing);
    const setAside = fresh.guidelines.findings(pricing).find((finding) => finding.outcome === 'set-aside');
    expect(setAside?.setAside?.reason).toBe('Reviewed with IT every quarter <instead>.');
    expect(fresh.settings.get().profile).toEqual({ name: 'Anna Berg', team: 'Finance' });
    expect(fresh.guidelines.packsInForce().find((pack) => pack.id === 'contoso.it')?.trust).toBe('signed');
    expect(result.packs.added).toEqual([{ id: 'contoso.it', version: expect.any(String), reason: 'Signed by Contoso IT; the signature checks out.' }]);

    // Exporting again gives the same file, but for when the pack was imported here.
    const again = JSON.parse(exportText(fresh)) as FieldbookExport;
    const first = JSON.parse(text) as FieldbookExport;
    const withoutPackTimes = (data: FieldbookExport) => ({ ...data, packs: data.packs.map(({ importedAt: _at, ...pack }) => pack) });
    expect(withoutPackTimes(again)).toEqual(withoutPackTimes(first));
    expect(fresh.entries.restore(deleted).name).toBe('Old tracker');
    fresh.close();
    book.close();
  });

  it('a signed pack stays signed only while its signature checks out; otherwise it comes as “unsigned, my own” and says why', () => {
    const { book } = exportFixture(tempDir());
    const data = JSON.parse(exportText(book)) as FieldbookExport;
    const pack = data.packs.find((candidate) => candidate.id === 'contoso.it')!;
    expect(pack).toMatchObject({ trust: 'signed', signature: expect.stringContaining('ed25519') });

    const importInto = (changed: FieldbookExport) => {
      const fresh = openFieldbook({ dataDir: tempDir() });
      const result = applyImport(fresh, stringifyExport(changed));
      const trust = fresh.guidelines.packsInForce().find((candidate) => candidate.id === 'contoso.it')?.trust;
      fresh.close();
      return { reason: result.packs.added[0]?.reason, trust };
    };
    // Changed after signing: the rules still arrive, without the "signed" mark.
    const tampered = { ...data, packs: [{ ...pack, source: pack.source.replace('name:', 'name: Changed') }] };
    expect(importInto(tampered)).toEqual({ reason: expect.stringMatching(/^Kept as “unsigned, my own”: The pack was changed after Contoso IT signed it/), trust: 'unsigned-own' });
    // Its publisher not in the file (and not trusted here).
    expect(importInto({ ...data, trustedPublishers: [] })).toEqual({ reason: expect.stringMatching(/^Kept as “unsigned, my own”: This pack is signed with a key you do not trust yet/), trust: 'unsigned-own' });
    // An export written before signatures were carried.
    const { signature: _signature, ...older } = pack;
    expect(importInto({ ...data, packs: [older] })).toEqual({ reason: expect.stringMatching(/this export does not carry the signature/), trust: 'unsigned-own' });
    book.close();
  });

  it('the export matches its published schema and says what it is', () => {
    const { book } = exportFixture(tempDir());
    const data = JSON.parse(exportText(book));
    expect(FieldbookExport.safeParse(data).success).toBe(true);
    expect(data).toMatchObject({ format: 'fieldbook-export', version: 1, exportedAt: NOW.toISOString(), app: { version: '0.1.0' }, scope: 'all' });
    book.close();
  });

  it('a one-entry export carries that entry and its set-asides, and nothing else', () => {
    const { book, pricing } = exportFixture(tempDir());
    const data = JSON.parse(exportText(book, pricing)) as FieldbookExport;
    expect(data.scope).toBe('entry');
    expect(data.entries.map((record) => record.entry.id)).toEqual([pricing]);
    expect(data.setAsides).toHaveLength(1);
    expect(data.settings).toBeNull();
    expect(data.packs).toEqual([]);
    book.close();
  });

  it('refuses a file that is not JSON, and changes nothing', () => {
    const { book } = exportFixture(tempDir());
    expectRefused(book, 'name,kind\nPricing,spreadsheet\n', /not valid JSON/);
    expectRefused(book, '   ', /empty/);
    book.close();
  });

  it('refuses a truncated export, and changes nothing', () => {
    const { book } = exportFixture(tempDir());
    const text = exportText(book);
    expectRefused(book, text.slice(0, Math.floor(text.length / 2)), /cut off/);
    book.close();
  });

  it('refuses a foreign file, and changes nothing', () => {
    const { book } = exportFixture(tempDir());
    expectRefused(book, JSON.stringify({ name: 'fieldbook', version: '0.1.0', dependencies: {} }), /not a Fieldbook export: it is JSON from another program/);
    expectRefused(book, JSON.stringify({ format: 'other-app-backup', version: 1 }), /not a Fieldbook export: it is a “other-app-backup” file/);
    expectRefused(book, '[1, 2, 3]', /not a Fieldbook export/);
    book.close();
  });

  it('refuses an export from a newer Fieldbook, and says to update', () => {
    const { book } = exportFixture(tempDir());
    const newer = { ...JSON.parse(exportText(book)), version: 2 };
    expectRefused(book, JSON.stringify(newer), /newer Fieldbook \(export version 2; this Fieldbook reads version 1\)/);
    book.close();
  });

  it('refuses a damaged export, naming what is wrong, and changes nothing', () => {
    const { book } = exportFixture(tempDir());
    const data = JSON.parse(exportText(book)) as FieldbookExport;
    const badKind = structuredClone(data);
    (badKind.entries[0]!.entry as { kind: string }).kind = 'teapot';
    expectRefused(book, JSON.stringify(badKind), /damaged: entries\.0\.entry\.kind/);
    const badHistory = structuredClone(data);
    badHistory.entries.find((record) => record.history.length > 1)!.history.pop();
    expectRefused(book, JSON.stringify(badHistory), /history of .* does not match its revision/);
    const twice = structuredClone(data);
    twice.entries.push(twice.entries[0]!);
    expectRefused(book, JSON.stringify(twice), /appears twice/);
    book.close();
  });

  it('never overwrites newer local data: the preview says skipped, and the import keeps the local version', () => {
    const laptop = exportFixture(tempDir());
    const backup = exportText(laptop.book);
    // The same fieldbook on a new laptop, edited there after the move.
    const newLaptop = openFieldbook({ dataDir: tempDir(), clock: steppingClock('2026-12-01T08:00:00Z') });
    applyImport(newLaptop, backup);
    const edited = newLaptop.entries.update(laptop.pricing, { purpose: 'Edited on the new laptop.' });

    const preview = previewImport(newLaptop, backup);
    expect(preview.applied).toBe(false);
    expect(preview.entries.added).toEqual([]);
    expect(preview.entries.replaced).toEqual([]);
    const skipped = preview.entries.skipped.find((change) => change.id === laptop.pricing);
    expect(skipped).toMatchObject({ localRevision: edited.revision, reason: expect.stringContaining('here is newer') });
    expect(preview.summary).toContain('will be kept as they are here');

    const result = applyImport(newLaptop, backup);
    expect(result.entries.replaced).toEqual([]);
    expect(newLaptop.entries.get(laptop.pricing)).toEqual(edited);
    newLaptop.close();
    laptop.book.close();
  });

  it('replaces an entry with the newer version from the file, with its history, and says so first', () => {
    const laptop = exportFixture(tempDir());
    const other = openFieldbook({ dataDir: tempDir(), clock: steppingClock('2026-11-20T08:00:00Z') });
    applyImport(other, exportText(laptop.book));
    laptop.book.entries.update(laptop.returns, { owner: 'Priya Shah' });
    const newer = exportText(laptop.book);

    const preview = previewImport(other, newer);
    expect(preview.entries.replaced.map((change) => change.id)).toEqual([laptop.returns]);
    expect(preview.entries.replaced[0]!.reason).toContain('newer version');
    const changed: string[][] = [];
    other.events.subscribe((event, payload) => {
      if (event === 'entries.changed') changed.push((payload as { ids: string[] }).ids);
    });
    applyImport(other, newer);
    expect(other.entries.get(laptop.returns).owner).toBe('Priya Shah');
    expect(other.entries.history(laptop.returns)).toEqual(laptop.book.entries.history(laptop.returns));
    expect(changed).toEqual([[laptop.returns]]);
    other.close();
    laptop.book.close();
  });

  it('keeps an entry changed on both computers as it is here, even when the file has a higher revision', () => {
    const laptop = exportFixture(tempDir());
    const backup = exportText(laptop.book);
    const other = openFieldbook({ dataDir: tempDir(), clock: steppingClock('2027-01-01T08:00:00Z') });
    applyImport(other, backup);
    const local = other.entries.update(laptop.returns, { notes: 'Changed here, later.' });
    laptop.book.entries.update(laptop.returns, { notes: 'Changed there, first.' });
    laptop.book.entries.update(laptop.returns, { notes: 'Changed there, twice.' });
    const preview = previewImport(other, exportText(laptop.book));
    expect(preview.entries.skipped.find((change) => change.id === laptop.returns)?.reason).toContain('Changed on both computers');
    applyImport(other, exportText(laptop.book));
    expect(other.entries.get(laptop.returns)).toEqual(local);
    other.close();
    laptop.book.close();
  });

  it('the API renders exports as text and previews and applies imports, validating the input', async () => {
    const { book, pricing } = exportFixture(tempDir());
    const router = createApiRouter(book);
    const rendered = await router.call('export.render', { format: 'md', entryId: pricing });
    expect(rendered).toMatchObject({ ok: true, value: { fileName: 'quote-pricing-workbook.md', mimeType: 'text/markdown; charset=utf-8' } });
    const json = await router.call('export.render', { format: 'json', entryId: null });
    expect(json.ok).toBe(true);
    const fresh = createApiRouter(openFieldbook({ dataDir: tempDir() }));
    const text = (json as { value: { content: string } }).value.content;
    expect(await fresh.call('import.preview', { text })).toMatchObject({ ok: true, value: { applied: false } });
    expect(await fresh.call('import.apply', { text })).toMatchObject({ ok: true, value: { applied: true } });
    expect(await fresh.call('import.preview', { text: '{"format":"fieldbook-export","version":9}' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('newer Fieldbook') },
    });
    expect(await router.call('export.render', { format: 'pdf', entryId: null })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await router.call('import.apply', { text: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    book.close();
  });
});
