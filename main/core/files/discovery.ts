import { randomUUID } from 'node:crypto';
import { opendir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DiscoveryCandidate, DiscoveryStatus } from '../../../shared/contract';
import { FieldbookError, notFound } from '../errors';
import type { EventHub } from '../events';
import { describeInspection } from '../inspect/describeInspection';
import type { InspectionPool } from '../inspect/inspectionPool';
import { suggestEntry, toolReasons } from './suggestEntry';

/** Files worth a closer look: workbooks, Access databases and scripts. */
const CANDIDATE_EXTENSIONS = new Set([
  '.xlsx', '.xlsm', '.xltx', '.xltm', '.xlam', '.xlsb', '.xls', '.xla', '.xlt', '.ods',
  '.mdb', '.accdb',
  '.bas', '.cls', '.vba', '.vbs', '.py', '.ps1', '.sql', '.r',
]);
const SKIPPED_FOLDERS = new Set(['node_modules', '$RECYCLE.BIN', 'System Volume Information']);
const PROGRESS_EVERY_MS = 150;
/**
 * Candidates read at the same time. The others wait their turn in a queue (not in the pool), so
 * a cancel stops them at once instead of after every queued file has been read.
 */
const INSPECT_AT_ONCE = 4;

interface Scan {
  status: DiscoveryStatus;
  candidates: DiscoveryCandidate[];
  cancelled: boolean;
  /** Settles on cancel, so the scan ends without waiting for the files being read right then. */
  stopped: Promise<void>;
  stop: () => void;
}

/**
 * Looks through a folder for the tools in it (workbooks with macros, links or connections,
 * Access databases, scripts): a quick pass by name first, then a read-only inspection of the
 * candidates. Shows progress, can be cancelled, and skips what it cannot read.
 */
export class Discovery {
  private readonly scans = new Map<string, Scan>();

  constructor(
    private readonly events: EventHub,
    private readonly inspector: () => InspectionPool,
  ) {}

  async start(folder: string): Promise<DiscoveryStatus> {
    let stats;
    try {
      stats = await stat(folder);
    } catch {
      throw new FieldbookError('invalid_input', `The folder ${folder} cannot be found or opened.`, 'Check the path (copy it from your file explorer), then try again.');
    }
    if (!stats.isDirectory()) throw new FieldbookError('invalid_input', `${folder} is a file, not a folder.`, 'Choose the folder that holds your tools.');
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const scan: Scan = {
      status: { scanId: randomUUID(), folder, seen: 0, candidates: 0, inspected: 0, skipped: 0, state: 'running' },
      candidates: [],
      cancelled: false,
      stopped,
      stop,
    };
    this.scans.set(scan.status.scanId, scan);
    void this.run(scan);
    return { ...scan.status };
  }

  cancel(scanId: string): DiscoveryStatus {
    const scan = this.require(scanId);
    scan.cancelled = true;
    scan.stop();
    return { ...scan.status };
  }

  results(scanId: string): { status: DiscoveryStatus; candidates: DiscoveryCandidate[] } {
    const scan = this.require(scanId);
    return { status: { ...scan.status }, candidates: scan.candidates };
  }

  private require(scanId: string): Scan {
    const scan = this.scans.get(scanId);
    if (!scan) throw notFound('This folder scan');
    return scan;
  }

  private async run(scan: Scan): Promise<void> {
    let lastProgress = 0;
    const progress = (force = false) => {
      const now = Date.now();
      if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      this.events.emit('discover.progress', { ...scan.status });
    };
    const queue: string[] = [];
    let walking = true;
    const sleeping: (() => void)[] = [];
    const wake = () => {
      for (const resume of sleeping.splice(0)) resume();
    };
    const readCandidates = async () => {
      while (!scan.cancelled) {
        const path = queue.shift();
        // A large file can take seconds: a cancel does not wait for it (its result is dropped).
        if (path !== undefined) await Promise.race([this.inspectCandidate(scan, path, progress), scan.stopped]);
        else if (walking) await new Promise<void>((resume) => sleeping.push(resume));
        else return;
      }
    };
    const readers = Array.from({ length: INSPECT_AT_ONCE }, readCandidates);
    // A reader that fails is reported below (the scan fails), not as an unhandled rejection meanwhile.
    for (const reader of readers) reader.catch(() => undefined);
    try {
      try {
        const folders = [scan.status.folder];
        while (folders.length > 0 && !scan.cancelled) {
          const folder = folders.pop()!;
          let dir;
          try {
            dir = await opendir(folder);
          } catch {
            scan.status.skipped++;
            continue;
          }
          for await (const item of dir) {
            if (scan.cancelled) break;
            if (item.name.startsWith('.') || item.name.startsWith('~$')) continue;
            const path = join(folder, item.name);
            if (item.isDirectory()) {
              if (!SKIPPED_FOLDERS.has(item.name)) folders.push(path);
              continue;
            }
            if (!item.isFile()) continue; // symlinks and devices are not followed
            scan.status.seen++;
            if (CANDIDATE_EXTENSIONS.has(extname(item.name).toLowerCase())) {
              queue.push(path);
              wake();
            }
            progress();
          }
        }
      } finally {
        walking = false;
        wake();
      }
      await Promise.all(readers);
      scan.status.state = scan.cancelled ? 'cancelled' : 'done';
    } catch (error) {
      scan.status.state = 'failed';
      scan.status.error = (error as Error).message;
    }
    progress(true);
  }

  private async inspectCandidate(scan: Scan, path: string, progress: () => void): Promise<void> {
    if (scan.cancelled) return;
    const result = await this.inspector().inspect(path);
    if (scan.cancelled) return;
    scan.status.inspected++;
    const reasons = toolReasons(result);
    if (result.error === null && reasons.length > 0) {
      scan.status.candidates++;
      scan.candidates.push({
        path,
        format: result.format,
        bytes: result.bytes,
        modified: result.fileModified,
        reasons,
        summary: describeInspection(result),
        suggestion: suggestEntry(result),
      });
    }
    progress();
  }
}
