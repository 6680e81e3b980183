import type { PersonalDataFinding, PersonalDataKind } from '../../../../shared/inspection';

/** Bit flags for what one value (or one column header) looks like. */
export const EMAIL = 1;
export const PHONE = 2;
export const IBAN = 4;
export const CARD = 8;
export const NATIONAL_ID_HEADER = 16;
export const PHONE_HEADER = 32;
/** Digits and separators only, 7–15 digits: a phone number if its column header says so. */
export const PHONE_DIGITS = 64;

const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b/;
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const CARD_SHAPE = /^[2-6]\d{12,18}$/;
const PHONE_SHAPE = /^(?:\+|00|\()[\d\s().\-/]{6,22}$/;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;
const NATIONAL_ID_HEADERS =
  /\b(ssn|social security|national (id|insurance|identity)|nino|nin|national number|tax id|tin|steuer-?id|steueridentifikationsnummer|sozialversicherungsnummer|ahv|personalausweis|passport( number| no)?|passnummer|bsn|burgerservicenummer|nir|numéro de sécurité sociale|securite sociale|sécurité sociale|insee|personnummer|henkilötunnus|cpr|pesel|codice fiscale|dni|nif|nie|cpf|aadhaar|sin|id number|identity number)\b/i;
const PHONE_HEADERS = /\b(phone|telephone|tel|mobile|cell|handy|telefon|téléphone|portable|telefono|telefoon)\b/i;

/** What a cell value looks like; 0 when nothing personal. Checksums keep IBANs and cards honest. */
export function classifyValue(raw: string): number {
  const value = raw.trim();
  if (value.length < 6 || value.length > 320) return 0;
  let kinds = 0;
  if (value.includes('@') && EMAIL_PATTERN.test(value)) kinds |= EMAIL;
  const first = value.charCodeAt(0);
  if (first >= 65 && first <= 90) {
    const compact = value.replace(/\s+/g, '');
    if (IBAN_SHAPE.test(compact) && ibanChecksumOk(compact)) kinds |= IBAN;
  } else if ((first >= 48 && first <= 57) || first === 43 || first === 40) {
    const digits = value.replace(/[\s-]/g, '');
    if (CARD_SHAPE.test(digits) && luhnOk(digits) && !/^(\d)\1+$/.test(digits)) kinds |= CARD;
    else if (PHONE_SHAPE.test(value) && !DATE_LIKE.test(value)) {
      const count = countDigits(value);
      if (count >= 8 && count <= 15) kinds |= PHONE;
    }
  }
  return kinds;
}

/** What a column header announces: national identifiers and phone numbers are found by header. */
export function classifyHeader(raw: string): number {
  const value = raw.trim();
  if (value.length === 0 || value.length > 80) return 0;
  let kinds = 0;
  if (NATIONAL_ID_HEADERS.test(value)) kinds |= NATIONAL_ID_HEADER;
  if (PHONE_HEADERS.test(value)) kinds |= PHONE_HEADER;
  return kinds;
}

/** Value and header flags together, for strings that may be either (shared strings). */
export function classifyString(raw: string): number {
  return classifyValue(raw) | classifyHeader(raw) | (looksLikePhoneDigits(raw) ? PHONE_DIGITS : 0);
}

/** A phone number in a column whose header says "phone": digits and separators only. */
export function looksLikePhoneDigits(raw: string): boolean {
  const value = raw.trim();
  if (!/^[+(]?[\d\s().\-/]{6,22}$/.test(value) || DATE_LIKE.test(value)) return false;
  const count = countDigits(value);
  return count >= 7 && count <= 15;
}

function countDigits(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

export function luhnOk(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export function ibanChecksumOk(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

const KIND_FLAGS: [number, PersonalDataKind][] = [
  [EMAIL, 'email'],
  [PHONE, 'phone'],
  [IBAN, 'iban'],
  [CARD, 'card'],
];

/**
 * Counts personal data per sheet and column. It sees values one at a time and keeps only
 * counts: no value is ever stored.
 */
export class PersonalDataTally {
  private readonly counts = new Map<string, number>();
  private headerRow = new Map<number, number>();
  private headerRowNumber = -1;
  private labels: string[] | null = null;

  /**
   * Starts a new sheet (or table); the first row with values is taken as its header row.
   * `labels` name the columns (database field names); otherwise columns are lettered A, B, …
   */
  startSheet(labels: string[] | null = null): void {
    this.headerRow = new Map();
    this.headerRowNumber = -1;
    this.labels = labels;
  }

  /** One cell: `flags` from classifyString (for a number, PHONE_DIGITS or 0). */
  cell(sheet: string | null, row: number, column: number, flags: number, nonEmpty: boolean): void {
    if (flags === 0 && this.headerRowNumber >= 0 && row !== this.headerRowNumber && (this.headerRow.size === 0 || !this.headerRow.has(column))) return;
    if (this.headerRowNumber < 0 && nonEmpty) this.headerRowNumber = row;
    if (row === this.headerRowNumber) {
      if (flags & (NATIONAL_ID_HEADER | PHONE_HEADER)) this.headerRow.set(column, flags);
      return;
    }
    const header = this.headerRow.get(column) ?? 0;
    for (const [flag, kind] of KIND_FLAGS) if (flags & flag) this.add(kind, sheet, column);
    if (nonEmpty && header & NATIONAL_ID_HEADER) this.add('nationalId', sheet, column);
    if (!(flags & PHONE) && header & PHONE_HEADER && flags & PHONE_DIGITS) this.add('phone', sheet, column);
  }

  /** Whether a number in this column should be checked as a phone number (its header says phone). */
  isPhoneColumn(column: number): boolean {
    return ((this.headerRow.get(column) ?? 0) & PHONE_HEADER) !== 0;
  }

  private add(kind: PersonalDataKind, sheet: string | null, column: number): void {
    const label = this.labels?.[column] ?? columnLetters(column);
    const key = `${kind}\u0000${label}\u0000${sheet ?? ''}\u0000${sheet === null ? 0 : 1}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  findings(): PersonalDataFinding[] {
    return [...this.counts].map(([key, count]) => {
      const [kind, column, sheet, hasSheet] = key.split('\u0000');
      return { kind: kind as PersonalDataKind, sheet: hasSheet === '1' ? sheet! : null, column: column!, count };
    });
  }
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
