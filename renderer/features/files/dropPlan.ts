import { MAX_COPY_BYTES, copyTooLargeMessage } from '../../../shared/droppedCopy';

/** One thing dropped or picked: a file or a folder, with its path when the host can tell it. */
export interface DroppedItem {
  name: string;
  size: number;
  /** Where it lives ("" when unknown: always so in a browser tab). */
  path: string;
  folder: boolean;
  file: File | null;
}

/** What a drop onto the Add view leads to. */
export type DropPlan =
  | { action: 'read-path'; path: string; note: string | null }
  | { action: 'read-copy'; item: DroppedItem; note: string | null }
  | { action: 'find-tools'; folder: string; note: string | null }
  | { action: 'explain'; message: string; offerFindTools: boolean };

export const FOLDER_PATH_UNKNOWN = (name: string) =>
  `“${name}” is a folder. A browser tab cannot see where a dropped folder lives, so Fieldbook cannot look through it from here. Paste the folder’s path under Find tools instead.`;

const NOTHING =
  'Nothing Fieldbook can read was dropped. Drag the file from Explorer or Finder, or use “Choose a file…”.';

/** The Add view makes one entry: the first thing dropped decides, and a note says so when there were more. */
export function planAddDrop(items: readonly DroppedItem[]): DropPlan {
  const first = items[0];
  if (!first) return { action: 'explain', message: NOTHING, offerFindTools: false };
  const note =
    items.length > 1
      ? `You dropped ${items.length} things; Fieldbook took the first, “${first.name}”. To find several tools at once, use Find tools on their folder.`
      : null;
  if (first.folder) {
    return first.path
      ? { action: 'find-tools', folder: first.path, note }
      : { action: 'explain', message: FOLDER_PATH_UNKNOWN(first.name), offerFindTools: true };
  }
  if (first.path) return { action: 'read-path', path: first.path, note };
  if (!first.file) return { action: 'explain', message: NOTHING, offerFindTools: false };
  if (first.size > MAX_COPY_BYTES) return { action: 'explain', message: copyTooLargeMessage(first.name), offerFindTools: false };
  return { action: 'read-copy', item: first, note };
}

/** What a drop onto an entry's files leads to: paths to add, copies to read, or a folder to look through. */
export interface FilesDropPlan {
  add: string[];
  copies: DroppedItem[];
  /** A folder with a known path, when only folders were dropped: Find tools starts on it. */
  findTools: string | null;
  /** Said when something dropped was left aside, and why. */
  notes: string[];
}

export function planFilesDrop(items: readonly DroppedItem[], listed: readonly string[]): FilesDropPlan {
  const plan: FilesDropPlan = { add: [], copies: [], findTools: null, notes: [] };
  const files = items.filter((item) => !item.folder);
  const folders = items.filter((item) => item.folder);
  for (const item of files) {
    if (item.path) {
      if (listed.includes(item.path) || plan.add.includes(item.path)) plan.notes.push(`“${item.name}” is already one of this entry’s files.`);
      else plan.add.push(item.path);
    } else if (item.size > MAX_COPY_BYTES) {
      plan.notes.push(copyTooLargeMessage(item.name));
    } else if (item.file) {
      plan.copies.push(item);
    }
  }
  if (folders.length > 0) {
    const known = folders.find((folder) => folder.path !== '');
    if (files.length === 0 && known) plan.findTools = known.path;
    else if (files.length > 0) plan.notes.push('Folders are not added as files: drop a folder alone to look through it with Find tools.');
    else plan.notes.push(FOLDER_PATH_UNKNOWN(folders[0]!.name));
  }
  if (items.length === 0) plan.notes.push(NOTHING);
  return plan;
}

/** The parts of a DataTransfer (or of a file input) that a drop needs; real ones fit, so do test stand-ins. */
export interface TransferLike {
  items?: ArrayLike<{ kind: string; getAsFile(): File | null; webkitGetAsEntry?(): { isDirectory: boolean } | null }>;
  files: ArrayLike<File>;
}

/**
 * What was dropped. Read it during the drop event: the browser empties the DataTransfer after.
 * `pathOf` is the host's way to learn a file's path (the desktop app's preload); none in a tab.
 */
export function droppedItems(transfer: TransferLike, pathOf: ((file: File) => string) | undefined): DroppedItem[] {
  const found: DroppedItem[] = [];
  const items = transfer.items ? Array.from(transfer.items).filter((item) => item.kind === 'file') : [];
  const files = items.length > 0 ? items.map((item) => ({ file: item.getAsFile(), folder: item.webkitGetAsEntry?.()?.isDirectory ?? false })) : Array.from(transfer.files).map((file) => ({ file, folder: false }));
  for (const { file, folder } of files) {
    if (!file) continue;
    found.push({ name: file.name, size: folder ? 0 : file.size, path: pathOf?.(file) ?? '', folder, file: folder ? null : file });
  }
  return found;
}

/** Find tools takes a folder: the first dropped folder with a known path, or why there is none. */
export function planFolderDrop(items: readonly DroppedItem[]): { folder: string } | { message: string } {
  const folder = items.find((item) => item.folder);
  if (folder?.path) return { folder: folder.path };
  if (folder) return { message: FOLDER_PATH_UNKNOWN(folder.name) };
  if (items.length > 0) return { message: `“${items[0]!.name}” is a file. Drop a folder here; to add a tool from one file, use New entry, From a file.` };
  return { message: NOTHING };
}
