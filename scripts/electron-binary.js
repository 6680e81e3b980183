// Finds an Electron executable WITHOUT requiring the `electron` package: requiring it tries to
// download the binary, which fails on machines that can only reach the npm registry
// (see the handbook's TOOLCHAIN.md). Used by scripts/start.js and tests/electron/.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The executable's path inside an Electron distribution folder, as electron's install.js names it. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {{ root?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform }} [options]
 * @returns {{ binary: string, reason?: undefined } | { binary: null, reason: string }}
 *   `reason` is a short phrase for messages, e.g. "no Electron binary in node_modules/electron/dist".
 */
export function findElectronBinary(options = {}) {
  const root = options.root ?? PROJECT_ROOT;
  const env = options.env ?? process.env;
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const executable = named || platformExecutable(options.platform);

  // Same rule as electron's own index.js: the override folder wins when set.
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = resolve(override, executable);
    if (isFile(candidate)) return { binary: candidate };
    return { binary: null, reason: `no Electron binary at ${candidate} (from ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  const candidate = join(packageDir, 'dist', executable);
  if (named && isFile(candidate)) return { binary: candidate };
  const shown = relative(root, join(packageDir, 'dist')).split('\\').join('/');
  return { binary: null, reason: `no Electron binary in ${shown}` };
}
