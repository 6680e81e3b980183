import { describe, expect, it } from 'vitest';
import { PersonalDataTally } from '../../main/core/inspect/detect/personalData';
import { SheetScanner } from '../../main/core/inspect/ooxml/sheetScanner';

// A worksheet part with what the scanner must notice, written the ways Excel and others write it:
// prefixed names, inline strings (plain and in CDATA), a comment, shared formulas, a spaced row
// attribute, and sheet protection at the end.
const SHEET = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Email</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Phone</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Total</x:t></x:is></x:c></x:row>' +
    '<!-- written by hand -->' +
    '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>anna.berg@example.com</x:t></x:is></x:c><x:c r="B2"><x:v>4930901820</x:v></x:c><x:c r="C2"><x:f>SUM(D2:E2)</x:f><x:v>3</x:v></x:c></x:row>' +
    '<x:row r = "3"><x:c r="A3" t="inlineStr"><x:is><x:t><![CDATA[jon.moe@example.org]]></x:t></x:is></x:c><x:c r="B3"><x:v>4930901821</x:v></x:c><x:c r="C3"><x:f t="shared" ref="C3:C4" si="0">SUM(D3:E3)</x:f><x:v>4</x:v></x:c></x:row>' +
    '<x:row r="4"><x:c r="A4" t="s"><x:v>0</x:v></x:c><x:c r="C4"><x:f t="shared" si="0"/><x:v>5</x:v></x:c></x:row>' +
    '</x:sheetData><x:sheetProtection sheet="1" objects="1"/></x:worksheet>',
  'utf8',
);

function scan(chunkSize: number) {
  const tally = new PersonalDataTally();
  const scanner = new SheetScanner('People', tally, Uint8Array.of(0));
  for (let at = 0; at < SHEET.length; at += chunkSize) scanner.write(SHEET.subarray(at, at + chunkSize));
  const findings = tally.findings().map((f) => `${f.kind}:${f.sheet}:${f.column}:${f.count}`).sort();
  return { ...scanner.finish(), findings };
}

describe('the worksheet scanner reads a sheet however the stream cuts it', () => {
  it('counts one formula per formula element, sees protection and finds personal data by column', () => {
    expect(scan(SHEET.length)).toEqual({ formulaCount: 3, protected: true, findings: ['email:People:A:2', 'phone:People:B:2'] });
  });

  it('gives the same answer when every tag, comment and CDATA section is split between chunks', () => {
    const whole = scan(SHEET.length);
    for (const size of [1, 2, 3, 5, 8, 13, 64, 257]) expect(scan(size), `chunks of ${size} bytes`).toEqual(whole);
  });
});
