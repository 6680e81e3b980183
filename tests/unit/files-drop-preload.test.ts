/**
 * window.fieldbook.pathForFile, the one thing the preload adds for dropped and picked files, run
 * in Node against stand-ins for contextBridge and webUtils (named so: they are not Electron, and
 * this is NOT a substitute for the Electron suite in tests/electron/). The stand-in webUtils does
 * what Electron documents: a path for a file on disk, '' for a file built in JavaScript, and an
 * exception for anything that is not a File.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldbookBridge } from '../../shared/contract';

async function loadPreload(onDisk: Map<object, string>) {
  const exposed = new Map<string, unknown>();
  const asked: unknown[] = [];
  vi.resetModules();
  vi.doMock('electron', () => ({
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => undefined, removeListener: () => undefined },
    webUtils: {
      getPathForFile: (file: unknown) => {
        asked.push(file);
        if (!(file instanceof Blob) || !('name' in file)) throw new TypeError('Error processing argument at index 0, conversion failure');
        return onDisk.get(file) ?? '';
      },
    },
  }));
  try {
    await import('../../main/app/preload');
  } finally {
    vi.doUnmock('electron');
  }
  return { bridge: exposed.get('fieldbook') as FieldbookBridge, asked };
}

afterEach(() => {
  vi.resetModules();
});

describe('the preload tells the page where a dropped or picked file lives', () => {
  it('a file on disk gives its path, asked of webUtils with the very file that was dropped', async () => {
    const workbook = new File(['PK'], 'Pricing 2026.xlsm');
    const { bridge, asked } = await loadPreload(new Map([[workbook, 'C:\\Team\\Pricing 2026.xlsm']]));
    expect(bridge.pathForFile?.(workbook)).toBe('C:\\Team\\Pricing 2026.xlsm');
    expect(asked).toEqual([workbook]);
  });

  it('a file with no place on disk (dragged out of a web page) gives an empty path', async () => {
    const { bridge } = await loadPreload(new Map());
    expect(bridge.pathForFile?.(new File(['a,b'], 'export.csv'))).toBe('');
  });

  it('something that is not a file gives an empty path instead of an exception in the page', async () => {
    const { bridge } = await loadPreload(new Map());
    for (const notAFile of [{}, { name: 'x.xlsx', path: '/etc/passwd' }, new Blob(['x'])]) expect(bridge.pathForFile?.(notAFile)).toBe('');
  });

  it('is a plain function on a frozen object: the page cannot swap it', async () => {
    const { bridge } = await loadPreload(new Map());
    expect(typeof bridge.pathForFile).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
