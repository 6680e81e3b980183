/**
 * Start-up decisions of the Electron host that need no Electron: the error shown when the
 * store cannot be opened, `--data-dir`, and finding an Electron binary without requiring the
 * electron package. Plain Node; not a substitute for the Electron suite in tests/electron/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldbookError } from '../../main/core/errors';
import { dataDirFromArgv } from '../../main/app/commandLine';
import { describeStartupFailure } from '../../main/app/startupError';
import { findElectronBinary, platformExecutable } from '../../scripts/electron-binary.js';

describe('when the fieldbook cannot be opened', () => {
  it('the dialog says what happened and what to do, from the FieldbookError', () => {
    const error = new FieldbookError('store_locked', 'Your fieldbook is open in another Fieldbook window.', 'Close the other window, then start Fieldbook again.');
    const { title, body } = describeStartupFailure(error, '/home/ana/.local/share/fieldbook');
    expect(title).toBe('Fieldbook cannot open your fieldbook');
    expect(body).toContain('Your fieldbook is open in another Fieldbook window.');
    expect(body).toContain('Close the other window, then start Fieldbook again.');
    expect(body).toContain('/home/ana/.local/share/fieldbook');
  });

  it('an unexpected error still says that nothing was changed', () => {
    const { title, body } = describeStartupFailure(new Error('disk on fire'));
    expect(title).toBe('Fieldbook could not start');
    expect(body).toContain('disk on fire');
    expect(body).toContain('Nothing in your fieldbook was changed');
  });
});

describe('--data-dir', () => {
  it.each([
    [['out/main/main.js', '--data-dir', '/tmp/fb'], '/tmp/fb'],
    [['.', '--data-dir=/tmp/fb2'], '/tmp/fb2'],
    [['.', '--data-dir'], undefined],
    [['.', '--data-dir', '--other'], undefined],
    [['.'], undefined],
  ])('%j gives %j', (argv, expected) => {
    expect(dataDirFromArgv(argv)).toBe(expected);
  });
});

describe('finding an Electron binary without requiring electron', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });
  const project = () => {
    root = mkdtempSync(join(tmpdir(), 'fieldbook-binary-'));
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    return root;
  };

  it('reports the missing binary in node_modules/electron/dist when there is none', () => {
    expect(findElectronBinary({ root: project(), env: {} })).toEqual({
      binary: null,
      reason: 'no Electron binary in node_modules/electron/dist',
    });
  });

  it('uses the file path.txt names under node_modules/electron/dist', () => {
    const dir = project();
    writeFileSync(join(dir, 'node_modules', 'electron', 'path.txt'), 'electron');
    mkdirSync(join(dir, 'node_modules', 'electron', 'dist'));
    expect(findElectronBinary({ root: dir, env: {} }).binary).toBeNull(); // named but not there
    writeFileSync(join(dir, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary({ root: dir, env: {} })).toEqual({ binary: join(dir, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, like electron itself', () => {
    const dir = project();
    const override = join(dir, 'my-electron');
    mkdirSync(override);
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(findElectronBinary({ root: dir, env, platform: 'linux' }).reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    writeFileSync(join(override, platformExecutable('linux')), '');
    expect(findElectronBinary({ root: dir, env, platform: 'linux' })).toEqual({ binary: join(override, 'electron') });
  });
});
