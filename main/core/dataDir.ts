import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_ENV = 'FIELDBOOK_DATA_DIR';

/**
 * The one per-user folder that holds the fieldbook. The Electron host and the browser host
 * both use it, so the desktop app and `fieldbook serve` see the same entries.
 */
export function resolveDataDir(options: { dataDir?: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}): string {
  const env = options.env ?? process.env;
  if (options.dataDir) return resolve(options.dataDir);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return resolve(fromEnv);
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  switch (options.platform ?? process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Fieldbook');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Fieldbook');
    default:
      return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'fieldbook');
  }
}
