import type { InspectionResult } from '../../../../shared/inspection';
import type { CompoundFile } from './compoundFile';

type Properties = InspectionResult['properties'];

/** Code page number → a label TextDecoder knows. */
export function codePageLabel(codePage: number): string {
  if (codePage === 1200) return 'utf-16le';
  if (codePage === 1201) return 'utf-16be';
  if (codePage === 65001) return 'utf-8';
  if (codePage === 10000) return 'macintosh';
  if (codePage === 932) return 'shift_jis';
  if (codePage === 936) return 'gbk';
  if (codePage === 949) return 'euc-kr';
  if (codePage === 950) return 'big5';
  if (codePage >= 874 && codePage <= 1258) return codePage === 874 ? 'windows-874' : `windows-${codePage}`;
  if (codePage === 20127) return 'us-ascii';
  if (codePage === 28591) return 'iso-8859-1';
  return 'windows-1252';
}

export function decodeCodePage(bytes: Uint8Array, codePage: number): string {
  try {
    return new TextDecoder(codePageLabel(codePage)).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads one property set stream (MS-OLEPS) into a map of property id → value. */
export function readPropertySet(data: Buffer): Map<number, string | Date | number> {
  const values = new Map<number, string | Date | number>();
  if (data.length < 48) return values;
  const setOffset = data.readUInt32LE(44);
  if (setOffset + 8 > data.length) return values;
  const count = Math.min(data.readUInt32LE(setOffset + 4), 1000);
  let codePage = 1252;
  const entries: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const at = setOffset + 8 + i * 8;
    if (at + 8 > data.length) break;
    entries.push([data.readUInt32LE(at), setOffset + data.readUInt32LE(at + 4)]);
  }
  const codePageEntry = entries.find(([id]) => id === 1);
  if (codePageEntry && codePageEntry[1] + 6 <= data.length) codePage = data.readUInt16LE(codePageEntry[1] + 4);
  for (const [id, at] of entries) {
    if (at + 4 > data.length) continue;
    const type = data.readUInt32LE(at) & 0xffff;
    if (type === 0x1e && at + 8 <= data.length) {
      const length = Math.min(data.readUInt32LE(at + 4), data.length - at - 8, 64 * 1024);
      let bytes = data.subarray(at + 8, at + 8 + length);
      if (codePage === 1200) {
        const text = bytes.toString('utf16le');
        values.set(id, text.replace(/\0+$/, ''));
        continue;
      }
      const nul = bytes.indexOf(0);
      if (nul >= 0) bytes = bytes.subarray(0, nul);
      values.set(id, decodeCodePage(bytes, codePage));
    } else if (type === 0x1f && at + 8 <= data.length) {
      const chars = Math.min(data.readUInt32LE(at + 4), (data.length - at - 8) >> 1, 32 * 1024);
      values.set(id, data.toString('utf16le', at + 8, at + 8 + chars * 2).replace(/\0+$/, ''));
    } else if (type === 0x40 && at + 12 <= data.length) {
      const ticks = data.readBigUInt64LE(at + 4);
      if (ticks > 0n) {
        const ms = Number(ticks / 10_000n) - 11_644_473_600_000;
        const date = new Date(ms);
        if (!Number.isNaN(date.getTime()) && ms > 0) values.set(id, date);
      }
    } else if (type === 0x02 && at + 6 <= data.length) {
      values.set(id, data.readUInt16LE(at + 4));
    }
  }
  return values;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isoDate(value: unknown): string | null {
  return value instanceof Date ? value.toISOString().replace(/\.000Z$/, 'Z') : null;
}

/** Author, dates and application from SummaryInformation, company from DocumentSummaryInformation. */
export function readOleProperties(file: CompoundFile): Properties {
  const properties: Properties = { author: null, lastModifiedBy: null, created: null, modified: null, application: null, company: null };
  const summary = file.find(['\u0005SummaryInformation']);
  if (summary) {
    const values = readPropertySet(file.read(summary, 4 * 1024 * 1024));
    properties.author = text(values.get(4));
    properties.lastModifiedBy = text(values.get(8));
    properties.created = isoDate(values.get(12));
    properties.modified = isoDate(values.get(13));
    properties.application = text(values.get(18));
  }
  const documentSummary = file.find(['\u0005DocumentSummaryInformation']);
  if (documentSummary) properties.company = text(readPropertySet(file.read(documentSummary, 4 * 1024 * 1024)).get(15));
  return properties;
}
