// Types for scripts/electron-binary.js (plain JavaScript so `node scripts/start.js` needs no build).
export declare const PROJECT_ROOT: string;
export declare function platformExecutable(platform?: NodeJS.Platform | 'mas'): string;
export type ElectronBinaryLookup = { binary: string; reason?: undefined } | { binary: null; reason: string };
export declare function findElectronBinary(options?: {
  root?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}): ElectronBinaryLookup;
