import type { Entry } from '../../../shared/entry';
import type { InspectedFile } from '../files/entryFiles';
import { describeInspection } from '../inspect/describeInspection';

/**
 * What Fieldbook found in one of an entry's files, for the documentation. The words come from
 * describeInspection, the same sentence `fieldbook inspect` and the entry view show: kinds,
 * counts and places only, never a value read from the file.
 */
export interface DocFile {
  /** The path as the entry lists it. */
  path: string;
  /** The file's own name, and the folder it is in ("" when the path has none). */
  name: string;
  folder: string;
  state: 'read' | 'problem' | 'not-read';
  /** "Read on 26 November 2026", "Could not be read on …", or "Not read yet". */
  status: string;
  /** When it was read (ISO), or null. */
  readAt: string | null;
  /** What was found, in plain words; or why it could not be read; or that it was not read. */
  found: string;
  /** What could not be read completely, in plain words (the first few, as `fieldbook inspect` shows them). */
  notes: string[];
}

export const FILES_SECTION_TITLE = 'Files and what Fieldbook found in them';
export const NO_FILES = 'No files added yet, so there is nothing Fieldbook found in them to show.';
export const FILES_NOTE =
  'What Fieldbook found is as of the day it last read each file. It only reads files: it never opens them in Office, runs their macros or changes them.';
const MAX_NOTES = 3;
const NOT_READ = 'Fieldbook has not looked inside this file yet, so what is in it is not part of this document.';

function splitPath(path: string): { name: string; folder: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? { name: path, folder: '' } : { name: path.slice(cut + 1) || path, folder: path.slice(0, cut) };
}

/**
 * One row per file the entry lists, in its order, with what was found when it was last read.
 * `readOn` turns the ISO time into words ("26 November 2026").
 */
export function docFiles(entry: Entry, inspected: readonly InspectedFile[], readOn: (iso: string) => string): DocFile[] {
  const byPath = new Map(inspected.map((file) => [file.path, file]));
  return entry.files.map((path): DocFile => {
    const file = byPath.get(path);
    if (!file) return { path, ...splitPath(path), state: 'not-read', status: 'Not read yet', readAt: null, found: NOT_READ, notes: [] };
    const problem = file.result.error !== null;
    return {
      path,
      ...splitPath(path),
      state: problem ? 'problem' : 'read',
      status: `${problem ? 'Could not be read on' : 'Read on'} ${readOn(file.inspectedAt)}`,
      readAt: file.inspectedAt,
      found: describeInspection(file.result),
      notes: file.result.warnings.slice(0, MAX_NOTES),
    };
  });
}

/** Words for the state, in the spreadsheet's Status column (short, for filtering). */
export const FILE_STATE_LABELS: Record<DocFile['state'], string> = {
  read: 'Read',
  problem: 'Could not be read',
  'not-read': 'Not read yet',
};
