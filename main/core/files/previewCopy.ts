import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { FilePreview } from '../../../shared/contract';
import type { InspectionResult } from '../../../shared/inspection';
import { FieldbookError } from '../errors';
import { describeInspection } from '../inspect/describeInspection';
import { suggestEntry } from './suggestEntry';

/**
 * Reads a copy of a file whose location Fieldbook cannot know (dropped into a browser tab).
 * The bytes go to a private temporary folder (readable by this user only), are read like any
 * file, and are deleted straight after, whatever happened. Nothing is written to her folders,
 * and the preview names no location: she gives it, if she wants the file kept up to date.
 */
export async function previewCopy(
  inspect: (path: string) => Promise<InspectionResult>,
  copy: { name: string; bytes: number; base64: string },
): Promise<FilePreview> {
  const bytes = Buffer.from(copy.base64, 'base64');
  if (bytes.length !== copy.bytes) {
    throw new FieldbookError(
      'invalid_input',
      `Only ${bytes.length.toLocaleString('en')} of the ${copy.bytes.toLocaleString('en')} bytes of “${copy.name}” arrived.`,
      'Drop the file again, or type its path instead.',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'fieldbook-copy-'));
  let result: InspectionResult;
  try {
    // Only the extension is kept from her file name: the inspectors go by it, and a name can hold anything.
    const path = join(dir, `copy${safeExtension(copy.name)}`);
    await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
    result = await inspect(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // The copy's place and date mean nothing to her: the result names the file she dropped.
  result = { ...result, path: copy.name, fileModified: null };
  return {
    path: '',
    summary: describeInspection(result),
    result,
    suggestion: { ...suggestEntry(result), files: [], locations: [] },
  };
}

function safeExtension(name: string): string {
  const extension = extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(extension) ? extension : '';
}
