import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASELINE_PACK_FILE = join('packs', 'baseline.yaml');

/**
 * The baseline pack ships beside the code (packs/baseline.yaml at the project root, also inside
 * the packaged app). Found by walking up from this module, so source and bundle both find it.
 */
export function readBaselinePack(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 5; level++) {
    const candidate = join(folder, BASELINE_PACK_FILE);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    folder = dirname(folder);
  }
  throw new Error(`The built-in guideline pack (${BASELINE_PACK_FILE}) is missing from this installation.`);
}
