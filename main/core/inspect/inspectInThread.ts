import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { inspectAccess } from './access/inspectAccess';
import { inspectCompoundFile } from './biff/inspectCompoundFile';
import type { InspectContext } from './inspectContext';
import { emptyInspection, type InspectionResult } from '../../../shared/inspection';
import { DEFAULT_LIMITS, InspectionFailure, type InspectionLimits } from './limits';
import { inspectOds } from './ods/inspectOds';
import { inspectOoxml } from './ooxml/inspectOoxml';
import { inspectScript } from './text/inspectScript';
import { SCRIPT_FORMATS, TEXT_EXTENSIONS, formatFromExtension } from './formats';

export { formatFromExtension };
import { inspectDelimitedText } from './text/inspectText';


/** Files up to this size are hashed in one read: a stream's open and read round trips cost more. */
const HASH_IN_ONE_READ = 8 * 1024 * 1024;

async function sha256(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  if (size <= HASH_IN_ONE_READ) return hash.update(readFileSync(path)).digest('hex');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}


/**
 * Inspects one file in the calling thread. Never throws for a problem with the file: the result's
 * `error` says what happened. Use `inspectFile` (a worker with limits) for files you do not trust.
 */
export async function inspectInThread(path: string, limits: InspectionLimits = DEFAULT_LIMITS): Promise<InspectionResult> {
  const result = emptyInspection(path);
  const extension = extname(path).slice(1).toLowerCase();
  result.format = formatFromExtension(extension);
  const context: InspectContext = { path, extension, limits, result };
  try {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new InspectionFailure(code === 'ENOENT' ? 'not_found' : 'unreadable', code === 'ENOENT' ? 'The file does not exist (any more).' : `The file cannot be read (${code ?? 'unknown reason'}).`);
    }
    if (!stats.isFile()) throw new InspectionFailure('unsupported', 'This is not a regular file.');
    result.bytes = stats.size;
    result.fileModified = stats.mtime.toISOString();
    result.sha256 = await sha256(path, stats.size);
    if (stats.size === 0) throw new InspectionFailure('empty', 'The file is empty (0 bytes).');
    const head = readHead(path, 32);
    await dispatch(context, head);
  } catch (error) {
    result.error = errorOf(error);
  }
  return result;
}

async function dispatch(context: InspectContext, head: Buffer): Promise<void> {
  const { result, extension } = context;
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) {
    if (extension === 'ods' || extension === 'ots' || head.toString('latin1', 30, 38) === 'mimetype') {
      await inspectOds(context);
      return;
    }
    await inspectOoxml(context);
    return;
  }
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
    inspectCompoundFile(context);
    return;
  }
  const jet = head.toString('latin1', 4, 19);
  if (jet === 'Standard Jet DB' || jet === 'Standard ACE DB') {
    await inspectAccess(context);
    return;
  }
  if (SCRIPT_FORMATS[extension]) {
    inspectScript(context);
    return;
  }
  if (TEXT_EXTENSIONS.has(extension)) {
    inspectDelimitedText(context);
    return;
  }
  if (['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'xlsb', 'ods', 'mdb', 'accdb'].includes(extension)) {
    throw new InspectionFailure('corrupt', `The file is named .${extension} but does not start like one: it is damaged, cut off, or something else renamed.`);
  }
  if (extension === 'xls' || extension === 'xla' || extension === 'xlt') {
    if (looksLikeText(head)) {
      result.warnings.push(`The file is named .${extension} but is text (often HTML or CSV saved with an Excel name); it was read as text.`);
      inspectDelimitedText(context);
      return;
    }
    throw new InspectionFailure('corrupt', `The file is named .${extension} but is not an Excel 97–2003 workbook: it is damaged, cut off, or something else renamed.`);
  }
  result.format = 'other';
}

function looksLikeText(head: Buffer): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  for (const byte of head) if (byte === 0 || (byte < 9 && byte !== 0)) return false;
  return true;
}

export function errorOf(error: unknown): InspectionResult['error'] {
  if (error instanceof InspectionFailure) return { code: error.code, message: error.message };
  if (error instanceof RangeError && /call stack|Array buffer allocation|Invalid array length|Invalid string length/i.test(error.message)) {
    return { code: 'too_large', message: `The file needs more memory than Fieldbook allows for one file (${error.message}).` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'corrupt', message: `Fieldbook could not read this file: ${message}` };
}
