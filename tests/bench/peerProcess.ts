// Runs one reader of the inspection benchmark over a list of files in a child process under
// GNU time, so each reader's peak resident memory is measured apart from the others'. A file
// that crashes the reader or leaves it silent is counted as not read, and the reader is started
// again after it: one hostile file must not end a peer's run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { PeerLine } from './inspectPeer';

export interface PeerRun {
  files: number;
  read: number;
  /** Files the reader refused, crashed on or went silent on, with its reason. */
  failed: { file: string; reason: string }[];
  /** Sum of the time spent on each file inside the reader (start-up excluded). */
  readingMs: number;
  /** Wall time of the child processes, start-up included. */
  wallMs: number;
  peakMiB: number | null;
  formulas: number;
  /** Time per file in the order given, or null where the reader did not read it. */
  perFile: (number | null)[];
}

const TIME = '/usr/bin/time';

/** `command ...args LIST FROM` must print one PeerLine per file, in order. */
export async function runPeer(command: string, args: string[], files: string[], options: { cwd?: string; silentMs?: number } = {}): Promise<PeerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-peer-'));
  const list = join(dir, 'files.txt');
  writeFileSync(list, files.join('\n'));
  const run: PeerRun = { files: files.length, read: 0, failed: [], readingMs: 0, wallMs: 0, peakMiB: null, formulas: 0, perFile: files.map(() => null) };
  try {
    let from = 0;
    while (from < files.length) {
      const { next, reason, ms, peakKb } = await once(command, [...args, list, String(from)], files, run, options);
      run.wallMs += ms;
      if (peakKb !== null) run.peakMiB = Math.max(run.peakMiB ?? 0, peakKb / 1024);
      if (next < files.length && reason) {
        run.failed.push({ file: files[next]!, reason });
        from = next + 1;
      } else if (next === from) {
        break; // exited without answering at all: do not loop
      } else {
        from = next;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return run;
}

/** One child process; returns the index of the first file it did not answer for and why. */
function once(
  command: string,
  args: string[],
  files: string[],
  run: PeerRun,
  options: { cwd?: string; silentMs?: number },
): Promise<{ next: number; reason: string | null; ms: number; peakKb: number | null }> {
  const useTime = existsSync(TIME);
  const started = performance.now();
  // Its own process group, so that a silent reader is stopped together with GNU time.
  const child = useTime
    ? spawn(TIME, ['-f', 'PEAK_KB=%M', command, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    : spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let next = Number(args.at(-1));
  let stderr = '';
  let silent: string | null = null;
  const silentMs = options.silentMs ?? 60_000;
  let timer = setTimeout(stop, silentMs);
  function stop(): void {
    silent = `no answer after ${silentMs / 1000} s`;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  createInterface({ input: child.stdout! }).on('line', (text) => {
    if (!text.startsWith('{')) return;
    const line = JSON.parse(text) as PeerLine;
    clearTimeout(timer);
    timer = setTimeout(stop, silentMs);
    next = line.i + 1;
    run.readingMs += line.ms;
    if (line.error === undefined) {
      run.read++;
      run.formulas += line.formulas ?? 0;
      run.perFile[line.i] = line.ms;
    } else {
      run.failed.push({ file: files[line.i] ?? '', reason: line.error });
    }
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const peak = /PEAK_KB=(\d+)/.exec(stderr);
      const ms = performance.now() - started;
      const lastError = stderr.replace(/PEAK_KB=\d+\s*$/, '').trim().split('\n').filter((l) => /error|fatal|heap/i.test(l)).at(-1);
      const reason = silent ?? (code === 0 && signal === null ? null : `stopped (${signal ?? `exit ${code}`})${lastError ? `: ${lastError.trim().slice(0, 160)}` : ''}`);
      resolve({ next, reason, ms, peakKb: peak ? Number(peak[1]) : null });
    });
  });
}

/** Time each reader spent on the files that all of them read, for a like-for-like ratio. */
export function onFilesAllRead(runs: PeerRun[]): { files: number; ms: number[] } {
  const shared = runs[0]!.perFile.map((_, i) => i).filter((i) => runs.every((run) => run.perFile[i] !== null));
  return { files: shared.length, ms: runs.map((run) => shared.reduce((sum, i) => sum + run.perFile[i]!, 0)) };
}
