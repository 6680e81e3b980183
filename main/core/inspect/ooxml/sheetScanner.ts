import { classifyString, looksLikePhoneDigits, PHONE_DIGITS, type PersonalDataTally } from '../detect/personalData';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const MAX_VALUE_BYTES = 4096;

export interface SheetScan {
  formulaCount: number;
  protected: boolean;
}

/**
 * Reads a worksheet part as a byte stream without building any tree: counts formula elements
 * (one per `<f>`), notices sheet protection, and hands cell values to the personal-data tally.
 * Nothing is expanded (no entities, no DTD), and nothing larger than one cell value is kept.
 */
export class SheetScanner {
  private carry: Buffer | null = null;
  private formulas = 0;
  private isProtected = false;
  private row = 0;
  private column = -1;
  private cellType = 0; // 0 number/other, 1 shared string, 2 inline string, 3 formula string, 4 boolean/error
  private capturing = 0; // 0 no, 1 shared-string index, 2 text
  private sharedIndex = 0;
  private captured: Buffer[] = [];
  private capturedBytes = 0;
  private inCell = false;
  private inInline = false;
  private inlineText = '';

  constructor(
    private readonly sheetName: string,
    private readonly tally: PersonalDataTally | null,
    private readonly sharedKinds: Uint8Array | null,
  ) {
    tally?.startSheet();
  }

  write(chunk: Buffer): void {
    const carry = this.carry;
    if (!carry) {
      this.scan(chunk);
      return;
    }
    this.carry = null;
    // A tag split between chunks: complete it with the start of the new chunk instead of copying
    // the whole chunk behind it. Comments and CDATA (rare in sheets) take the simple way.
    const gt = chunk.indexOf(GT);
    const special = carry.length > 1 ? carry[1] === BANG : chunk[0] === BANG;
    if (gt < 0 || special) {
      this.scan(Buffer.concat([carry, chunk]));
      return;
    }
    this.scan(Buffer.concat([carry, chunk.subarray(0, gt + 1)]));
    this.scan(chunk.subarray(gt + 1));
  }

  private scan(buffer: Buffer): void {
    // Plain loops over the bytes rather than Buffer#indexOf: tags here are a few bytes apart, so
    // the call into native code cost more than the search. With the row and carry changes, a
    // 75 MB sheet scans in about 175 ms instead of 350 (profiled with node --cpu-prof).
    const end = buffer.length;
    let at = 0;
    while (at < end) {
      let lt = at;
      while (lt < end && buffer[lt] !== LT) lt++;
      if (this.capturing !== 0 && lt > at) this.capture(buffer, at, lt);
      if (lt === end) return;
      const next = buffer[lt + 1];
      if (next === undefined) {
        this.carry = Buffer.from(buffer.subarray(lt));
        return;
      }
      if (next === BANG) {
        const skipped = this.skipSpecial(buffer, lt);
        if (skipped < 0) {
          this.carry = Buffer.from(buffer.subarray(lt));
          return;
        }
        at = skipped;
        continue;
      }
      let gt = lt + 1;
      while (gt < end && buffer[gt] !== GT) gt++;
      if (gt === end) {
        this.carry = Buffer.from(buffer.subarray(lt));
        return;
      }
      if (next === QUESTION) {
        at = gt + 1;
        continue;
      }
      if (next === SLASH) this.closeTag(buffer, lt + 2, gt);
      else this.openTag(buffer, lt + 1, gt);
      at = gt + 1;
    }
  }

  finish(): SheetScan {
    return { formulaCount: this.formulas, protected: this.isProtected };
  }

  /** Comments, CDATA and declarations; returns where to go on, or -1 when the chunk ends first. */
  private skipSpecial(buffer: Buffer, lt: number): number {
    if (buffer.length < lt + 9) return -1;
    if (buffer[lt + 2] === 0x2d && buffer[lt + 3] === 0x2d) {
      const close = buffer.indexOf('-->', lt + 4, 'latin1');
      return close < 0 ? -1 : close + 3;
    }
    if (buffer.toString('latin1', lt, lt + 9) === '<![CDATA[') {
      const close = buffer.indexOf(']]>', lt + 9, 'latin1');
      if (close < 0) return -1;
      if (this.capturing !== 0) this.capture(buffer, lt + 9, close);
      return close + 3;
    }
    const gt = buffer.indexOf(GT, lt + 2);
    return gt < 0 ? -1 : gt + 1;
  }

  private openTag(buffer: Buffer, start: number, gt: number): void {
    let nameEnd = start;
    let localStart = start;
    while (nameEnd < gt) {
      const byte = buffer[nameEnd]!;
      if (byte === 0x20 || byte === SLASH || byte === 0x09 || byte === 0x0a || byte === 0x0d) break;
      if (byte === COLON) localStart = nameEnd + 1;
      nameEnd++;
    }
    const length = nameEnd - localStart;
    const selfClosing = buffer[gt - 1] === SLASH;
    const first = buffer[localStart];
    if (length === 1) {
      if (first === 0x66 /* f */) {
        this.formulas++;
        return;
      }
      if (first === 0x63 /* c */) {
        this.startCell(buffer, nameEnd, gt, selfClosing);
        return;
      }
      if (first === 0x76 /* v */ && !selfClosing && this.inCell && this.tally) {
        if (this.cellType === 1) this.startCapture(1);
        else if (this.cellType === 0 && this.tally.isPhoneColumn(this.column)) this.startCapture(2);
        else this.tally.cell(this.sheetName, this.row, this.column, 0, true);
      } else if (first === 0x74 /* t */ && !selfClosing && this.inInline) {
        this.startCapture(2);
      }
      return;
    }
    if (length === 3 && first === 0x72 && buffer[localStart + 1] === 0x6f && buffer[localStart + 2] === 0x77) {
      let r = rowNumber(buffer, nameEnd, gt);
      if (r === 0) r = Number(attribute(buffer, nameEnd, gt, 'r') ?? 0) || 0; // r = "12", spaced
      this.row = r > 0 ? r : this.row + 1;
      this.column = -1;
      return;
    }
    if (length === 2 && first === 0x69 && buffer[localStart + 1] === 0x73 && this.inCell) {
      this.inInline = !selfClosing;
      this.inlineText = '';
      return;
    }
    if (length === 15 && buffer.toString('latin1', localStart, nameEnd) === 'sheetProtection') {
      const sheet = attribute(buffer, nameEnd, gt, 'sheet');
      const content = attribute(buffer, nameEnd, gt, 'content');
      if (sheet === '1' || sheet === 'true' || content === '1' || content === 'true') this.isProtected = true;
    }
  }

  private closeTag(buffer: Buffer, start: number, gt: number): void {
    let localStart = start;
    for (let i = start; i < gt; i++) if (buffer[i] === COLON) localStart = i + 1;
    const length = gt - localStart;
    if (length !== 1 && length !== 2) return;
    const first = buffer[localStart];
    if (length === 1 && (first === 0x76 || first === 0x74) && this.capturing !== 0) {
      const mode = this.capturing;
      this.capturing = 0;
      if (mode === 1) {
        const flags = this.sharedKinds && this.sharedIndex >= 0 ? (this.sharedKinds[this.sharedIndex] ?? 0) : 0;
        this.tally?.cell(this.sheetName, this.row, this.column, flags, true);
        return;
      }
      const text = Buffer.concat(this.captured).toString('utf8');
      if (first === 0x74 && this.inInline) this.inlineText += text;
      else this.value(text);
      return;
    }
    if (length === 2 && first === 0x69 && buffer[localStart + 1] === 0x73 && this.inInline) {
      this.inInline = false;
      this.value(this.inlineText);
      return;
    }
    if (length === 1 && first === 0x63) this.endCell();
  }

  /** Reads r="B12" and t="s" straight from the bytes: this runs once per cell, so no strings. */
  private startCell(buffer: Buffer, from: number, gt: number, selfClosing: boolean): void {
    let column = -1;
    let row = -1;
    let type = 0;
    for (let i = from; i + 4 < gt; i++) {
      const byte = buffer[i]!;
      if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) continue;
      const name = buffer[i + 1];
      if (buffer[i + 2] !== 0x3d || (buffer[i + 3] !== 0x22 && buffer[i + 3] !== 0x27)) continue;
      if (name === 0x72 /* r */) {
        let j = i + 4;
        let letters = 0;
        for (; j < gt; j++) {
          const c = buffer[j]!;
          if (c >= 65 && c <= 90) letters = letters * 26 + (c - 64);
          else if (c >= 97 && c <= 122) letters = letters * 26 + (c - 96);
          else break;
        }
        let digits = 0;
        for (; j < gt; j++) {
          const c = buffer[j]! - 48;
          if (c < 0 || c > 9) break;
          digits = digits * 10 + c;
        }
        if (letters > 0) column = letters - 1;
        if (digits > 0) row = digits;
        i = j;
      } else if (name === 0x74 /* t */) {
        const first = buffer[i + 4];
        const second = buffer[i + 5];
        type = first === 0x73 ? (second === 0x22 || second === 0x27 ? 1 : 3) : first === 0x69 ? 2 : first === 0x62 || first === 0x65 ? 4 : 0;
        i += 5;
      }
    }
    this.column = column >= 0 ? column : this.column + 1;
    if (row > 0) this.row = row;
    if (!this.tally) return;
    this.cellType = type;
    this.inCell = !selfClosing;
  }

  /** A captured inline string, or a number in a phone column. */
  private value(text: string): void {
    if (!this.tally || !this.inCell) return;
    const flags = this.cellType === 2 ? classifyString(text) : looksLikePhoneDigits(text) ? PHONE_DIGITS : 0;
    this.tally.cell(this.sheetName, this.row, this.column, flags, text.length > 0);
  }

  private startCapture(mode: 1 | 2): void {
    this.capturing = mode;
    this.captured = [];
    this.capturedBytes = 0;
    this.sharedIndex = 0;
  }

  private endCell(): void {
    this.inCell = false;
    this.inInline = false;
    this.capturing = 0;
  }

  private capture(buffer: Buffer, from: number, to: number): void {
    if (this.capturing === 1) {
      for (let i = from; i < to; i++) {
        const digit = buffer[i]! - 48;
        if (digit >= 0 && digit <= 9 && this.sharedIndex >= 0) this.sharedIndex = this.sharedIndex * 10 + digit;
        else if (buffer[i] !== 0x20) this.sharedIndex = -1;
      }
      return;
    }
    if (this.capturedBytes >= MAX_VALUE_BYTES) return;
    const slice = buffer.subarray(from, Math.min(to, from + MAX_VALUE_BYTES - this.capturedBytes));
    this.captured.push(Buffer.from(slice));
    this.capturedBytes += slice.length;
  }
}

/** The r="12" of a row start tag, read from the bytes (once per row, so no strings); 0 when absent. */
function rowNumber(buffer: Buffer, from: number, gt: number): number {
  for (let i = from; i + 3 < gt; i++) {
    const byte = buffer[i]!;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) continue;
    if (buffer[i + 1] !== 0x72 /* r */ || buffer[i + 2] !== 0x3d || (buffer[i + 3] !== 0x22 && buffer[i + 3] !== 0x27)) continue;
    let value = 0;
    for (let j = i + 4; j < gt; j++) {
      const digit = buffer[j]! - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    return value;
  }
  return 0;
}

/** Value of a simple attribute (no prefix) inside a start tag, or null. */
function attribute(buffer: Buffer, from: number, gt: number, name: string): string | null {
  const tag = buffer.toString('latin1', from, gt);
  const pattern = ` ${name}="`;
  let at = tag.indexOf(pattern);
  let quote = '"';
  if (at < 0) {
    at = tag.indexOf(` ${name}='`);
    quote = "'";
    if (at < 0) {
      const spaced = new RegExp(`[\\s]${name}\\s*=\\s*(["'])`).exec(tag);
      if (!spaced) return null;
      at = spaced.index;
      quote = spaced[1]!;
      const valueStart = spaced.index + spaced[0].length;
      const close = tag.indexOf(quote, valueStart);
      return close < 0 ? null : tag.slice(valueStart, close);
    }
  }
  const valueStart = at + pattern.length;
  const close = tag.indexOf(quote, valueStart);
  return close < 0 ? null : tag.slice(valueStart, close);
}
