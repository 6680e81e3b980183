import { looksLikePhoneDigits, PHONE_DIGITS, type PersonalDataTally } from '../detect/personalData';

/** An RK number (MS-XLS 2.5.218, also in xlsb): 30 bits of integer or of a double's high bits, maybe ÷100. */
export function decodeRk(rk: number): number {
  const value = rk & 0x02 ? rk >> 2 : doubleFromHigh(rk & 0xfffffffc);
  return rk & 0x01 ? value / 100 : value;
}

const scratch = new DataView(new ArrayBuffer(8));
function doubleFromHigh(high: number): number {
  scratch.setUint32(0, high >>> 0);
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

/**
 * A number cell, told to the tally the way the xlsx scanner does: a number is personal data
 * only as a phone number in a column whose header says "phone" (as written, digits only).
 */
export function tallyNumber(tally: PersonalDataTally, sheet: string, row: number, column: number, value: number): void {
  if (!tally.isPhoneColumn(column) || !Number.isFinite(value)) {
    tally.cell(sheet, row, column, 0, true);
    return;
  }
  const text = Number.isInteger(value) ? value.toFixed(0) : String(value);
  tally.cell(sheet, row, column, looksLikePhoneDigits(text) ? PHONE_DIGITS : 0, true);
}
