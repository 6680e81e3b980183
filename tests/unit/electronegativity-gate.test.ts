import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// The security gate in `npm test` (scripts/electronegativity.js) run on the real Electron sources,
// and on copies with a deliberate mistake, to show it can fail.
const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'electronegativity.js');
const copies: string[] = [];

afterEach(() => {
  for (const folder of copies.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function runGate(input?: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, input ? [SCRIPT, input] : [SCRIPT], { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** A copy of what the gate scans (main/app and the window's HTML), with one line added to security.ts. */
function sourcesWith(addedLine: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'fieldbook-gate-'));
  copies.push(folder);
  cpSync(join(ROOT, 'main', 'app'), folder, { recursive: true });
  cpSync(join(ROOT, 'renderer', 'index.html'), join(folder, 'renderer', 'index.html'));
  appendFileSync(join(folder, 'security.ts'), `\n${addedLine}\n`);
  return folder;
}

describe('the Electronegativity gate', () => {
  it('passes the Electron host as it is, listing each reviewed line', async () => {
    const { code, output } = await runGate();
    expect(output).toContain('Electronegativity: no HIGH or MEDIUM findings left.');
    expect(output).toMatch(/reviewed OPEN_EXTERNAL_JS_CHECK at main\.ts:\d+ \(eng-disable\)/);
    expect(output).toMatch(/reviewed PRELOAD_JS_CHECK at window\.ts:\d+ \(eng-disable\)/);
    expect(code).toBe(0);
  }, 60_000);

  it('fails on a second openExternal that nobody reviewed', async () => {
    const { code, output } = await runGate(sourcesWith("export const open = (url: string) => shell.openExternal(url);"));
    expect(output).toMatch(/FAIL OPEN_EXTERNAL_JS_CHECK at security\.ts:\d+/);
    expect(code).toBe(1);
  }, 60_000);

  it('fails on an eng-disable comment that has no written review', async () => {
    const { code, output } = await runGate(
      sourcesWith('export const open = (url: string) => shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK'),
    );
    expect(output).not.toMatch(/FAIL OPEN_EXTERNAL_JS_CHECK/);
    expect(output).toMatch(/FAIL eng-disable OPEN_EXTERNAL_JS_CHECK at security\.ts:\d+ has no review/);
    expect(code).toBe(1);
  }, 60_000);
});
