import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openFieldbook } from '../../main/core/fieldbook';
import type { BenchRow } from './stats';

const FILES = 50_000;

/** A team share: 500 folders of 100 files, one in 50 a small script (a candidate to read). */
function makeTree(root: string): void {
  for (let folder = 0; folder < FILES / 100; folder++) {
    const dir = join(root, `Team ${folder % 20}`, `Project ${folder}`);
    mkdirSync(dir, { recursive: true });
    for (let file = 0; file < 100; file++) {
      if (file % 50 === 0) writeFileSync(join(dir, `merge_${file}.py`), 'import csv\nprint("merge")\n');
      else writeFileSync(join(dir, `notes_${file}.txt`), 'minutes of the weekly meeting\n');
    }
  }
}

/** Folder scan over 50,000 files: files per second, and how long the event loop was ever held up. */
export async function benchDiscovery(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-scan-'));
  const data = mkdtempSync(join(tmpdir(), 'fieldbook-scan-data-'));
  try {
    makeTree(root);
    const findStarted = performance.now();
    spawnSync('find', [root, '-type', 'f'], { stdio: 'ignore' });
    const findMs = performance.now() - findStarted;

    const book = openFieldbook({ dataDir: data });
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = performance.now();
    const { scanId } = await book.discovery.start(root);
    let walkedMs = 0;
    for (;;) {
      const { status } = book.discovery.results(scanId);
      if (walkedMs === 0 && status.seen >= FILES) walkedMs = performance.now() - started;
      if (status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const totalMs = performance.now() - started;
    lag.disable();
    const { status } = book.discovery.results(scanId);
    await book.files.close();
    book.close();
    const perSecond = (status.seen / (walkedMs || totalMs)) * 1000;
    return [
      {
        measure: `folder scan, quick pass: ${status.seen.toLocaleString('en')} files (${Math.round(perSecond).toLocaleString('en')} files/s)`,
        target: '—',
        median: walkedMs || totalMs,
        p95: walkedMs || totalMs,
        baseline: `find -type f: ${findMs.toFixed(0)} ms`,
      },
      {
        measure: `folder scan, with ${status.inspected} candidates read (${status.candidates} tools found)`,
        target: '—',
        median: totalMs,
        p95: totalMs,
        baseline: `event loop held up at most ${(lag.max / 1e6).toFixed(0)} ms (p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms)`,
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}
