import { describe, expect, it } from 'vitest';
import type { FilePreview } from '../../shared/contract';
import { emptyInspection } from '../../shared/inspection';
import { MAX_COPY_BYTES } from '../../shared/droppedCopy';
import { draftFromCopy, fieldsToCreate, setCopyLocation } from '../../renderer/features/add/fileEntryState';
import { droppedItems, planAddDrop, planFilesDrop, planFolderDrop, type DroppedItem, type TransferLike } from '../../renderer/features/files/dropPlan';

const file = (name: string, path = '', size = 1000): DroppedItem => ({ name, size, path, folder: false, file: new File(['x'], name) });
const folder = (name: string, path = ''): DroppedItem => ({ name, size: 0, path, folder: true, file: null });

describe('what a drop onto New entry does', () => {
  it('a file whose path the desktop app knows is read where it lives', () => {
    expect(planAddDrop([file('Pricing.xlsm', 'C:\\Team\\Pricing.xlsm')])).toEqual({ action: 'read-path', path: 'C:\\Team\\Pricing.xlsm', note: null });
  });

  it('a file dropped into a browser tab is read from a copy', () => {
    const item = file('Pricing.xlsm');
    expect(planAddDrop([item])).toEqual({ action: 'read-copy', item, note: null });
  });

  it('a file too large to send as a copy is not sent, and she is told to type its path', () => {
    const plan = planAddDrop([file('Archive.xlsx', '', MAX_COPY_BYTES + 1)]);
    expect(plan).toMatchObject({ action: 'explain', offerFindTools: false });
    expect(plan.action === 'explain' && plan.message).toMatch(/larger than 100 MB.*Type the file’s path instead/);
  });

  it('a folder with a known path starts Find tools; without one, she learns why and where to go', () => {
    expect(planAddDrop([folder('Finance', '\\\\fin-share\\Finance')])).toEqual({ action: 'find-tools', folder: '\\\\fin-share\\Finance', note: null });
    const unknown = planAddDrop([folder('Finance')]);
    expect(unknown).toMatchObject({ action: 'explain', offerFindTools: true });
    expect(unknown.action === 'explain' && unknown.message).toMatch(/“Finance” is a folder\. A browser tab cannot see where a dropped folder lives/);
  });

  it('several things: the first is taken, and a note says so', () => {
    const plan = planAddDrop([file('A.xlsx', '/t/A.xlsx'), file('B.xlsx', '/t/B.xlsx')]);
    expect(plan).toMatchObject({ action: 'read-path', path: '/t/A.xlsx' });
    expect(plan.action === 'read-path' && plan.note).toBe('You dropped 2 things; Fieldbook took the first, “A.xlsx”. To find several tools at once, use Find tools on their folder.');
  });

  it('nothing readable (text dragged from a page) says what to do instead', () => {
    expect(planAddDrop([])).toMatchObject({ action: 'explain', message: expect.stringMatching(/Choose a file…/) });
  });
});

describe('what a drop onto an entry’s files does', () => {
  it('known paths are added, those already listed are not added twice, and copies wait for a location', () => {
    const copy = file('Notes.csv');
    const plan = planFilesDrop([file('A.xlsx', '/t/A.xlsx'), file('B.xlsx', '/t/B.xlsx'), copy], ['/t/B.xlsx']);
    expect(plan).toEqual({ add: ['/t/A.xlsx'], copies: [copy], findTools: null, notes: ['“B.xlsx” is already one of this entry’s files.'] });
  });

  it('a folder alone starts Find tools where its path is known, and is explained where not', () => {
    expect(planFilesDrop([folder('Finance', '/share/Finance')], []).findTools).toBe('/share/Finance');
    expect(planFilesDrop([folder('Finance')], []).notes[0]).toMatch(/A browser tab cannot see where a dropped folder lives/);
  });

  it('folders dropped with files are left aside, with a note', () => {
    const plan = planFilesDrop([file('A.xlsx', '/t/A.xlsx'), folder('Finance', '/share/Finance')], []);
    expect(plan.add).toEqual(['/t/A.xlsx']);
    expect(plan.findTools).toBeNull();
    expect(plan.notes).toEqual(['Folders are not added as files: drop a folder alone to look through it with Find tools.']);
  });
});

describe('Find tools takes a dropped folder', () => {
  it('the first folder with a path; a file or an unknown folder is explained', () => {
    expect(planFolderDrop([file('A.xlsx', '/t/A.xlsx'), folder('Finance', '/share/Finance')])).toEqual({ folder: '/share/Finance' });
    expect(planFolderDrop([file('A.xlsx', '/t/A.xlsx')])).toEqual({ message: '“A.xlsx” is a file. Drop a folder here; to add a tool from one file, use New entry, From a file.' });
    expect(planFolderDrop([folder('Finance')])).toMatchObject({ message: expect.stringMatching(/is a folder/) });
  });
});

describe('reading what was dropped', () => {
  // Stand-ins shaped like DataTransfer items, since Node has no DataTransfer.
  const item = (value: File, isDirectory: boolean) => ({ kind: 'file', getAsFile: () => value, webkitGetAsEntry: () => ({ isDirectory }) });

  it('files and folders are told apart, and each asks the host for its path', () => {
    const workbook = new File(['PK..'], 'Pricing.xlsm');
    const team = new File([], 'Team');
    const transfer: TransferLike = { items: [item(workbook, false), item(team, true), { kind: 'string', getAsFile: () => null }], files: [workbook, team] };
    const paths = new Map<File, string>([[workbook, 'C:\\Team\\Pricing.xlsm'], [team, 'C:\\Team']]);
    expect(droppedItems(transfer, (f) => paths.get(f) ?? '')).toEqual([
      { name: 'Pricing.xlsm', size: 4, path: 'C:\\Team\\Pricing.xlsm', folder: false, file: workbook },
      { name: 'Team', size: 0, path: 'C:\\Team', folder: true, file: null },
    ]);
  });

  it('in a browser tab there is no way to ask, so paths are empty; a file input has files only', () => {
    const csv = new File(['a,b\n'], 'export.csv');
    expect(droppedItems({ files: [csv] }, undefined)).toEqual([{ name: 'export.csv', size: 4, path: '', folder: false, file: csv }]);
  });
});

describe('a new entry from a dropped copy', () => {
  const preview: FilePreview = {
    path: '',
    summary: '1 sheet.',
    result: { ...emptyInspection('Pricing 2026.xlsm'), format: 'xlsm' },
    suggestion: { name: 'Pricing 2026', kind: 'spreadsheet', owner: '', files: [], locations: [], dataCategories: [], sensitivity: null },
  };

  it('has no file until she says where it lives; then it lists the file and its folder', () => {
    const draft = draftFromCopy(preview, 'Pricing 2026.xlsm');
    expect(draft).toMatchObject({ copyOf: 'Pricing 2026.xlsm', path: '', name: 'Pricing 2026' });
    expect(fieldsToCreate(draft)).toMatchObject({ files: [], locations: [] });
    const located = setCopyLocation(draft, '"\\\\fin-share\\Pricing\\Pricing 2026.xlsm"');
    expect(fieldsToCreate(located)).toMatchObject({ files: ['\\\\fin-share\\Pricing\\Pricing 2026.xlsm'], locations: ['\\\\fin-share\\Pricing'] });
  });
});
