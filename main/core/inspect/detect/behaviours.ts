import type { Behaviour } from '../../../../shared/inspection';

export type CodeLanguage = 'vba' | 'python' | 'powershell' | 'sql' | 'r';

type Rule = [Behaviour, RegExp];

/**
 * Keyword rules per language: what the code does, in plain words. These read the text only; they
 * never run it. A rule fires on the first match; the list of behaviours is what a person needs.
 */
const RULES: Record<CodeLanguage, Rule[]> = {
  vba: [
    ['sends-email', /Outlook\.Application|CDO\.Message|\.SendMail\b|\bMAPI\.|MAPISession|olMailItem|CreateItem\s*\(\s*0\s*\)|xlDialogSendMail|"mailto:/i],
    ['runs-programs', /\bShell\s*[( ]|WScript\.Shell|Shell\.Application|ShellExecute|CreateProcess|WinExec|\.Exec\s*\(|\bMacScript\b|AppleScriptTask|Win32_Process|\bpowershell\b|cmd(?:\.exe)?\s+\/c/i],
    ['reaches-web', /XMLHTTP|WinHttp|URLDownloadToFile|InternetExplorer\.Application|InternetOpen|"https?:\/\/|"URL;|FollowHyperlink|\.Navigate\b/i],
    ['connects-to-databases', /ADODB\.|\bDAO\.|OpenDatabase\b|OpenConnection\b|Provider\s*=|"DSN=|Driver\s*=\s*\{|"ODBC;|"OLEDB;|SQLOLEDB|CurrentDb\b|TransferDatabase|\.ConnectionString\b/i],
    ['reads-files', /\bOpen\s+.+\s+For\s+(Input|Binary|Random)\b|\bLine\s+Input\s*#|\bInput\s*#|\bGet\s*#|\.OpenTextFile\b|\.ReadAll\b|\.ReadLine\b|\bDir\s*\$?\s*\(|GetOpenFilename|\.LoadFromFile\b|Workbooks\.Open(Text|XML)?\b|\bFileLen\s*\(/i],
    ['writes-files', /\bOpen\s+.+\s+For\s+(Output|Append|Binary|Random)\b|\bPrint\s*#|\bWrite\s*#|\bPut\s*#|\.CreateTextFile\b|\.SaveAs\b|SaveCopyAs|ExportAsFixedFormat|\bKill\s|\bFileCopy\b|\bMkDir\b|\bRmDir\b|\.SaveToFile\b|\.DeleteFile\b|\.CopyFile\b|\.MoveFile\b|\bName\s+.+\s+As\s+/i],
    ['changes-other-workbooks', /Workbooks\.Add\b|Workbooks\s*\(\s*"[^"]+"\s*\)\.(Save|Close|Sheets|Worksheets)|\.VBProject\b|VBComponents|\.CodeModule\b|GetObject\s*\([^)]*\.xl[a-z]{1,2}"/i],
  ],
  python: [
    ['sends-email', /\bsmtplib\b|\byagmail\b|win32com\.client\.Dispatch\(\s*["']Outlook|\bsendgrid\b|\bemail\.mime\b/],
    ['runs-programs', /\bsubprocess\b|\bos\.system\s*\(|\bos\.popen\s*\(|\bos\.exec|\bos\.spawn|\bpexpect\b/],
    ['reaches-web', /\brequests\.(get|post|put|delete|patch|Session)|\burllib\b|\bhttpx\b|\baiohttp\b|\bhttp\.client\b|["']https?:\/\/|\bselenium\b/],
    ['connects-to-databases', /\bpyodbc\b|\bsqlalchemy\b|\bpsycopg2?\b|\bcx_Oracle\b|\boracledb\b|\bpymysql\b|\bmysql\.connector\b|\bsqlite3\b|\bpymssql\b|\bread_sql\b|\bpymongo\b/],
    ['reads-files', /\bopen\s*\([^)]*\)|\bread_(csv|excel|json|parquet|table)\s*\(|\bload_workbook\s*\(|\.read_text\s*\(|\.read_bytes\s*\(|\bos\.listdir\b|\bglob\.glob\b|\bshutil\.copy/],
    ['writes-files', /\bopen\s*\([^)]*,\s*["'][wax]b?\+?["']|\bto_(csv|excel|json|parquet)\s*\(|\.write_text\s*\(|\.write_bytes\s*\(|\bos\.remove\b|\bos\.unlink\b|\bshutil\.(copy|move|rmtree)|\bos\.rename\b|\bos\.makedirs?\b/],
    ['changes-other-workbooks', /\bload_workbook\s*\([\s\S]*?\.save\s*\(|\bxlwings\b|win32com\.client\.Dispatch\(\s*["']Excel|\bExcelWriter\b/],
  ],
  powershell: [
    ['sends-email', /Send-MailMessage|Outlook\.Application|System\.Net\.Mail|Send-MgUserMail/i],
    ['runs-programs', /Start-Process|Invoke-Expression|\biex\b|Invoke-Command|\bcmd(\.exe)?\s+\/c|WScript\.Shell|Start-Job|\[Diagnostics\.Process\]|&\s*["'][^"']+\.exe["']/i],
    ['reaches-web', /Invoke-WebRequest|Invoke-RestMethod|\biwr\b|\birm\b|Net\.WebClient|System\.Net\.Http|DownloadString|DownloadFile|Start-BitsTransfer|["']https?:\/\//i],
    ['connects-to-databases', /Invoke-Sqlcmd|SqlClient|SqlConnection|OleDbConnection|OdbcConnection|ADODB\.|Data Source\s*=|Server\s*=.+;\s*Database\s*=/i],
    ['reads-files', /Get-Content|Import-Csv|Import-Excel|Get-ChildItem|\bgci\b|\bdir\b\s|Test-Path|\[IO\.File\]::Read|ReadAllText|Import-Clixml/i],
    ['writes-files', /Set-Content|Add-Content|Out-File|Export-Csv|Export-Excel|New-Item|Remove-Item|Copy-Item|Move-Item|Rename-Item|\[IO\.File\]::Write|WriteAllText|>\s*["$\w]/i],
    ['changes-other-workbooks', /Excel\.Application|Export-Excel|\.Workbooks\.(Open|Add)/i],
  ],
  sql: [
    ['sends-email', /sp_send_dbmail|xp_sendmail/i],
    ['runs-programs', /xp_cmdshell|sp_OACreate|EXTERNAL\s+SCRIPT|sp_execute_external_script/i],
    ['reaches-web', /sp_invoke_external_rest_endpoint|UTL_HTTP|HTTPURITYPE/i],
    ['connects-to-databases', /OPENROWSET|OPENDATASOURCE|OPENQUERY|\bLINKED\s+SERVER|sp_addlinkedserver|\bdblink\b|@\w+\.\w+|\[\w+\]\.\[\w+\]\.\[\w+\]\.\[\w+\]/i],
    ['reads-files', /BULK\s+INSERT|OPENROWSET\s*\(\s*BULK|\bLOAD\s+DATA\b|COPY\s+\w+\s+FROM\s+'|UTL_FILE\.FOPEN|pg_read_file/i],
    ['writes-files', /INTO\s+OUTFILE|\bCOPY\s+.+\s+TO\s+'|UTL_FILE\.PUT|bcp\s+.+\s+out\b/i],
    ['changes-other-workbooks', /Microsoft\.(ACE|Jet)\.OLEDB[^;]*;[^']*Excel/i],
  ],
  r: [
    ['sends-email', /\b(sendmailR|blastula|mailR|gmailr|emayili)\b|smtp_send|send\.mail/],
    ['runs-programs', /\bsystem2?\s*\(|\bshell\s*\(|\bprocessx\b|\bshell\.exec\s*\(/],
    ['reaches-web', /\bhttr2?\b|\bcurl\b|\bdownload\.file\s*\(|\burl\s*\(|\bRCurl\b|\brvest\b|["']https?:\/\//],
    ['connects-to-databases', /\bDBI\b|\bdbConnect\b|\bRODBC\b|\bodbc\b|\bRPostgres\b|\bRMySQL\b|\bRSQLite\b|\bsqlQuery\b/],
    ['reads-files', /\bread\.(csv|table|delim|xlsx)\s*\(|\bread_(csv|excel|xlsx|delim|tsv|rds)\s*\(|\breadRDS\s*\(|\breadLines\s*\(|\bfread\s*\(|\bload\s*\(|\blist\.files\s*\(/],
    ['writes-files', /\bwrite\.(csv|table|xlsx)\s*\(|\bwrite_(csv|xlsx|delim|rds)\s*\(|\bsaveRDS\s*\(|\bwriteLines\s*\(|\bfwrite\s*\(|\bsave\s*\(|\bfile\.(remove|copy|rename)\s*\(|\bunlink\s*\(|\bsink\s*\(/],
    ['changes-other-workbooks', /\bsaveWorkbook\s*\(|\bwrite\.xlsx\s*\(|\bwrite_xlsx\s*\(|\bwriteData\s*\(/],
  ],
};

/** Comments removed so that commented-out code does not count (strings are kept on purpose). */
export function stripComments(source: string, language: CodeLanguage): string {
  switch (language) {
    case 'vba':
      return source
        .split(/\r\n|\r|\n/)
        .map((line) => stripVbaComment(line))
        .join('\n');
    case 'python':
    case 'r':
      return source.replace(/(^|[^"'\\])#[^\n]*/g, '$1');
    case 'powershell':
      return source.replace(/<#[\s\S]*?#>/g, '').replace(/(^|\s)#[^\n]*/g, '$1');
    case 'sql':
      return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/--[^\n]*/g, '');
  }
}

function stripVbaComment(line: string): string {
  const trimmed = line.trimStart();
  if (/^Rem\b/i.test(trimmed)) return '';
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') inString = !inString;
    else if (char === "'" && !inString) return line.slice(0, i);
  }
  return line;
}

export function detectBehaviours(source: string, language: CodeLanguage): Behaviour[] {
  const code = stripComments(source, language);
  const found = new Set<Behaviour>();
  for (const [behaviour, pattern] of RULES[language]) if (pattern.test(code)) found.add(behaviour);
  if (language === 'vba' && /Workbooks\.Open\b/i.test(code) && /\.(Save|SaveAs)\b|SaveChanges\s*:=\s*True|\.Close\s+True/i.test(code)) {
    found.add('changes-other-workbooks');
  }
  return [...found];
}

export function mergeBehaviours(...lists: Behaviour[][]): Behaviour[] {
  const order: Behaviour[] = ['reads-files', 'writes-files', 'sends-email', 'runs-programs', 'reaches-web', 'connects-to-databases', 'changes-other-workbooks'];
  const all = new Set(lists.flat());
  return order.filter((b) => all.has(b));
}

const AUTO_RUN =
  /^\s*(?:(?:Public|Private|Friend|Static)\s+)*(?:Sub|Function)\s+(Auto_?Open|Auto_?Close|Auto_?Exec|Auto_?Exit|AutoNew|Workbook_(?:Open|Activate|BeforeClose|Deactivate|BeforeSave|AfterSave|NewSheet|SheetActivate|SheetChange|SheetCalculate|SheetSelectionChange|WindowActivate|BeforePrint)|Worksheet_(?:Change|Calculate|Activate|Deactivate|SelectionChange|FollowHyperlink|BeforeDoubleClick|BeforeRightClick)|Document_(?:Open|Close|New)|App_\w+|\w+_(?:Painted|Layout|Resize|GotFocus|LostFocus|MouseMove|Change|Initialize))\b/gim;

/**
 * Procedures that run without anyone choosing to run them: workbook and sheet events,
 * Auto_Open/Auto_Close, and ActiveX control events that fire by themselves.
 */
export function findAutoRun(source: string): string[] {
  const found = new Set<string>();
  const code = stripComments(source, 'vba');
  for (const match of code.matchAll(AUTO_RUN)) {
    const name = match[1]!;
    if (/_Change$|_Initialize$/i.test(name) && !/^(Worksheet|Workbook)_/i.test(name) && !/^UserForm_Initialize$/i.test(name)) continue;
    if (/^UserForm_Initialize$/i.test(name)) continue;
    found.add(name);
  }
  if (/Application\.OnTime\b/i.test(code)) found.add('Application.OnTime');
  return [...found];
}
