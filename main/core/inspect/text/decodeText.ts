import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { InspectionResult } from '../../../../shared/inspection';

export interface DecodedText {
  text: string;
  encoding: string;
  bom: boolean;
  /** True when only the first part of a large file was read. */
  partial: boolean;
}

/** Reads at most `maxBytes` from the start of a file. */
export function readStart(path: string, maxBytes: number): { bytes: Buffer; partial: boolean } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const bytes = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const read = readSync(fd, bytes, done, length - done, done);
      if (read === 0) break;
      done += read;
    }
    return { bytes: bytes.subarray(0, done), partial: size > maxBytes };
  } finally {
    closeSync(fd);
  }
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    chunk.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? code : 0xfffd);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Guesses UTF-16/32 without a byte-order mark from where the zero bytes fall. */
function guessWideEncoding(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  if (sample.length < 4) return null;
  const zeros = [0, 0, 0, 0];
  let nonZero = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) zeros[i % 4]!++;
    else nonZero++;
  }
  const quarter = sample.length / 4;
  if (zeros[1]! > quarter * 0.9 && zeros[2]! > quarter * 0.9 && zeros[3]! > quarter * 0.9 && sample.length % 4 === 0) return 'utf-32le';
  if (zeros[0]! > quarter * 0.9 && zeros[1]! > quarter * 0.9 && zeros[2]! > quarter * 0.9 && sample.length % 4 === 0) return 'utf-32be';
  const evenZeros = zeros[0]! + zeros[2]!;
  const oddZeros = zeros[1]! + zeros[3]!;
  const half = sample.length / 2;
  if (oddZeros > half * 0.6 && evenZeros < half * 0.1) return 'utf-16le';
  if (evenZeros > half * 0.6 && oddZeros < half * 0.1) return 'utf-16be';
  return nonZero === sample.length ? null : null;
}

/** Decodes text, detecting the encoding from a byte-order mark, zero-byte patterns or UTF-8 validity. */
export function decodeText(bytes: Buffer, partial: boolean): DecodedText {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8', bom: true, partial };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { text: decodeUtf32(b.subarray(4), true), encoding: 'utf-32le', bom: true, partial };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { text: decodeUtf32(b.subarray(4), false), encoding: 'utf-32be', bom: true, partial };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le', bom: true, partial };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be', bom: true, partial };
  const wide = guessWideEncoding(b);
  if (wide === 'utf-32le' || wide === 'utf-32be') return { text: decodeUtf32(b, wide === 'utf-32le'), encoding: wide, bom: false, partial };
  if (wide) return { text: new TextDecoder(wide).decode(b), encoding: wide, bom: false, partial };
  let ascii = true;
  for (let i = 0; i < b.length; i++) {
    if (b[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { text: b.toString('latin1'), encoding: 'ascii', bom: false, partial };
  try {
    // A cut at maxBytes may split a character: let the last 3 bytes be lenient.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(partial ? b.subarray(0, Math.max(0, b.length - 3)) : b);
    return { text, encoding: 'utf-8', bom: false, partial };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(b), encoding: 'windows-1252', bom: false, partial };
  }
}

/** Line endings and line count (a last line without a line break counts too). */
export function lineFacts(text: string): { lineEndings: NonNullable<InspectionResult['text']>['lineEndings']; lines: number } {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (code === 10) lf++;
  }
  const breaks = crlf + lf + cr;
  const last = text.charCodeAt(text.length - 1);
  const lines = breaks + (text.length > 0 && last !== 10 && last !== 13 ? 1 : 0);
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  const lineEndings = kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
  return { lineEndings, lines };
}
