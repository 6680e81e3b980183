import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectBehaviours, findAutoRun } from '../../main/core/inspect/detect/behaviours';
import { inspectInThread } from '../../main/core/inspect/inspectInThread';
import { ovbaDecompress } from '../../main/core/inspect/vba/ovbaDecompress';
import { CORPUS, requireCorpus } from './inspect-groundTruth';
import { writeText } from './inspect-fixtures';
import { useTempDirs } from './helpers/tempDir';

requireCorpus();

const tempDir = useTempDirs();

describe('what macros do, in plain words', () => {
  it('Outlook mail is "sends-email"', () => {
    const code = 'Sub Mail()\n  Set app = CreateObject("Outlook.Application")\n  Set m = app.CreateItem(0)\n  m.Send\nEnd Sub';
    expect(detectBehaviours(code, 'vba')).toContain('sends-email');
  });

  it('Shell and WScript.Shell are "runs-programs"; XMLHTTP is "reaches-web"; ADODB is "connects-to-databases"', () => {
    expect(detectBehaviours('Shell "cmd /c dir", vbHide', 'vba')).toContain('runs-programs');
    expect(detectBehaviours('Set s = CreateObject("WScript.Shell")', 'vba')).toContain('runs-programs');
    expect(detectBehaviours('Set h = CreateObject("MSXML2.XMLHTTP")', 'vba')).toContain('reaches-web');
    expect(detectBehaviours('Set c = CreateObject("ADODB.Connection")', 'vba')).toContain('connects-to-databases');
  });

  it('file input and output are "reads-files" and "writes-files"', () => {
    expect(detectBehaviours('Open "C:\\data.txt" For Input As #1\nLine Input #1, s', 'vba')).toEqual(['reads-files']);
    expect(detectBehaviours('Open path For Output As #2\nPrint #2, "x"', 'vba')).toEqual(['writes-files']);
  });

  it('opening another workbook and saving it is "changes-other-workbooks"', () => {
    const code = 'Set wb = Workbooks.Open("\\\\fin-share\\rates.xlsx")\nwb.Sheets(1).Range("A1").Value = 1\nwb.Close SaveChanges:=True';
    expect(detectBehaviours(code, 'vba')).toEqual(expect.arrayContaining(['reads-files', 'changes-other-workbooks']));
  });

  it('commented-out code does not count', () => {
    expect(detectBehaviours("' Shell \"calc.exe\"\nRem Set o = CreateObject(\"Outlook.Application\")", 'vba')).toEqual([]);
  });

  it('Workbook_Open, Auto_Open and sheet events are procedures that run by themselves; ordinary ones are not', () => {
    const code = 'Private Sub Workbook_Open()\nEnd Sub\nSub Auto_Open()\nEnd Sub\nPrivate Sub Worksheet_Change(ByVal Target As Range)\nEnd Sub\nSub PriceQuote()\nEnd Sub';
    expect(findAutoRun(code)).toEqual(['Workbook_Open', 'Auto_Open', 'Worksheet_Change']);
  });

  it('other languages have their own words: Python smtplib, PowerShell Invoke-WebRequest, SQL xp_cmdshell, R write.csv', () => {
    expect(detectBehaviours('import smtplib\nsmtplib.SMTP("mail")', 'python')).toContain('sends-email');
    expect(detectBehaviours('Invoke-WebRequest -Uri $u -OutFile x.zip', 'powershell')).toEqual(expect.arrayContaining(['reaches-web']));
    expect(detectBehaviours("EXEC xp_cmdshell 'dir'", 'sql')).toContain('runs-programs');
    expect(detectBehaviours('write.csv(df, "out.csv")', 'r')).toContain('writes-files');
  });
});

describe('VBA source is read from the project without running it', () => {
  it('MS-OVBA decompression follows literals and copy tokens (a chunk written by hand)', () => {
    // Container signature 01; chunk header 0xB005 (compressed, 8 bytes); flags 0x08: three literals,
    // then copy token 0x2003 (offset 3, length 6).
    const compressed = Buffer.from([0x01, 0x05, 0xb0, 0x08, 0x61, 0x62, 0x63, 0x03, 0x20]);
    expect(ovbaDecompress(compressed).toString('latin1')).toBe('abcabcabc');
  });

  it('the oletools auto-start sample shows Auto_Open even though its sheets are encrypted', async () => {
    const result = await inspectInThread(join(CORPUS, 'oletools/autostart-encrypt-standardpassword.xls'));
    expect(result.encrypted).toBe(true);
    expect(result.vba.present).toBe(true);
    expect(result.vba.autoRun).toContain('Auto_Open');
  });

  it('a workbook with a Workbook_Open macro lists it, with module names and types from the project', async () => {
    const result = await inspectInThread(join(CORPUS, 'openpyxl/vba-test.xlsm'));
    expect(result.vba.autoRun).toContain('Workbook_Open');
    expect(result.vba.modules).toContainEqual({ name: 'ThisWorkbook', type: 'document' });
  });

  it('an exported module (.bas) is read as VBA, with what it does and when it runs', async () => {
    const path = writeText(tempDir(), 'Mailer.bas', 'Attribute VB_Name = "Mailer"\r\nSub Auto_Open()\r\n  Set o = CreateObject("Outlook.Application")\r\nEnd Sub\r\n');
    const result = await inspectInThread(path);
    expect(result.format).toBe('vba');
    expect(result.vba).toMatchObject({ present: true, modules: [{ name: 'Mailer', type: 'module' }], autoRun: ['Auto_Open'], behaviours: ['sends-email'] });
    expect(result.text).toMatchObject({ lineEndings: 'crlf', lines: 4 });
  });
});
