/**
 * The Electron IPC wiring (main/app/ipc.ts), run in Node against hand-made stand-ins for
 * ipcMain and webContents. A stand-in is not Electron: this pins down our decisions (who may
 * call, what reaches the router, who gets events) but is NOT a substitute for the Electron
 * suite in tests/electron/, which runs the real app where an Electron binary exists.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiRouter } from '../../main/api/router';
import { openFieldbook, type Fieldbook } from '../../main/core/fieldbook';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../main/app/channels';
import {
  isTrustedSender,
  registerFieldbookIpc,
  type InvokeEventLike,
  type IpcMainLike,
  type RouterLike,
  type WebContentsLike,
} from '../../main/app/ipc';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** Stand-in for ipcMain: remembers handlers so the test can invoke them like Electron would. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = async (frameUrl: string | null, ...args: unknown[]) => {
    const handler = handlers.get(CALL_CHANNEL);
    if (!handler) throw new Error('no handler');
    return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl, parent: null } }, ...args);
  };
  return { ipcMain, handlers, invoke };
}

/** Stand-in router: records calls and lets the test emit events. */
function fakeRouter() {
  const calls: Array<{ method: string; input: unknown }> = [];
  let listener: ((event: string, payload: unknown) => void) | undefined;
  const router: RouterLike = {
    call: async (method, input) => {
      calls.push({ method, input });
      return { ok: true, value: { echoed: method } };
    },
    subscribe: (next) => {
      listener = next;
      return () => {
        listener = undefined;
      };
    },
  };
  return { router, calls, emit: (event: string, payload: unknown) => listener?.(event, payload), isSubscribed: () => !!listener };
}

function fakeWebContents(url: string, destroyed = false) {
  const sent: unknown[][] = [];
  const contents: WebContentsLike = {
    isDestroyed: () => destroyed,
    getURL: () => url,
    send: (channel, ...args) => void sent.push([channel, ...args]),
  };
  return { contents, sent };
}

const quiet = () => undefined;
const FIELDBOOK_PAGE = 'app://fieldbook/index.html';

describe('IPC calls from the window', () => {
  it('a call from the Fieldbook window reaches the router and returns its result', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const { router, calls } = fakeRouter();
    registerFieldbookIpc({ ipcMain, router, listWebContents: () => [], log: quiet });

    const result = await invoke(FIELDBOOK_PAGE, 'entries.list', { query: 'budget' });

    expect(calls).toEqual([{ method: 'entries.list', input: { query: 'budget' } }]);
    expect(result).toEqual({ ok: true, value: { echoed: 'entries.list' } });
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['a file page', 'file:///etc/passwd'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike host', 'app://fieldbook.evil/index.html'],
    ['a host with credentials', 'app://user@fieldbook/index.html'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['an empty URL', ''],
  ])('a call from %s is refused and never reaches the router', async (_label, url) => {
    const { ipcMain, invoke } = fakeIpcMain();
    const { router, calls } = fakeRouter();
    const log = vi.fn();
    registerFieldbookIpc({ ipcMain, router, listWebContents: () => [], log });

    await expect(invoke(url, 'entries.list', {})).rejects.toThrow(/refused a request from a page that is not Fieldbook/);
    expect(calls).toEqual([]);
    expect(log).toHaveBeenCalled();
  });

  it('a call whose frame is gone (navigated away or destroyed) is refused', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const { router, calls } = fakeRouter();
    registerFieldbookIpc({ ipcMain, router, listWebContents: () => [], log: quiet });

    await expect(invoke(null, 'entries.list', {})).rejects.toThrow(/refused/);
    expect(calls).toEqual([]);
  });

  it('a call from a sub-frame is refused even when the sub-frame is on app://fieldbook', () => {
    expect(isTrustedSender({ senderFrame: { url: FIELDBOOK_PAGE, parent: { url: FIELDBOOK_PAGE } } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: FIELDBOOK_PAGE, parent: null } })).toBe(true);
  });

  it('a request without a method name gets an unknown_method result without reaching the router', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const { router, calls } = fakeRouter();
    registerFieldbookIpc({ ipcMain, router, listWebContents: () => [], log: quiet });

    const result = await invoke(FIELDBOOK_PAGE, { toString: () => 'entries.list' }, {});

    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(calls).toEqual([]);
  });

  it('a router that throws still gives the window a result it can show', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const router: RouterLike = {
      call: async () => {
        throw new Error('boom');
      },
      subscribe: () => () => undefined,
    };
    registerFieldbookIpc({ ipcMain, router, listWebContents: () => [], log: quiet });

    await expect(invoke(FIELDBOOK_PAGE, 'home.summary', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', hint: expect.any(String) },
    });
  });
});

describe('events to windows', () => {
  it('events reach every Fieldbook window with their name and payload', () => {
    const { ipcMain } = fakeIpcMain();
    const { router, emit } = fakeRouter();
    const first = fakeWebContents(FIELDBOOK_PAGE);
    const second = fakeWebContents('app://fieldbook/entries/1');
    registerFieldbookIpc({ ipcMain, router, listWebContents: () => [first.contents, second.contents], log: quiet });

    emit('entries.changed', { ids: ['e1'], action: 'created' });

    const expected = [[EVENT_CHANNEL, 'entries.changed', { ids: ['e1'], action: 'created' }]];
    expect(first.sent).toEqual(expected);
    expect(second.sent).toEqual(expected);
  });

  it('events skip windows that are destroyed or showing something other than Fieldbook', () => {
    const { ipcMain } = fakeIpcMain();
    const { router, emit } = fakeRouter();
    const gone = fakeWebContents(FIELDBOOK_PAGE, true);
    const elsewhere = fakeWebContents('https://example.com/');
    const ours = fakeWebContents(FIELDBOOK_PAGE);
    registerFieldbookIpc({
      ipcMain,
      router,
      listWebContents: () => [gone.contents, elsewhere.contents, ours.contents],
      log: quiet,
    });

    emit('settings.changed', { theme: 'dark' });

    expect(gone.sent).toEqual([]);
    expect(elsewhere.sent).toEqual([]);
    expect(ours.sent).toHaveLength(1);
  });

  it('unregistering removes the call handler and stops forwarding events', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { router, isSubscribed } = fakeRouter();
    const dispose = registerFieldbookIpc({ ipcMain, router, listWebContents: () => [], log: quiet });
    expect(handlers.has(CALL_CHANNEL)).toBe(true);

    dispose();

    expect(handlers.has(CALL_CHANNEL)).toBe(false);
    expect(isSubscribed()).toBe(false);
  });
});

describe('with the real router and a real store', () => {
  let dir: string | undefined;
  let fieldbook: Fieldbook | undefined;
  afterEach(() => {
    fieldbook?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    fieldbook = undefined;
    dir = undefined;
  });

  it('an entry created through IPC comes back in the list, and the window hears about it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldbook-ipc-'));
    fieldbook = openFieldbook({ dataDir: dir });
    const { ipcMain, invoke } = fakeIpcMain();
    const window = fakeWebContents(FIELDBOOK_PAGE);
    registerFieldbookIpc({ ipcMain, router: createApiRouter(fieldbook), listWebContents: () => [window.contents], log: quiet });

    const created = await invoke(FIELDBOOK_PAGE, 'entries.create', { fields: { name: 'Budget workbook', kind: 'spreadsheet' } });
    expect(created).toMatchObject({ ok: true, value: { name: 'Budget workbook' } });

    const list = await invoke(FIELDBOOK_PAGE, 'entries.list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
    expect(window.sent.some(([channel, name]) => channel === EVENT_CHANNEL && name === 'entries.changed')).toBe(true);

    const bad = await invoke(FIELDBOOK_PAGE, 'entries.list', { limit: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
