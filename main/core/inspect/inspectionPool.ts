import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { formatFromExtension } from './formats';
import { emptyInspection, type InspectionErrorCode, type InspectionResult } from '../../../shared/inspection';
import { DEFAULT_LIMITS, type InspectionLimits } from './limits';

export interface InspectionPoolOptions {
  /** Worker threads (default: the number of cores, at most 4). */
  size?: number;
  limits?: Partial<InspectionLimits>;
  /** The worker script. Defaults to inspectWorker next to this module (the CLI passes its bundled copy). */
  workerPath?: string;
}

export interface InspectionPool {
  inspect(path: string): Promise<InspectionResult>;
  close(): Promise<void>;
}

interface Job {
  path: string;
  resolve(result: InspectionResult): void;
}

function defaultWorkerPath(): string {
  const here = import.meta.url;
  return fileURLToPath(new URL(`./inspectWorker.${here.endsWith('.ts') ? 'ts' : 'js'}`, here));
}

function failed(path: string, code: InspectionErrorCode, message: string): InspectionResult {
  const result = emptyInspection(path);
  result.format = formatFromExtension(extname(path).slice(1).toLowerCase());
  try {
    const stats = statSync(path);
    result.bytes = stats.size;
    result.fileModified = stats.mtime.toISOString();
  } catch {
    // The error below says what went wrong; the size stays 0.
  }
  result.error = { code, message };
  return result;
}

/**
 * Worker threads that inspect files off the calling thread, each file under the time and memory
 * limits. A file that hangs or exhausts its worker's memory gets an error result and a fresh
 * worker; the next file is not affected.
 */
export function createInspectionPool(options: InspectionPoolOptions = {}): InspectionPool {
  const limits: InspectionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
  const workerPath = options.workerPath ?? defaultWorkerPath();
  // From source (tests, benchmarks) the worker is TypeScript: a small bootstrap loads it through tsx.
  const fromSource = workerPath.endsWith('.ts');
  const tsxApi = fromSource ? pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href : '';
  const bootstrap = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));`;
  const queue: Job[] = [];
  const slots = Array.from({ length: size }, () => ({ worker: null as Worker | null, busy: false }));
  const busy = new Set<Promise<void>>();
  let nextId = 1;
  let closed = false;

  const startWorker = () =>
    new Worker(fromSource ? bootstrap : workerPath, {
      eval: fromSource,
      workerData: fromSource ? { tsxApi, entry: pathToFileURL(workerPath).href } : undefined,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, limits.memoryMb / 8)), stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });

  const run = (worker: Worker, job: Job): Promise<{ result: InspectionResult; keep: boolean }> =>
    new Promise((resolve) => {
      const id = nextId++;
      let settled = false;
      const finish = (result: InspectionResult, keep: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve({ result, keep });
      };
      const onMessage = (message: { id: number; result?: InspectionResult; failure?: string }) => {
        if (message.id !== id) return;
        finish(message.result ?? failed(job.path, 'worker_failed', `Fieldbook could not read this file: ${message.failure ?? 'unknown error'}`), true);
      };
      const onError = (error: Error & { code?: string }) => {
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(error.message);
        finish(
          outOfMemory
            ? failed(job.path, 'out_of_memory', `Reading this file needed more than the ${limits.memoryMb} MB Fieldbook allows for one file; it was stopped.`)
            : failed(job.path, 'worker_failed', `Fieldbook could not read this file: ${error.message}`),
          false,
        );
      };
      const onExit = () => finish(failed(job.path, 'worker_failed', 'The reader for this file stopped unexpectedly.'), false);
      const timer = setTimeout(() => {
        finish(failed(job.path, 'timeout', `Reading this file took longer than ${Math.round(limits.timeMs / 1000)} s, the limit for one file; it was stopped.`), false);
        void worker.terminate();
      }, limits.timeMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, path: job.path, limits });
    });

  const pump = () => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift()!;
      const worker = slot.worker ?? startWorker();
      slot.worker = worker;
      slot.busy = true;
      const task = run(worker, job).then(({ result, keep }) => {
        if (!keep || closed) {
          void worker.terminate();
          slot.worker = null;
        }
        slot.busy = false;
        busy.delete(task);
        job.resolve(result);
        pump();
      });
      busy.add(task);
    }
  };

  return {
    inspect(path: string): Promise<InspectionResult> {
      if (closed) return Promise.resolve(failed(path, 'worker_failed', 'The inspection pool is closed.'));
      return new Promise((resolve) => {
        queue.push({ path, resolve });
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(busy);
      await Promise.all(slots.map((slot) => slot.worker?.terminate()));
    },
  };
}

/** Inspects one file in a worker thread with the given limits (a one-file pool). */
export async function inspectFile(path: string, limits: Partial<InspectionLimits> = {}, workerPath?: string): Promise<InspectionResult> {
  const pool = createInspectionPool({ size: 1, limits, ...(workerPath ? { workerPath } : {}) });
  try {
    return await pool.inspect(path);
  } finally {
    await pool.close();
  }
}
