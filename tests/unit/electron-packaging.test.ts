/**
 * What goes into the packaged app, checked offline. electron-builder packs the real built app
 * (out/) with electron-builder.yml, but with a STAND-IN Electron distribution: a folder whose
 * `electron` file is a few bytes holding only the fuse wire (the sentinel and eight fuse bytes,
 * in Electron's format), so nothing is downloaded. The test then reads app.asar and the fuse
 * bytes electron-builder wrote. The result cannot run — real packages are built where Electron
 * can be downloaded — so this is not a substitute for installing and starting a real build.
 *
 * Needs `npm run build` first (it packs out/).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRawHeader, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectDir = join(import.meta.dirname, '..', '..');
const BUILT = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
const missing = BUILT.filter((file) => !existsSync(join(projectDir, file)));

// The fuse wire format (@electron/fuses' constants, not exported by its index).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

let work: string;
let appOutDir: string;
let asarPath: string;
let entries: string[];

/** Electron's fuse wire as it ships: runAsNode on, cookie encryption off, ... (version 1, 8 fuses). */
function stubElectronBinary(): Buffer {
  const shipped = [
    FuseState.ENABLE, // RunAsNode
    FuseState.DISABLE, // EnableCookieEncryption
    FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
    FuseState.ENABLE, // EnableNodeCliInspectArguments
    FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
    FuseState.DISABLE, // OnlyLoadAppFromAsar
    FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
    FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
  ];
  return Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron for packaging tests; it cannot run the app"\nexit 1\n'),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, shipped.length, ...shipped]),
  ]);
}

beforeAll(async () => {
  if (missing.length > 0) throw new Error(`The app is not built (${missing.join(', ')} missing): run "npm run build" first (npm test does).`);
  work = mkdtempSync(join(tmpdir(), 'fieldbook-pack-'));
  const electronDist = join(work, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), stubElectronBinary());
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'version'), '45.4.1');

  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    // Merged over electron-builder.yml: only where Electron comes from, and where output goes.
    config: {
      electronDist,
      electronVersion: '45.4.1',
      npmRebuild: false,
      directories: { output: join(work, 'dist') },
    },
  });
  appOutDir = join(work, 'dist', 'linux-unpacked');
  asarPath = join(appOutDir, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.split('\\').join('/'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app', () => {
  it('needs the built app in out/', () => {
    expect(missing, `Run \`npm run build\` before this test; missing: ${missing.join(', ')}`).toEqual([]);
  });

  it('app.asar holds the built main process, preload and renderer, and package.json', () => {
    for (const file of [...BUILT, 'package.json', 'packs/baseline.yaml']) expect(entries, file).toContain(`/${file}`);
  });

  it('app.asar holds the production dependencies', () => {
    for (const file of [
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/electron-store/index.js',
      '/node_modules/conf/package.json',
      '/node_modules/zod/package.json',
    ]) {
      expect(entries, file).toContain(file);
    }
  });

  it("better-sqlite3's native module is unpacked next to the archive, and only it", () => {
    const nodeFiles = entries.filter((entry) => entry.endsWith('.node'));
    expect(nodeFiles).toEqual(['/node_modules/better-sqlite3/build/Release/better_sqlite3.node']);
    const unpacked = join(`${asarPath}.unpacked`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(existsSync(unpacked)).toBe(true);
    // In the archive's header the file is marked unpacked rather than stored inside.
    const header = getRawHeader(asarPath).header as { files: Record<string, unknown> };
    const node = ['node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'].reduce<unknown>(
      (dir, name) => (dir as { files: Record<string, unknown> }).files[name],
      header,
    );
    expect(node).toMatchObject({ unpacked: true });
  });

  it('app.asar holds no tests, TypeScript sources, source maps or build leftovers', () => {
    expect(entries.filter((entry) => /^\/(tests|main|renderer|shared|hub|scripts|build|bin)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts|map)$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /^\/node_modules\/better-sqlite3\/(deps|src)\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /\/(obj|obj\.target)\//.test(entry))).toEqual([]);
    for (const file of ['/tsconfig.json', '/electron.vite.config.ts', '/electron-builder.yml', '/eslint.config.js']) {
      expect(entries).not.toContain(file);
    }
  });

  it('app.asar holds none of the development dependencies', () => {
    const { devDependencies } = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const found = Object.keys(devDependencies).filter((name) => entries.some((entry) => entry.startsWith(`/node_modules/${name}/`)));
    expect(found).toEqual([]);
    for (const name of ['vitest', '@playwright/test', 'playwright-core', 'electron', 'electron-builder', 'typescript', 'vite']) {
      expect(entries.some((entry) => entry.startsWith(`/node_modules/${name}/`)), name).toBe(false);
    }
  });

  it('app.asar holds none of the hub server: neither its entry point nor the packages only it uses', () => {
    const hubOnly = hubOnlyPackages();
    // The closure really is the hub's: its own four are in it, the desktop's are not.
    expect(hubOnly).toEqual(expect.arrayContaining(['fastify', '@fastify/rate-limit', 'kysely', 'pg']));
    expect(hubOnly).not.toContain('better-sqlite3');
    expect(entries).not.toContain('/out/main/hub.js');
    const packed = hubOnly.filter((name) => entries.some((entry) => entry.startsWith(`/node_modules/${name}/`)));
    expect(packed, 'add these to the hub exclusions in electron-builder.yml').toEqual([]);
    // What the desktop needs is still there.
    expect(entries).toContain('/node_modules/zod/package.json');
    expect(entries).toContain('/node_modules/yaml/package.json');
  });

  it('every Electron fuse is flipped the way electron-builder.yml says', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, 'fieldbook'));
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      enableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      enableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      enableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      enableEmbeddedAsarIntegrityValidation: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      loadBrowserProcessSpecificV8Snapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      grantFileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      enableCookieEncryption: FuseState.ENABLE,
      enableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
      enableNodeCliInspectArguments: FuseState.DISABLE,
      enableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
      onlyLoadAppFromAsar: FuseState.ENABLE,
      loadBrowserProcessSpecificV8Snapshot: FuseState.DISABLE,
      grantFileProtocolExtraPrivileges: FuseState.DISABLE,
    });
  });
});

describe('the built preload', () => {
  it('requires nothing but electron, as a sandboxed preload must', () => {
    const source = readFileSync(join(projectDir, 'out', 'preload', 'preload.cjs'), 'utf8');
    const required = [...source.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(source).not.toMatch(/\bimport\s*\(/);
  });
});

/**
 * Packages only the hub needs: everything reachable in package-lock.json from the hub's own
 * dependencies, minus everything reachable from the desktop's.
 */
function hubOnlyPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
  };
  const { dependencies } = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const hubRoots = ['fastify', '@fastify/rate-limit', 'kysely', 'pg'];
  const reachable = (roots: string[]) => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length > 0) {
      const name = stack.pop()!;
      const entry = lock.packages[`node_modules/${name}`];
      if (seen.has(name) || !entry) continue;
      seen.add(name);
      stack.push(...Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }));
    }
    return seen;
  };
  const desktop = reachable(Object.keys(dependencies).filter((name) => !hubRoots.includes(name)));
  return [...reachable(hubRoots)].filter((name) => !desktop.has(name)).sort();
}
