import type { Entry } from '../../../shared/entry';
import type { InspectedFile } from '../files/entryFiles';
import { describeInspection } from '../inspect/describeInspection';
import type { DocFile } from '../../../shared/export/documentModel';

export { FILE_STATE_LABELS, FILES_NOTE, FILES_SECTION_TITLE, NO_FILES, type DocFile } from '../../../shared/export/documentModel';

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
