import { spawnSync } from 'node:child_process';

/** The system Python, which has Debian's python3-openpyxl; the python3 on PATH may not. */
const PYTHON = '/usr/bin/python3';

/** Debian's python3-openpyxl, an independent reader, describes the workbook as JSON. */
const READ_WORKBOOK = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheets = {}
for sheet in book.worksheets:
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    types = [[cell.data_type for cell in row] for row in sheet.iter_rows(max_row=min(sheet.max_row, 50))]
    sheets[sheet.title] = {
        "rows": rows,
        "types": types,
        "headerBold": all(cell.font.b for cell in sheet[1]),
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
    }
print(json.dumps({"names": book.sheetnames, "sheets": sheets}, default=str))
`;

export interface Workbook {
  names: string[];
  sheets: Record<string, { rows: (string | number | null)[][]; types: string[][]; headerBold: boolean; freeze: string | null; filter: string | null }>;
}

export function readWorkbook(path: string): Workbook {
  const result = spawnSync(PYTHON, ['-c', READ_WORKBOOK, path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`openpyxl could not read the workbook:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Workbook;
}

/** For a beforeAll: says how to install openpyxl rather than failing on an unreadable workbook. */
export function requireOpenpyxl(): void {
  if (spawnSync(PYTHON, ['-c', 'import openpyxl']).status !== 0) throw new Error('This test reads workbooks with openpyxl: apt-get install -y python3-openpyxl');
}

/** Every cell of every sheet as text, to look for what must not be in the workbook at all. */
export function workbookCells(workbook: Workbook): string[] {
  return Object.values(workbook.sheets).flatMap((sheet) => sheet.rows.flat().map(String));
}
