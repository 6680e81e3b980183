import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApiRouter } from '../../main/api/router';
import { FieldbookError } from '../../main/core/errors';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { ListQuery } from '../../shared/contract';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();
// Words that appear nowhere else, so finding them in the file's bytes means the entry is still there.
const MARKERS = ['Zebrafish7431 tracker', 'Quokka4417 notes', 'Narwhal9920 draft'];

/** Every byte of the fieldbook's SQLite file and its WAL, as text. */
function fileText(book: Fieldbook): string {
  const parts = [book.databasePath, `${book.databasePath}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1'));
  return parts.join('\n');
}

function fieldbookWithDeletedEntry() {
  const book = openFieldbook({ dataDir: tempDir() });
  const gone = book.createEntry({ name: MARKERS[2]!, kind: 'spreadsheet', tags: ['finance'] });
  book.entries.update(gone.id, { name: MARKERS[0]!, purpose: MARKERS[1]! });
  const kept = book.createEntry({ name: 'Returns database', kind: 'database', dependsOn: [{ type: 'entry', entryId: gone.id }] });
  book.entries.update(gone.id, { dependsOn: [{ type: 'entry', entryId: kept.id }] });
  const rule = book.guidelines.rules()[0]!;
  book.guidelines.setAside(gone.id, rule.packId, rule.id, 'Not for this one.', null, 'Anna');
  book.entries.delete(gone.id);
  return { book, gone: gone.id, kept: kept.id };
}

const count = (book: Fieldbook, sql: string, id: string) => (book.db.prepare(sql).get(id) as { n: number }).n;

describe('deleting an entry for good', () => {
  it('lists deleted entries, most recent first, so they can be brought back or removed', () => {
    const { book, gone } = fieldbookWithDeletedEntry();
    const other = book.createEntry({ name: 'Old tracker', kind: 'other' });
    book.entries.delete(other.id);
    expect(book.entries.deleted().map((entry) => entry.name)).toEqual(['Old tracker', MARKERS[0]]);
    expect(book.entries.deleted()[1]).toMatchObject({ id: gone, kind: 'spreadsheet', deletedAt: expect.any(String) });
    book.close();
  });

  it('removes the entry, its history, tags, links, set-asides and search words from the file, and nothing else', () => {
    const { book, gone, kept } = fieldbookWithDeletedEntry();
    book.db.pragma('wal_checkpoint(TRUNCATE)');
    // Control: a deleted entry is still in the file (that is what makes undo and restore work).
    for (const marker of MARKERS) expect(fileText(book)).toContain(marker);
    expect(fileText(book)).toContain('zebrafish7431');

    expect(book.purgeDeleted([gone, kept, '00000000-0000-4000-8000-000000000000'])).toBe(1);

    expect(book.entries.deleted()).toEqual([]);
    expect(() => book.entries.history(gone)).toThrow(FieldbookError);
    expect(() => book.entries.restore(gone)).toThrow(FieldbookError);
    for (const table of ['entry_history', 'entry_tags', 'set_asides', 'findings', 'entry_files']) {
      expect(count(book, `SELECT count(*) AS n FROM ${table} WHERE entry_id = ?`, gone)).toBe(0);
    }
    expect(count(book, 'SELECT count(*) AS n FROM entry_links WHERE from_id = ?', gone)).toBe(0);
    // The live entry is untouched, still searchable, and still says what it depended on.
    expect(book.entries.get(kept).dependsOn).toEqual([{ type: 'entry', entryId: gone }]);
    expect(book.entries.list(ListQuery.parse({ query: 'Returns' })).items.map((item) => item.id)).toEqual([kept]);
    expect(book.entries.list(ListQuery.parse({ query: 'Zebrafish7431' })).total).toBe(0);

    for (const marker of MARKERS) expect(fileText(book)).not.toContain(marker);
    // Nor the words the search index had taken from them (it keeps them lower-cased, one by one).
    for (const word of MARKERS.map((marker) => marker.split(' ')[0]!.toLowerCase())) expect(fileText(book)).not.toContain(word);
    book.close();
    const reopened = openFieldbook({ dataDir: book.dataDir });
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.entries.all().map((entry) => entry.id)).toEqual([kept]);
    reopened.close();
  });

  it('goes through the API: only entries given, validated, and a live entry is never removed', async () => {
    const { book, gone, kept } = fieldbookWithDeletedEntry();
    const router = createApiRouter(book);
    const events: string[] = [];
    book.events.subscribe((event, payload) => events.push(`${event} ${JSON.stringify(payload)}`));
    expect(await router.call('entries.deleted', {})).toMatchObject({ ok: true, value: [{ id: gone, name: MARKERS[0] }] });
    expect(await router.call('entries.purge', { ids: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await router.call('entries.purge', { ids: ['not an id'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await router.call('entries.purge', { ids: [kept] })).toEqual({ ok: true, value: { purged: 0 } });
    expect(events).toEqual([]);
    expect(await router.call('entries.purge', { ids: [gone] })).toEqual({ ok: true, value: { purged: 1 } });
    expect(events).toEqual([`entries.changed ${JSON.stringify({ ids: [gone], action: 'deleted' })}`]);
    expect(book.entries.get(kept).name).toBe('Returns database');
    book.close();
  });
});
