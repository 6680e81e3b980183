import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, requireOpenpyxl, workbookCells } from './helpers/readWorkbook';
import { useTempDirs } from './helpers/tempDir';
import { HUB_BACKENDS, createHubTestDatabase, startHub, type HubBackend, type RunningHub } from './hub-testHub';
import { WebClient, enrollDevice, sharePayload } from './hub-webClient';

const tempDir = useTempDirs();
beforeAll(requireOpenpyxl);

/** The cells of a CSV line as a spreadsheet reads them (quotes, doubled quotes, commas). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

describe.each(HUB_BACKENDS)('the hub web view’s pages on %s', (backend: HubBackend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function signedIn(): Promise<{ running: RunningHub; web: WebClient; device: Awaited<ReturnType<typeof enrollDevice>> }> {
    const place = await createHubTestDatabase(backend);
    cleanups.push(() => place.drop());
    const running = await startHub(place);
    cleanups.push(() => running.close());
    const web = new WebClient(running.url);
    expect((await web.signIn((await running.store.addStaff('Ines from IT')).token)).status).toBe(303);
    return { running, web, device: await enrollDevice(running, 'Anna’s laptop') };
  }

  const pricer = randomUUID();
  const returns = randomUUID();
  const rota = randomUUID();

  async function sharePortfolio(device: Awaited<ReturnType<typeof enrollDevice>>) {
    await device.share(
      pricer,
      1,
      sharePayload(
        pricer,
        { name: 'Quote pricer', kind: 'spreadsheet', owner: 'Anna Berg', criticality: 'critical', sensitivity: 'confidential', lifecycle: 'being-replaced', dependsOn: [{ type: 'entry', entryId: returns }, { type: 'system', name: 'SAP export' }], answers: { singleSignOn: 'No' } },
        {
          findings: [
            { packId: 'fieldbook.baseline', packVersion: '1.0.0', ruleId: 'backup-owner', title: 'Important tools have a backup owner', severity: 'important', outcome: 'not-met', setAsideReason: null, setAsideUntil: null },
            { packId: 'fieldbook.baseline', packVersion: '1.0.0', ruleId: 'macros-signed', title: 'Macros are signed', severity: 'recommended', outcome: 'set-aside', setAsideReason: 'Only runs on the finance share.', setAsideUntil: '2027-03-31' },
            { packId: 'fieldbook.baseline', packVersion: '1.0.0', ruleId: 'owner', title: 'The tool has a named owner', severity: 'required', outcome: 'met', setAsideReason: null, setAsideUntil: null },
          ],
          files: [{ name: 'Pricer 2026.xlsm', format: 'Excel workbook with macros', facts: ['3 sheets, 1 hidden', 'Macros that write files'] }],
        },
      ),
    );
    await device.share(pricer, 2, sharePayload(pricer, { name: 'Quote pricer', kind: 'spreadsheet', owner: 'Anna Berg', criticality: 'critical', sensitivity: 'confidential', lifecycle: 'being-replaced', dependsOn: [{ type: 'entry', entryId: returns }, { type: 'system', name: 'SAP export' }], answers: { singleSignOn: 'No' } }, {
      findings: [
        { packId: 'fieldbook.baseline', packVersion: '1.0.0', ruleId: 'backup-owner', title: 'Important tools have a backup owner', severity: 'important', outcome: 'not-met', setAsideReason: null, setAsideUntil: null },
        { packId: 'fieldbook.baseline', packVersion: '1.0.0', ruleId: 'macros-signed', title: 'Macros are signed', severity: 'recommended', outcome: 'set-aside', setAsideReason: 'Only runs on the finance share.', setAsideUntil: '2027-03-31' },
      ],
      files: [{ name: 'Pricer 2026.xlsm', format: 'Excel workbook with macros', facts: ['3 sheets, 1 hidden', 'Macros that write files'] }],
      answerQuestions: { singleSignOn: 'Do people sign in with their company account?' },
    }));
    await device.share(returns, 1, sharePayload(returns, { name: 'Returns database', kind: 'database', owner: 'Marco', criticality: 'high', sensitivity: 'internal', answers: { canExport: 'Yes' } }, { findings: [{ packId: 'p', packVersion: '1', ruleId: 'r', title: 'Someone else can open it', severity: 'advice', outcome: 'needs-info', setAsideReason: null, setAsideUntil: null }] }));
    // Findings kept private, no criticality given.
    await device.share(rota, 1, sharePayload(rota, { name: 'Staff rota', kind: 'spreadsheet', team: 'Warehouse' }));
  }

  const rowNames = (page: string) => [...page.matchAll(/<th scope="row"><a href="\/web\/entries\/[^"]+">([^<]*)<\/a>/g)].map((match) => match[1]);

  it('the portfolio lists what was shared, and filters by text, criticality, sensitivity and findings that need attention', async () => {
    const { web, device } = await signedIn();
    await sharePortfolio(device);
    const all = await web.get('/web/');
    expect(all.status).toBe(200);
    expect(rowNames(all.text).sort()).toEqual(['Quote pricer', 'Returns database', 'Staff rota']);
    expect(all.text).toContain('3 shared entries.');
    expect(all.text).toContain('1 not met yet');
    expect(all.text).toContain('Kept private');

    expect(rowNames((await web.get('/web/?q=warehouse')).text)).toEqual(['Staff rota']);
    expect(rowNames((await web.get('/web/?q=ANNA%E2%80%99S')).text).sort()).toEqual(['Quote pricer', 'Returns database', 'Staff rota']); // the device's name
    expect(rowNames((await web.get('/web/?criticality=high')).text)).toEqual(['Returns database']);
    expect(rowNames((await web.get('/web/?criticality=none')).text)).toEqual(['Staff rota']);
    expect(rowNames((await web.get('/web/?sensitivity=confidential')).text)).toEqual(['Quote pricer']);
    const attention = await web.get('/web/?attention=1');
    expect(rowNames(attention.text).sort()).toEqual(['Quote pricer', 'Returns database']);
    expect(attention.text).toContain('2 of 3 shared entries match these filters.');
    const none = await web.get('/web/?q=nothing-like-this&criticality=low');
    expect(rowNames(none.text)).toEqual([]);
    expect(none.text).toContain('No shared entry matches these filters. Clear the filters to see all 3 shared entries.');
  });

  it('a filter value the form cannot send gets a 400 that says what to do', async () => {
    const { web, device } = await signedIn();
    await sharePortfolio(device);
    const bad = await web.get('/web/?criticality=urgent');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Choose a criticality from the list. Showing every shared entry instead.');
    expect(rowNames(bad.text)).toHaveLength(3);
  });

  it('an entry page shows the shared fields in plain words, findings with set-aside reasons, file facts and the history of shares', async () => {
    const { web, device } = await signedIn();
    await sharePortfolio(device);
    const page = await web.get(`/web/entries/${pricer}`);
    expect(page.status).toBe(200);
    const text = page.text;
    expect(text).toContain('<h1>Quote pricer</h1>');
    expect(text).toContain('<dt>Criticality</dt><dd>Critical</dd>');
    expect(text).toContain('<dt>Stage</dt><dd>Being replaced</dd>');
    expect(text).toContain(`<a href="/web/entries/${returns}">Returns database</a>`);
    expect(text).toContain('SAP export');
    // An answer is labelled with the question the device sent along; without one, with its key.
    expect(text).toContain('<dt>Do people sign in with their company account?</dt><dd>No</dd>');
    expect((await web.get(`/web/entries/${returns}`)).text).toContain('<dt>canExport</dt><dd>Yes</dd>');
    expect(text).toContain('<span class="tag not-met">Not met yet</span>');
    expect(text).toContain('Only runs on the finance share.');
    expect(text).toContain('Until 2027-03-31');
    expect(text).not.toContain('The tool has a named owner'); // only in revision 1; the page shows what is shared now
    expect(text).toContain('Pricer 2026.xlsm');
    expect(text).toContain('<li>Macros that write files</li>');
    expect(text).toMatch(/Revision 1 shared · <time[^>]*>[^<]+<\/time><\/li><li>Revision 2 shared/);
    expect(text).toContain('Shared by Anna’s laptop · revision 2');

    const rota_ = await web.get(`/web/entries/${rota}`);
    expect(rota_.text).toContain('The owner kept the guideline results private.');
    expect(rota_.text).toContain('The owner kept what Fieldbook found in the files private.');
  });

  it('a comment added on the entry page reaches the device through /v1/changes', async () => {
    const { running, web, device } = await signedIn();
    await sharePortfolio(device);
    const csrf = await web.csrf(`/web/entries/${returns}`);
    const posted = await web.post(`/web/entries/${returns}/comments`, { csrf, text: '  Could Marco be the backup owner?\nHappy to help set it up.  ' });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/web/entries/${returns}?commented=1#comments`);
    const page = await web.get(posted.location!.replace('#comments', ''));
    expect(page.text).toContain('Your comment was added.');
    expect(page.text).toContain('<strong>Ines from IT</strong>');
    expect(page.text).toContain('<p>Could Marco be the backup owner?\nHappy to help set it up.</p>');

    const changes = await running.call('GET', '/v1/changes?cursor=0', { token: device.token });
    expect(changes.body.changes).toEqual([
      expect.objectContaining({ kind: 'comment', comment: expect.objectContaining({ entryId: returns, author: 'Ines from IT', text: 'Could Marco be the backup owner?\nHappy to help set it up.' }) }),
    ]);
    const audit = (await running.store.auditLog()).find((row) => row.action === 'comment');
    expect(audit).toMatchObject({ actor_kind: 'staff', target: returns });

    const empty = await web.post(`/web/entries/${returns}/comments`, { csrf, text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('The comment is empty.');
  });

  it('a withdrawn entry never appears: not in the list, the search, its page, the exports, nor open to comments', async () => {
    const { web, device } = await signedIn();
    await sharePortfolio(device);
    const csrf = await web.csrf(`/web/entries/${returns}`);
    await device.withdraw(returns, 2);

    expect(rowNames((await web.get('/web/')).text).sort()).toEqual(['Quote pricer', 'Staff rota']);
    expect((await web.get('/web/?q=returns')).text).not.toContain('Returns database');
    const page = await web.get(`/web/entries/${returns}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain('This entry is not shared with IT.');
    expect(page.text).not.toContain('Returns database');
    // A link to it from another entry no longer names it.
    const linking = await web.get(`/web/entries/${pricer}`);
    expect(linking.text).not.toContain('Returns database');
    expect(linking.text).toContain('An entry that is not shared with IT');

    const json = await web.get('/web/export.json');
    expect(JSON.parse(json.text).entries.map((entry: { entryId: string }) => entry.entryId).sort()).toEqual([pricer, rota].sort());
    expect((await web.get('/web/export.csv')).text).not.toContain('Returns database');

    const comment = await web.post(`/web/entries/${returns}/comments`, { csrf, text: 'Too late?' });
    expect(comment.status).toBe(404);
    expect(comment.text).toContain('so the comment was not added');
    expect(comment.text).toContain('Too late?');
    expect((await web.get('/web/entries/not-a-uuid')).status).toBe(404);
  });

  it('a hostile payload is shown as text: no markup of its own, no script, whatever its shape', async () => {
    const { web, device } = await signedIn();
    const hostile = randomUUID();
    await device.share(hostile, 1, {
      format: 'fieldbook.share/1',
      fields: {
        name: '<script>alert("name")</script>',
        owner: { toString: '"><img src=x onerror=alert(1)>' },
        purpose: 'line one\u0000\u001b[31m</dd><script>alert(2)</script>',
        criticality: '"><svg onload=alert(3)>',
        '<b>key</b>': ['<iframe src="https://evil.example">', 7, true, null, [[[['deep <script>']]]]],
        dependsOn: [{ type: 'entry', entryId: '"><script>alert(4)</script>' }],
      },
      findings: ['<script>not an object</script>', { title: '<img src=x onerror=alert(5)>', outcome: '<script>', severity: 12, setAsideReason: '<a href="javascript:alert(6)">x</a>' }],
      files: 'not a list <script>',
    });
    const list = await web.get('/web/');
    const page = await web.get(`/web/entries/${hostile}`);
    expect(list.status).toBe(200);
    expect(page.status).toBe(200);
    for (const text of [list.text, page.text]) {
      // Control characters in the page are what this looks for.
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/<script|<img|<svg|<iframe|<b>|<a href="javascript|\u001b|\u0000/i);
    }
    expect(page.text).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(page.text).toContain('&lt;b&gt;key&lt;/b&gt;');
    expect(page.text).toContain('1 result in this share could not be read.');
    expect(page.text).toContain('<h3>not a list &lt;script&gt;</h3>');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('the CSV export writes formula-like text as text, and both exports are in the audit log', async () => {
    const { running, web, device } = await signedIn();
    const formula = randomUUID();
    await device.share(
      formula,
      1,
      sharePayload(formula, { name: '=HYPERLINK("https://evil.example","click")', owner: '+1 555 0100', team: '@SUM(A1:A9)', purpose: '-2+3', tags: ['\tinvoice', 'plain, with "quotes"'] }),
    );
    const csv = await web.get('/web/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="fieldbook-hub-portfolio-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row, end] = csv.text.slice(1).split('\r\n');
    expect(end).toBe('');
    const columns = csvCells(header!);
    const cells = csvCells(row!);
    const cell = (name: string) => cells[columns.indexOf(name)];
    expect(cell('Name')).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(cell('Owner')).toBe(`'+1 555 0100`);
    expect(cell('Team')).toBe(`'@SUM(A1:A9)`);
    expect(cell('What it does')).toBe(`'-2+3`);
    expect(cell('Tags')).toBe(`'\tinvoice; plain, with "quotes"`);
    expect(cell('Shared by')).toBe('Anna’s laptop');
    expect(cell('Not met yet')).toBe('kept private');
    for (const value of cells) expect(value).not.toMatch(/^[=+\-@\t\r]/);

    const json = await web.get('/web/export.json');
    expect(json.headers.get('content-disposition')).toMatch(/\.json"$/);
    expect(JSON.parse(json.text).entries[0].payload.fields.name).toBe('=HYPERLINK("https://evil.example","click")');
    const exports = (await running.store.auditLog()).filter((row) => row.action === 'export');
    expect(exports.map((row) => row.actor_kind)).toEqual(['staff', 'staff']);
  });

  it('the HTML and Markdown exports are the desktop’s own document of what was shared: escaped, without withdrawn entries or private fields, in the audit log', async () => {
    const { running, web, device } = await signedIn();
    await sharePortfolio(device);
    const hostile = randomUUID();
    await device.share(hostile, 1, {
      format: 'fieldbook.share/1',
      fields: {
        name: '<script>alert("name")</script>',
        kind: 'script',
        owner: '"><img src=x onerror=alert(1)>',
        purpose: '</dd><svg onload=alert(2)>',
        criticality: '"><svg onload=alert(3)>',
        dependsOn: [{ type: 'entry', entryId: rota }],
      },
      findings: ['<script>not an object</script>', { title: '<img src=x onerror=alert(5)>', outcome: 'not-met', severity: 'important' }],
      files: 'not a list <script>',
    });
    await device.withdraw(returns, 2);

    const answer = await web.get('/web/export.html');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="fieldbook-hub-portfolio-\d{4}-\d{2}-\d{2}\.html"$/);
    const html = answer.text;
    // The structure checks of the desktop's HTML export.
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script|<img|<svg onload|<iframe/i);
    // No event handler in any tag (the hostile text itself is shown, escaped, as text).
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<h1>IT’s shared portfolio</h1>');
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="diagram-title diagram-desc"/);
    expect(html).toMatch(/<h2 id="entry-[a-z0-9-]+-title">&lt;script&gt;alert\(&quot;name&quot;\)&lt;\/script&gt;<\/h2>/);
    expect(html).toContain('&lt;img src=x onerror=alert(5)&gt;');
    // Withdrawn: gone, and a link to it names no one.
    expect(html).not.toContain('Returns database');
    expect(html).toContain('another tool (not shared)');
    // A link to an entry that is shared too goes to its section.
    expect(html).toMatch(/<a href="#entry-staff-rota">Staff rota<\/a>/);
    // What the owner did not share is said to be not shared, never filled in.
    expect(html).toContain('Quote pricer');
    expect(html).toContain('Not shared');
    expect(html).not.toContain('<h3>Notes</h3>');
    expect(html).toContain('Only runs on the finance share.');
    // An answer is labelled with the question it replies to, as the device sent it.
    expect(html).toContain('Do people sign in with their company account?');
    expect(html).not.toContain('singleSignOn');

    const markdown = await web.get('/web/export.md');
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers.get('content-disposition')).toMatch(/\.md"$/);
    expect(markdown.text).toContain('# IT’s shared portfolio');
    expect(markdown.text).not.toContain('Returns database');
    // Read as GitHub does (cmark-gfm, as the desktop's Markdown export tests do): the hostile text stays text.
    const read = spawnSync('cmark-gfm', ['-e', 'table'], { input: markdown.text, encoding: 'utf8' });
    expect(read.status).toBe(0);
    expect(read.stdout).not.toMatch(/<script|<img|<svg/i);
    expect(read.stdout).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');

    const exports = (await running.store.auditLog()).filter((row) => row.action === 'export');
    expect(exports.map((row) => JSON.parse(row.detail!).format).sort()).toEqual(['html', 'md']);

    const signedOut = new WebClient(running.url);
    const refused = await signedOut.get('/web/export.html');
    expect(refused.status).toBe(303);
    expect(refused.text).not.toContain('Quote pricer');
  });

  it('the Excel export is the desktop’s own workbook of what was shared: without withdrawn entries or private fields, in the audit log', async () => {
    const { running, web, device } = await signedIn();
    await sharePortfolio(device);
    // Notes shared once, then kept private: only the latest share counts.
    const diary = randomUUID();
    await device.share(diary, 1, sharePayload(diary, { name: 'Shift diary', kind: 'document', owner: 'Anna Berg', notes: 'Door code 4711' }));
    await device.share(diary, 2, sharePayload(diary, { name: 'Shift diary', kind: 'document', owner: 'Anna Berg' }));
    await device.withdraw(returns, 2);

    expect((await web.get('/web/')).text).toContain('<a href="/web/export.xlsx">as an Excel workbook</a>');
    const answer = await web.get('/web/export.xlsx');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="fieldbook-hub-portfolio-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const file = join(tempDir(), 'portfolio.xlsx');
    writeFileSync(file, answer.bytes);
    const workbook = readWorkbook(file);
    expect(workbook.names).toEqual(['Entries', 'Findings', 'Dependencies', 'Files']);
    const entries = workbook.sheets.Entries!;
    const header = entries.rows[0]!;
    expect(entries.rows.slice(1).map((row) => row[header.indexOf('Name')]).sort()).toEqual(['Quote pricer', 'Shift diary', 'Staff rota']);
    const diaryRow = entries.rows.find((row) => row[header.indexOf('Name')] === 'Shift diary')!;
    expect(diaryRow[header.indexOf('Owner')]).toBe('Anna Berg');
    expect(diaryRow[header.indexOf('Notes')]).toBeNull();
    // Neither the private notes nor the withdrawn entry is anywhere in the workbook; a link to it names no one.
    expect(workbookCells(workbook).filter((cell) => cell.includes('Door code') || cell.includes('Returns database'))).toEqual([]);
    expect(workbook.sheets.Dependencies!.rows).toContainEqual(['another tool (not shared)', 'Entry', 'Quote pricer', 'Entry', 'Quote pricer', 'Depends on']);
    expect(workbook.sheets.Findings!.rows.some((row) => row.includes('Only runs on the finance share.'))).toBe(true);

    const exports = (await running.store.auditLog()).filter((row) => row.action === 'export');
    expect(exports.map((row) => JSON.parse(row.detail!))).toEqual([{ entries: 3, format: 'xlsx' }]);

    const signedOut = new WebClient(running.url);
    const refused = await signedOut.get('/web/export.xlsx');
    expect([refused.status, refused.location]).toEqual([303, '/web/sign-in']);
    expect(refused.bytes.includes('Quote pricer')).toBe(false);
  });

  it('pages that do not exist, and the stylesheet, are served as a browser expects', async () => {
    const { web } = await signedIn();
    const missing = await web.get('/web/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(missing.text).toContain('There is no page at this address.');
    const style = await web.get('/web/style.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(style.text).toContain('prefers-color-scheme: dark');
    const root = await web.get('/');
    expect([root.status, root.location]).toEqual([303, '/web/']);
  });
});
