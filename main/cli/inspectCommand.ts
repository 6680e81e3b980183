/// <reference types="electron-vite/node" />
import { lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeInspection } from '../core/inspect/describeInspection';
import { createInspectionPool } from '../core/inspect/inspectionPool';
import type { InspectionResult } from '../../shared/inspection';
import inspectWorkerPath from '../core/inspect/inspectWorker?modulePath';

export const INSPECT_HELP = `  fieldbook inspect PATH... [--json]   Read files, or every file in folders, and say what they hold
                                       (read only; --json prints one JSON document per file)`;

/** Every file under a folder, depth first; folders that cannot be read are skipped. Symlinks are not followed. */
function* filesUnder(path: string): Generator<string> {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    yield path; // reported as "does not exist" by the inspection
    return;
  }
  if (stats.isFile()) {
    yield path;
    return;
  }
  if (!stats.isDirectory()) return;
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch {
    return;
  }
  for (const name of names) yield* filesUnder(join(path, name));
}

/** The inspection worker script as bundled beside the CLI. */
export function bundledInspectionWorker(): string {
  return inspectWorkerPath.startsWith('/') ? inspectWorkerPath : resolve(import.meta.dirname, inspectWorkerPath);
}

/** `fieldbook inspect`: reads only, runs nothing, sends nothing. */
export async function runInspect(paths: string[], json: boolean, out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const pool = createInspectionPool({ workerPath: bundledInspectionWorker() });
  let missing = 0;
  try {
    const pending: Promise<InspectionResult>[] = [];
    for (const path of paths) for (const file of filesUnder(resolve(path))) pending.push(pool.inspect(file));
    for (const next of pending) {
      const result = await next;
      if (result.error?.code === 'not_found') missing++;
      if (json) out(JSON.stringify(result));
      else out(`${result.path}\n  ${describeInspection(result)}${result.warnings.length > 0 ? `\n  Note: ${result.warnings.slice(0, 3).join(' ')}` : ''}`);
    }
  } finally {
    await pool.close();
  }
  return missing > 0 ? 1 : 0;
}
