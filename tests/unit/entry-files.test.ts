import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiRouter } from '../../main/api/router';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { useTempDirs } from './helpers/tempDir';

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const tempDir = useTempDirs();

/** A copy of a corpus file in a temp folder, so the test can change it without touching the corpus. */
function copyOf(corpusPath: string, folder = tempDir()): string {
  const target = join(folder, corpusPath.split('/').pop()!);
  copyFileSync(join(corpus, corpusPath), target);
  return target;
}

function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe("an entry's files", () => {
  it('are read, and the facts reach the guidelines: needs-info about the file turns into an answer', async () => {
    const book: Fieldbook = openFieldbook({ dataDir: tempDir() });
    const workbook = copyOf('oletools/dde-test.xlsm');
    const entry = book.createEntry({ name: 'Linked workbook', kind: 'spreadsheet', files: [workbook], criticality: 'high' });
    const linkRule = (findings: ReturnType<Fieldbook['guidelines']['findings']>) =>
      findings.find((finding) => finding.missingFacts.includes('facts.externalLinks') || finding.ruleId.includes('link'))!;
    expect(linkRule(book.guidelines.findings(entry.id)).outcome).toBe('needs-info');

    const files = await book.files.refresh(entry.id);
    expect(files).toHaveLength(1);
    expect(files[0]!.result.externalLinks.length).toBeGreaterThan(0);
    const after = book.guidelines.findings(entry.id);
    expect(after.filter((finding) => finding.missingFacts.length > 0)).toEqual([]);
    expect(linkRule(after).outcome).toBe('not-met');
    await book.files.close();
    book.close();
  });

  it('are read again when they change on disk, and not before', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const path = join(tempDir(), 'merge.py');
    writeFileSync(path, 'print("merge the exports")\n');
    const entry = book.createEntry({ name: 'Merge script', kind: 'script', files: [path] });
    await book.files.refresh(entry.id);
    expect(book.files.files(entry.id)[0]!.result.secrets).toEqual([]);
    expect(await book.files.refreshChanged()).toBe(0);

    writeFileSync(path, 'password = "hunter2hunter2"\nprint("merge the exports")\n');
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect(await book.files.refreshChanged()).toBe(1);
    const secrets = book.files.files(entry.id)[0]!.result.secrets;
    expect(secrets.map((secret) => secret.kind)).toContain('password');
    expect(JSON.stringify(book.files.files(entry.id))).not.toContain('hunter2');
    await book.files.close();
    book.close();
  });

  it('a file that cannot be read gets a clear error, and the entry keeps working', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const entry = book.createEntry({ name: 'Gone', kind: 'spreadsheet', files: [join(tempDir(), 'missing.xlsx')] });
    const [file] = await book.files.refresh(entry.id);
    expect(file!.result.error).toMatchObject({ code: 'not_found' });
    expect(book.guidelines.findings(entry.id).length).toBeGreaterThan(0);
    await book.files.close();
    book.close();
  });
});

describe('a new entry from a file', () => {
  it('is prefilled with suggestions from what the file holds', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const router = createApiRouter(book);
    const path = copyOf('oletools/excel4_sample_macro.xlsm');
    const result = await router.call('files.preview', { paths: [path] });
    expect(result).toMatchObject({
      ok: true,
      value: [{ path, suggestion: { name: 'excel4 sample macro', kind: 'spreadsheet', files: [path] }, summary: expect.any(String) }],
    });
    await book.files.close();
    book.close();
  });
});

describe('looking through a folder for tools', () => {
  it('finds the workbooks with macros or links and the scripts, and shows progress', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const router = createApiRouter(book);
    const folder = tempDir();
    mkdirSync(join(folder, 'Finance', 'Archive'), { recursive: true });
    copyOf('oletools/dde-test.xlsm', join(folder, 'Finance'));
    copyOf('oletools/excel4_sample_macro.xlsm', join(folder, 'Finance', 'Archive'));
    writeFileSync(join(folder, 'notes.txt'), 'not a tool');
    writeFileSync(join(folder, 'Finance', 'merge.py'), 'import csv\n');
    const progress: unknown[] = [];
    book.events.subscribe((event, payload) => event === 'discover.progress' && progress.push(payload));

    const started = await router.call('discover.start', { folder });
    expect(started.ok).toBe(true);
    const scanId = (started as { value: { scanId: string } }).value.scanId;
    const done = await waitFor(() => {
      const results = book.discovery.results(scanId);
      return results.status.state === 'running' ? undefined : results;
    }, 'the scan to finish');
    expect(done.status).toMatchObject({ state: 'done', seen: 4, candidates: 3 });
    expect(done.candidates.map((candidate) => candidate.path.split('/').pop()).sort()).toEqual(['dde-test.xlsm', 'excel4_sample_macro.xlsm', 'merge.py']);
    expect(done.candidates.find((candidate) => candidate.path.endsWith('merge.py'))!.reasons).toEqual(['a script']);
    expect(progress.at(-1)).toMatchObject({ scanId, state: 'done' });
    await book.files.close();
    book.close();
  });

  it('can be cancelled', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const folder = tempDir();
    for (let i = 0; i < 300; i++) writeFileSync(join(folder, `script-${i}.py`), 'print(1)\n');
    const { scanId } = await book.discovery.start(folder);
    book.discovery.cancel(scanId);
    const done = await waitFor(() => {
      const results = book.discovery.results(scanId);
      return results.status.state === 'running' ? undefined : results;
    }, 'the scan to stop');
    expect(done.status.state).toBe('cancelled');
    expect(done.candidates.length).toBeLessThan(300);
    await book.files.close();
    book.close();
  });

  it('says clearly when the folder does not exist', async () => {
    const book = openFieldbook({ dataDir: tempDir() });
    const result = await createApiRouter(book).call('discover.start', { folder: join(tempDir(), 'nope') });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('cannot be found') } });
    book.close();
  });
});
