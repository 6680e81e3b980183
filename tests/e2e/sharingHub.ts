import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const hubCli = resolve(root, 'hub/bin/fieldbook-hub.js');
const READY = /Fieldbook hub is running at (http:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 20_000;

/** A real `fieldbook-hub serve` on a free loopback port, over a SQLite file in its own folder. */
export interface RunningHub {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

export async function startHub(): Promise<RunningHub> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fieldbook-e2e-hub-'));
  const child = spawn(process.execPath, [hubCli, 'serve', '--data-dir', dataDir, '--port', '0', '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fieldbook-hub serve did not start within ${START_TIMEOUT_MS} ms.\n${stderr}`));
    }, START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = READY.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fieldbook-hub serve stopped before it was ready (exit code ${code}).\n${stderr}`));
    });
  });
  return { url, dataDir, process: child };
}

export async function stopHub(hub: RunningHub): Promise<void> {
  const child = hub.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  await rm(hub.dataDir, { recursive: true, force: true });
}

/** Runs a `fieldbook-hub` command on the hub's data folder, as IT would; returns what it printed. */
export async function hubCommand(hub: RunningHub, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [hubCli, ...args, '--data-dir', hub.dataDir], {
    cwd: root,
    timeout: 30_000,
    env: { ...process.env, DATABASE_URL: '' },
  });
  return stdout.trim();
}

/** A request to the hub's API with a token, as IT's web view or a script would send it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field, as any client would
export async function hubApi(hub: RunningHub, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${hub.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}
