// Hub load benchmark (issue 6): shares per second and latency with 100 devices pushing at once
// to a real `fieldbook-hub serve` process, on SQLite and on PostgreSQL. Part of `npm run bench`;
// alone: `npm run build && node --import tsx tests/bench/hub.ts`.
//
// Two measures per backend. Throughput: 100 connections, one device each, send shares back to
// back (autocannon); with 100 requests always waiting, latency there is mostly queueing (about
// 100 / throughput). Latency: the same devices share at a steady 1,000 shares/s (10 per device
// per second, paced), and each share's time is counted from when it was due.
//
// Knobs (environment): HUB_BENCH_BACKENDS=sqlite,postgres · HUB_BENCH_RUNS=3 ·
// HUB_BENCH_SHARES=150 (shares per device, throughput phase) · HUB_BENCH_RATE=1000 and
// HUB_BENCH_PACED_SECONDS=10 (latency phase) · HUB_BENCH_CPU_PROF=DIR (profile the hub process
// with node --cpu-prof). Each device stays under the hub's shipped per-token limit (1,200
// requests a minute): every run starts a fresh hub, and a device sends about 20 (warm-up) + 150 +
// 100 + 11 (read-back) requests in it, so no limit is raised for the benchmark.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { paceShares } from './hubPaced';
import { createHubPlace, enrollDevices, hubCommand, startHubProcess, type HubBenchBackend } from './hubProcess';
import { newLoadResult, nextShare, recordAnswer, type BenchDevice, type LoadResult } from './hubShares';
import { median, percentile, printTable, type BenchRow } from './stats';

const DEVICES = 100;
const ENTRIES_PER_DEVICE = 10;
const WARMUP_SHARES = 20;

/** Drives `perDevice` shares from every device at once, one connection (and token) per device. */
async function driveShares(url: string, devices: BenchDevice[], perDevice: number): Promise<LoadResult> {
  const result = newLoadResult();
  let assigned = 0;
  let lastAnswer = 0;
  const started = performance.now();
  const run = await autocannon({
    url,
    connections: devices.length,
    pipelining: 1,
    maxConnectionRequests: perDevice,
    timeout: 10,
    // The run ends when every device has sent its shares, not at autocannon's default 10 s (which
    // would cut requests off in flight).
    duration: 3600,
    // autocannon calls this once per connection: each connection becomes one device.
    setupClient: (client) => {
      const device = devices[assigned++]!;
      client.on('response', (_status, _bytes, ms) => {
        result.latencies.push(ms);
        lastAnswer = performance.now();
      });
      client.setRequests([
        {
          method: 'PUT',
          setupRequest: (request) => ({ ...request, method: 'PUT', ...nextShare(device, result) }),
          onResponse: (status, body) => recordAnswer(result, device, status, body),
        },
      ]);
    },
  });
  result.errors = run.errors;
  result.timeouts = run.timeouts;
  result.seconds = ((lastAnswer || performance.now()) - started) / 1000;
  return result;
}

interface Verification {
  entries: number;
  exact: number;
  problems: string[];
}

/** Reads back every entry through the API: the hub must hold exactly the last revision sent, with its content. */
async function verifyHub(url: string, devices: BenchDevice[]): Promise<Verification> {
  const verification: Verification = { entries: 0, exact: 0, problems: [] };
  const problem = (text: string) => verification.problems.length < 5 && verification.problems.push(text);
  const get = async (token: string, path: string) => {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  for (const device of devices) {
    const listed = await get(device.token, '/v1/entries');
    const held = new Map((listed.body.entries as { entryId: string; revision: number; withdrawn: boolean }[]).map((entry) => [entry.entryId, entry]));
    if (held.size !== device.entries.length) problem(`device ${device.index}: the hub lists ${held.size} entries, ${device.entries.length} were shared`);
    const contents = await Promise.all(device.entries.map((entry) => get(device.token, `/v1/entries/${entry.id}`)));
    device.entries.forEach((entry, n) => {
      verification.entries += 1;
      const state = held.get(entry.id);
      const payload = contents[n]!.body.payload as { entryId?: string; entryRevision?: number } | null;
      const exact =
        state !== undefined &&
        !state.withdrawn &&
        state.revision === entry.sent &&
        entry.stored === entry.sent &&
        payload?.entryId === entry.id &&
        payload.entryRevision === entry.sent;
      if (exact) verification.exact += 1;
      else problem(`entry ${entry.id}: sent up to ${entry.sent}, answered stored up to ${entry.stored}, hub holds ${state?.revision ?? 'nothing'} (content of ${payload?.entryRevision ?? 'nothing'})`);
    });
  }
  return verification;
}

/** A process's user + system CPU time in ms, from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

interface PhaseResult {
  load: LoadResult;
  /** CPU time the hub process used during the phase, per share stored, in µs (null where /proc is missing). */
  hubCpuPerShare: number | null;
}

async function measured(hubPid: number | undefined, drive: () => Promise<LoadResult>): Promise<PhaseResult> {
  const before = processCpuMs(hubPid);
  const load = await drive();
  const after = processCpuMs(hubPid);
  return { load, hubCpuPerShare: before === null || after === null || load.stored === 0 ? null : ((after - before) * 1000) / load.stored };
}

interface RunResult {
  saturation: PhaseResult;
  paced: PhaseResult;
  verification: Verification;
}

interface RunSettings {
  perDevice: number;
  rate: number;
  pacedSeconds: number;
  nodeFlags: string[];
}

/**
 * One run: a fresh hub over a fresh database, 100 devices enrolled with one code of 100 uses,
 * a warm-up, shares as fast as the hub answers (autocannon), shares at a steady rate, read-back.
 */
async function hubRun(backend: HubBenchBackend, settings: RunSettings): Promise<RunResult> {
  const place = await createHubPlace(backend);
  try {
    const code = hubCommand(place, ['enroll', '--uses', String(DEVICES)]).trim();
    const hub = await startHubProcess(place, settings.nodeFlags);
    try {
      const enrolled = await enrollDevices(hub.url, code, DEVICES);
      const devices: BenchDevice[] = enrolled.map((device, index) => ({
        ...device,
        index,
        next: index, // devices start on different entries, so their first pushes are not all inserts at once
        entries: Array.from({ length: ENTRIES_PER_DEVICE }, (_, entry) => ({ id: randomUUID(), index: entry, sent: 0, stored: 0 })),
      }));
      // Warm-up (not measured): the hub's JIT and the database's caches, as on a hub that has been running.
      await driveShares(hub.url, devices, WARMUP_SHARES);
      const saturation = await measured(hub.child.pid, () => driveShares(hub.url, devices, settings.perDevice));
      const paced = await measured(hub.child.pid, () => paceShares(hub.url, devices, settings.rate, settings.pacedSeconds));
      const verification = await verifyHub(hub.url, devices);
      return { saturation, paced, verification };
    } finally {
      await hub.stop();
    }
  } finally {
    await place.drop();
  }
}

const LABEL: Record<HubBenchBackend, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const fixed = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

interface PhaseSummary {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  hubCpuPerShare: number | null;
}

function summarize(phase: PhaseResult): PhaseSummary {
  const { load } = phase;
  return {
    perSecond: load.stored / load.seconds,
    p50: percentile(load.latencies, 50),
    p95: percentile(load.latencies, 95),
    p99: percentile(load.latencies, 99),
    errors: load.errors + [...load.failures.values()].reduce((sum, count) => sum + count, 0) + load.notStored,
    hubCpuPerShare: phase.hubCpuPerShare,
  };
}

function describe(phase: PhaseResult, summary: PhaseSummary): string {
  const { load } = phase;
  const failures = [...load.failures].map(([status, count]) => `${count}× HTTP ${status}`);
  return (
    `${load.stored.toLocaleString('en')} stored in ${load.seconds.toFixed(2)} s = ${Math.round(summary.perSecond).toLocaleString('en')}/s; ` +
    `p50 ${fixed(summary.p50)} ms, p95 ${fixed(summary.p95)} ms, p99 ${fixed(summary.p99)} ms, max ${fixed(Math.max(...load.latencies))} ms; ` +
    `errors ${load.errors} (timeouts ${load.timeouts})${failures.length > 0 ? `, ${failures.join(', ')}` : ''}${load.notStored > 0 ? `, ${load.notStored} not "stored"` : ''}; ` +
    `hub CPU ${summary.hubCpuPerShare === null ? '?' : Math.round(summary.hubCpuPerShare)} µs/share`
  );
}

function row(measure: string, target: string, summaries: PhaseSummary[], verified: boolean): BenchRow {
  const cpu = summaries.flatMap((summary) => (summary.hubCpuPerShare === null ? [] : [summary.hubCpuPerShare]));
  return {
    measure,
    target,
    median: median(summaries.map((summary) => summary.p50)),
    p95: median(summaries.map((summary) => summary.p95)),
    baseline:
      `p99 ${fixed(median(summaries.map((summary) => summary.p99)))} ms (runs ${summaries.map((summary) => fixed(summary.p99)).join(' / ')}); ` +
      `shares/s runs ${summaries.map((summary) => Math.round(summary.perSecond)).join(' / ')}; ` +
      `errors ${summaries.reduce((sum, summary) => sum + summary.errors, 0)}; ` +
      `hub CPU ${cpu.length > 0 ? `${Math.round(median(cpu))} µs/share` : 'not measured'}; ` +
      (verified ? 'hub held every last revision' : 'hub did NOT hold every last revision'),
  };
}

/** The hub load benchmark: two rows per backend (medians over runs), and one line per run as it ends. */
export async function benchHub(): Promise<BenchRow[]> {
  const backends = (process.env.HUB_BENCH_BACKENDS ?? 'sqlite,postgres').split(',').map((name) => name.trim()) as HubBenchBackend[];
  const runs = Number(process.env.HUB_BENCH_RUNS ?? 3);
  const profileDir = process.env.HUB_BENCH_CPU_PROF;
  const settings: RunSettings = {
    perDevice: Number(process.env.HUB_BENCH_SHARES ?? 150),
    rate: Number(process.env.HUB_BENCH_RATE ?? 1000),
    pacedSeconds: Number(process.env.HUB_BENCH_PACED_SECONDS ?? 10),
    nodeFlags: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  };
  const rows: BenchRow[] = [];
  for (const backend of backends) {
    if (!(backend in LABEL)) throw new Error(`HUB_BENCH_BACKENDS: unknown backend "${backend}" (sqlite, postgres)`);
    const saturation: PhaseSummary[] = [];
    const paced: PhaseSummary[] = [];
    let verified = true;
    for (let run = 1; run <= runs; run++) {
      const result = await hubRun(backend, settings);
      saturation.push(summarize(result.saturation));
      paced.push(summarize(result.paced));
      const exact = result.verification.exact === result.verification.entries && result.verification.entries === DEVICES * ENTRIES_PER_DEVICE;
      verified &&= exact;
      console.log(
        `hub ${LABEL[backend]} run ${run}/${runs} (body ${Math.round(median(result.saturation.load.bodyBytes))} B)\n` +
          `  as fast as it answers: ${describe(result.saturation, saturation.at(-1)!)}\n` +
          `  ${settings.rate.toLocaleString('en')}/s offered: ${describe(result.paced, paced.at(-1)!)}\n` +
          `  the hub holds the last revision of ${result.verification.exact}/${result.verification.entries} entries` +
          (result.verification.problems.length > 0 ? `\n  ${result.verification.problems.join('\n  ')}` : ''),
      );
    }
    const label = LABEL[backend];
    rows.push(
      row(
        `hub share, ${label}: ${DEVICES} connections as fast as answered (autocannon), ${Math.round(median(saturation.map((summary) => summary.perSecond))).toLocaleString('en')} shares/s`,
        backend === 'sqlite' ? '≥ 1000 shares/s' : 'reported',
        saturation,
        verified,
      ),
      row(
        `hub share, ${label}: ${settings.rate.toLocaleString('en')} shares/s offered by ${DEVICES} devices (paced), ${Math.round(median(paced.map((summary) => summary.perSecond))).toLocaleString('en')} stored/s`,
        backend === 'sqlite' ? 'p99 < 50 ms' : 'reported',
        paced,
        verified,
      ),
    );
  }
  return rows;
}

// Alone: the hub section only, with the machine's figures (autocannon and the hub share its cores).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(
    `Fieldbook hub load benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
      `the load generator and the hub share these cores; load average ${load()}`,
  );
  printTable(await benchHub());
  console.log(`load average at the end: ${load()}`);
}
