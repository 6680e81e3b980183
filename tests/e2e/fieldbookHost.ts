import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const cli = resolve(root, 'bin/fieldbook.js');
const READY = /Fieldbook is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;
const START_TIMEOUT_MS = 20_000;

/** A running `fieldbook serve` process and the address (with its token) it printed. */
export interface RunningHost {
  url: string;
  process: ChildProcess;
}

/** Starts the browser host on a free port for `dataDir` and waits for its "running at" line. */
export function startHost(dataDir: string, options: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), cli, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fieldbook serve did not start within ${START_TIMEOUT_MS} ms.\n${stderr}`));
    }, START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = READY.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], process: child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fieldbook serve stopped before it was ready (exit code ${code}).\n${stderr}`));
    });
  });
}

/** Stops the host and waits until it has exited (and released the database). */
export async function stopHost(host: RunningHost): Promise<void> {
  const child = host.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Fills the fieldbook in `dataDir` with `count` realistic sample entries (`fieldbook demo`). */
export async function seedDemo(dataDir: string, count: number): Promise<void> {
  await promisify(execFile)(process.execPath, [cli, 'demo', '--entries', String(count), '--data-dir', dataDir], {
    cwd: root,
    timeout: 120_000,
  });
}
