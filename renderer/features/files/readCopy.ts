import type { FilePreview } from '../../../shared/contract';
import { api, CallFailed } from '../../api/client';

/** The file's bytes as base64, encoded by the browser itself (no byte-by-byte loop in script). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The dropped file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * Sends a dropped file's bytes to Fieldbook, which reads them from a private copy and deletes it
 * straight away (used where the file's location cannot be known: in a browser tab).
 */
export async function readCopy(file: File): Promise<FilePreview> {
  let base64: string;
  try {
    base64 = await base64Of(file);
  } catch {
    throw new CallFailed('files.previewCopy', {
      code: 'invalid_input',
      message: `This window could not read “${file.name}”.`,
      hint: 'Drop it again, or type the file’s path instead.',
    });
  }
  return api.call('files.previewCopy', { name: file.name, bytes: file.size, base64 });
}
