import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const fieldbookBin = join(repoRoot, 'bin', 'fieldbook.js');

/** Runs the built `fieldbook` command and returns its exit code and output. */
export function runFieldbook(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [fieldbookBin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the command with `dir` on a read-only disk. As root (who may write anywhere) that is a
 * read-only bind mount in a private mount namespace; otherwise the folder is made read-only.
 */
export function runOnReadOnlyDisk(dir: string, args: string[]) {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    try {
      return runFieldbook(args);
    } finally {
      chmodSync(dir, 0o755);
    }
  }
  const script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"';
  const result = spawnSync('unshare', ['-m', 'sh', '-c', script, dir, process.execPath, fieldbookBin, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
