import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HubTestDatabase } from '../hub-testHub';

const HUB_COMMAND = fileURLToPath(new URL('../../../hub/bin/fieldbook-hub.js', import.meta.url));
const BUILT_HUB = fileURLToPath(new URL('../../../out/main/hub.js', import.meta.url));

export interface HubProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the real `fieldbook-hub serve` command (the built one) on a free loopback port. */
export async function startHubProcess(place: HubTestDatabase): Promise<HubProcess> {
  if (!existsSync(BUILT_HUB)) throw new Error('The hub is not built: run "npm run build" first (npm test does).');
  const env = { ...process.env, DATABASE_URL: place.databaseUrl ?? '' };
  const child = spawn(process.execPath, [HUB_COMMAND, 'serve', '--data-dir', place.dataDir, '--port', '0', '--quiet'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The hub did not start within 15 s:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The hub exited with ${code} before it started:\n${output}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
