import { describe, expect, it } from 'vitest';
import { ListQuery } from '../../shared/contract';
import { EntryDetail, HomeSummary, ListPage } from '../../shared/contract';
import { toFtsQuery } from '../../main/core/entries';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { useTempDirs } from './helpers/tempDir';

const tempDir = useTempDirs();

function fieldbook(): Fieldbook {
  return openFieldbook({ dataDir: tempDir() });
}
const list = (book: Fieldbook, query: Partial<ListQuery> = {}) => book.entries.list(ListQuery.parse(query));

describe('entries', () => {
  it('a new entry starts at revision 1 with its owner taken from the profile', () => {
    const book = fieldbook();
    book.settings.update({ profile: { name: 'Anna Berg', team: 'Finance' } });
    const entry = book.createEntry({ name: 'Quote pricing workbook', kind: 'spreadsheet' });
    expect(entry.revision).toBe(1);
    expect(entry.owner).toBe('Anna Berg');
    expect(entry.team).toBe('Finance');
    expect(book.entries.get(entry.id)).toEqual(entry);
    book.close();
  });

  it('an edit bumps the revision and records what changed in the history', () => {
    const book = fieldbook();
    const entry = book.createEntry({ name: 'Returns database', kind: 'database' });
    const edited = book.entries.update(entry.id, { purpose: 'Tracks returns', criticality: 'high' });
    expect(edited.revision).toBe(2);
    const history = book.entries.history(entry.id);
    expect(history.map((item) => item.action)).toEqual(['updated', 'created']);
    expect(history[0]!.changes).toEqual([
      { field: 'purpose', before: '', after: 'Tracks returns' },
      { field: 'criticality', before: null, after: 'high' },
    ]);
    book.close();
  });

  it('an edit that changes nothing does not add a revision', () => {
    const book = fieldbook();
    const entry = book.createEntry({ name: 'Shift planner', kind: 'spreadsheet' });
    expect(book.entries.update(entry.id, { name: 'Shift planner' }).revision).toBe(1);
    expect(book.entries.history(entry.id)).toHaveLength(1);
    book.close();
  });

  it('an invalid edit is refused and changes nothing', () => {
    const book = fieldbook();
    const entry = book.createEntry({ name: 'Budget model', kind: 'spreadsheet' });
    expect(() => book.entries.update(entry.id, { name: '   ' })).toThrow(/name/i);
    expect(book.entries.get(entry.id)).toEqual(entry);
    expect(book.entries.history(entry.id)).toHaveLength(1);
    book.close();
  });

  it('a deleted entry leaves the list and comes back, whole, when restored', () => {
    const book = fieldbook();
    const entry = book.createEntry({ name: 'Sample tracking', kind: 'database', tags: ['lab'] });
    book.entries.delete(entry.id);
    expect(list(book).total).toBe(0);
    expect(() => book.entries.get(entry.id)).toThrow(/not found/);
    const restored = book.entries.restore(entry.id);
    expect(restored.revision).toBe(3);
    expect(list(book).items.map((item) => item.name)).toEqual(['Sample tracking']);
    expect(book.entries.history(entry.id).map((item) => item.action)).toEqual(['restored', 'deleted', 'created']);
    book.close();
  });

  it('search finds an entry by any word of its text, as a prefix, ignoring case and accents', () => {
    const book = fieldbook();
    book.createEntry({ name: 'Monday merge script', kind: 'script', purpose: 'Merges the CRM export with the ERP orders' });
    book.createEntry({ name: 'Café budget', kind: 'spreadsheet', notes: 'Kept by Zoë' });
    expect(list(book, { query: 'crm ord' }).items.map((item) => item.name)).toEqual(['Monday merge script']);
    expect(list(book, { query: 'cafe' }).items.map((item) => item.name)).toEqual(['Café budget']);
    expect(list(book, { query: 'zoe' }).total).toBe(1);
    expect(list(book, { query: '"unbalanced ( quotes*' }).total).toBe(0);
    book.close();
  });

  it('filters narrow the list and sorting orders it', () => {
    const book = fieldbook();
    book.createEntry({ name: 'B workbook', kind: 'spreadsheet', criticality: 'critical', tags: ['audit'] });
    book.createEntry({ name: 'A database', kind: 'database', criticality: 'low', sensitivity: 'confidential' });
    book.createEntry({ name: 'C script', kind: 'script', criticality: 'high', lifecycle: 'retired', tags: ['audit'] });
    const names = (query: Partial<ListQuery>) => list(book, query).items.map((item) => item.name);
    expect(names({})).toEqual(['A database', 'B workbook', 'C script']);
    expect(names({ kinds: ['script', 'database'] })).toEqual(['A database', 'C script']);
    expect(names({ criticalities: ['critical', 'high'] })).toEqual(['B workbook', 'C script']);
    expect(names({ sensitivities: ['confidential'] })).toEqual(['A database']);
    expect(names({ lifecycles: ['retired'] })).toEqual(['C script']);
    expect(names({ tags: ['audit'] })).toEqual(['B workbook', 'C script']);
    expect(names({ sortBy: 'criticality', sortDirection: 'desc' })).toEqual(['B workbook', 'C script', 'A database']);
    expect(book.entries.tags()).toEqual([{ tag: 'audit', count: 2 }]);
    book.close();
  });

  it('the list is paged, with the total of all matches', () => {
    const book = fieldbook();
    for (let i = 0; i < 12; i++) book.createEntry({ name: `Tool ${String(i).padStart(2, '0')}`, kind: 'other' });
    const page = list(book, { offset: 10, limit: 5 });
    expect(ListPage.parse(page)).toEqual(page);
    expect(page.total).toBe(12);
    expect(page.items.map((item) => item.name)).toEqual(['Tool 10', 'Tool 11']);
    book.close();
  });

  it('links between entries are seen from both sides', () => {
    const book = fieldbook();
    const workbook = book.createEntry({ name: 'Pricing workbook', kind: 'spreadsheet' });
    const script = book.createEntry({
      name: 'Merge script',
      kind: 'script',
      dependsOn: [{ type: 'entry', entryId: workbook.id }, { type: 'system', name: 'SAP export' }],
    });
    const detail = book.entries.detail(workbook.id);
    expect(EntryDetail.parse(detail)).toEqual(detail);
    expect(detail.inferredFeeds).toEqual([{ id: script.id, name: 'Merge script' }]);
    expect(book.entries.detail(script.id).linkedNames).toEqual({ [workbook.id]: 'Pricing workbook' });
    expect(list(book, { query: 'sap' }).items.map((item) => item.name)).toEqual(['Merge script']);
    book.close();
  });

  it('the home view counts tools and lists what needs attention, most important first', () => {
    const pack = `fieldbookPack: 1
id: home.test
name: Home test
version: 1.0.0
publisher: IT
date: 2026-11-01
rules:
  - { id: owner, title: Has an owner, question: Who owns it?, severity: required, category: Ownership, why: w, how: [h], inputs: [owner], check: 'entry.owner != ""' }
  - { id: backup, title: Critical tools have a backup owner, question: Who stands in?, severity: important, category: Ownership, why: w, how: [h], appliesWhen: 'entry.criticality == "critical"', check: 'entry.backupOwners.size() > 0' }
`;
    const book = openFieldbook({ dataDir: tempDir(), baselinePack: pack });
    book.createEntry({ name: 'Calm tool', kind: 'other', owner: 'Ann', criticality: 'low' });
    book.createEntry({ name: 'Critical tool', kind: 'spreadsheet', owner: 'Ann', criticality: 'critical' });
    book.createEntry({ name: 'Unowned tool', kind: 'script', owner: '', criticality: 'medium' });
    const home = book.home();
    expect(HomeSummary.parse(home)).toEqual(home);
    expect(home.total).toBe(3);
    expect(home.byKind).toEqual({ other: 1, spreadsheet: 1, script: 1 });
    expect(home.needsAttention.map((item) => [item.name, item.reasons])).toEqual([
      ['Unowned tool', ['Needs info: Who owns it?']],
      ['Critical tool', ['Not met yet: Critical tools have a backup owner']],
    ]);
    expect(home.recentChanges).toHaveLength(3);
    book.close();
  });
});

describe('search words', () => {
  it('every word becomes a quoted prefix, so operators typed by the user are plain text', () => {
    expect(toFtsQuery('crm OR "x')).toBe('"crm"* "OR"* "x"*');
    expect(toFtsQuery('  ')).toBeNull();
  });
});
