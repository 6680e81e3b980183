import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The real `fieldbook-hub` command for the load benchmark: a fresh place for its data (a temp
 * folder, or a schema of its own in the PostgreSQL on loopback), the hub process, and devices
 * enrolled over HTTP as a desktop app would.
 */

const HUB_BIN = join(import.meta.dirname, '..', '..', 'hub', 'bin', 'fieldbook-hub.js');
const POSTGRES_URL = process.env.HUB_BENCH_DATABASE_URL ?? process.env.HUB_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type HubBenchBackend = 'sqlite' | 'postgres';

export interface HubPlace {
  backend: HubBenchBackend;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

export async function createHubPlace(backend: HubBenchBackend): Promise<HubPlace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-hub-bench-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (backend === 'sqlite') return { backend, dataDir, env, drop: async () => removeDir() };

  const schema = `hub_bench_${randomBytes(6).toString('hex')}`;
  await withPostgres((client) => client.query(`create schema ${schema}`));
  // pg hands `options` to the server: the hub's tables land in this run's own schema.
  env.DATABASE_URL = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    backend,
    dataDir,
    env,
    drop: async () => {
      try {
        await withPostgres((client) => client.query(`drop schema if exists ${schema} cascade`));
      } finally {
        removeDir();
      }
    },
  };
}

async function withPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs one `fieldbook-hub` command to completion; returns what it printed on stdout. */
export function hubCommand(place: HubPlace, args: string[]): string {
  const result = spawnSync(process.execPath, [HUB_BIN, ...args, '--data-dir', place.dataDir], { env: place.env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fieldbook-hub ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

export interface HubProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `fieldbook-hub serve` on 127.0.0.1 (a free port); `nodeFlags` go to its node (e.g. --cpu-prof). */
export async function startHubProcess(place: HubPlace, nodeFlags: string[] = []): Promise<HubProcess> {
  const child = spawn(process.execPath, [...nodeFlags, HUB_BIN, 'serve', '--port', '0', '--quiet', '--data-dir', place.dataDir], {
    env: place.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Fieldbook hub is running at (\S+) /.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`fieldbook-hub serve exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`fieldbook-hub serve did not start within 30 s: ${stderr}`)), 30_000).unref();
  });
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface EnrolledDevice {
  deviceId: string;
  token: string;
}

/**
 * Enrolls `count` devices with one code. Each device enrolls from its own loopback address
 * (127.0.1.N), as devices on their own machines would: the hub's per-address enrollment limit
 * stays as it ships.
 */
export async function enrollDevices(url: string, code: string, count: number): Promise<EnrolledDevice[]> {
  const devices: EnrolledDevice[] = [];
  for (let n = 0; n < count; n++) {
    const localAddress = `127.0.1.${(n % 250) + 1}`;
    const { status, body } = await postJson(`${url}/v1/enroll`, { code, deviceName: `Bench device ${n + 1}` }, localAddress);
    if (status !== 200) throw new Error(`enrolling device ${n + 1} failed with HTTP ${status}: ${body}`);
    devices.push(JSON.parse(body) as EnrolledDevice);
  }
  return devices;
}

function postJson(url: string, value: unknown, localAddress: string): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(value);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
