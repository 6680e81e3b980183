/**
 * The preload (main/app/preload.ts) and the bridge it exposes (main/app/bridge.ts), run in
 * Node against hand-made stand-ins for contextBridge and ipcRenderer. A stand-in is not
 * Electron's contextBridge (which also copies values between worlds): this pins down what we
 * expose and what we send, and is NOT a substitute for the Electron suite in tests/electron/.
 */
import { describe, expect, it, vi } from 'vitest';
import { METHODS, events } from '../../shared/contract';
import { createFieldbookBridge, EVENT_NAMES, METHOD_NAMES, type IpcRendererLike } from '../../main/app/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../main/app/channels';
import { registerFieldbookIpc, type InvokeEventLike } from '../../main/app/ipc';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** Stand-in for ipcRenderer: records invokes, lets the test push messages to listeners. */
function fakeIpcRenderer(answer: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: null })) {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<IpcListener>>();
  const ipcRenderer: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push([channel, ...args]);
      return answer(channel, ...args);
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
  };
  const push = (channel: string, ...args: unknown[]) => {
    const fakeEvent = { sender: { secret: 'ipcRenderer internals' }, senderId: 0 };
    for (const listener of listeners.get(channel) ?? []) listener(fakeEvent, ...args);
  };
  const listenerCount = (channel: string) => listeners.get(channel)?.size ?? 0;
  return { ipcRenderer, invoked, push, listenerCount };
}

describe('the preload script', () => {
  it('exposes window.fieldbook with exactly three functions, call, on and pathForFile, and nothing else', async () => {
    const exposed: Array<[string, unknown]> = [];
    const { ipcRenderer } = fakeIpcRenderer();
    vi.resetModules();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer,
    }));
    try {
      await import('../../main/app/preload');
    } finally {
      vi.doUnmock('electron');
    }

    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0] ?? [];
    expect(key).toBe('fieldbook');
    expect(Object.keys(api as object).sort()).toEqual(['call', 'on', 'pathForFile']);
    for (const value of Object.values(api as object)) expect(typeof value).toBe('function');
    // Not ipcRenderer, not anything that leads to it.
    expect(Object.values(api as object)).not.toContain(ipcRenderer);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('calls through the bridge', () => {
  it('a known method is sent on the call channel with its input, and the answer comes back', async () => {
    const { ipcRenderer, invoked } = fakeIpcRenderer(async () => ({ ok: true, value: { total: 0, offset: 0, items: [] } }));
    const bridge = createFieldbookBridge(ipcRenderer);

    const result = await bridge.call('entries.list', { query: 'budget' });

    expect(invoked).toEqual([[CALL_CHANNEL, 'entries.list', { query: 'budget' }]]);
    expect(result).toEqual({ ok: true, value: { total: 0, offset: 0, items: [] } });
  });

  it.each(['entries.drop', 'constructor', '__proto__', 'toString', '', 'fieldbook:call'])(
    'an unknown method name (%j) is refused in the preload and nothing is sent',
    async (name) => {
      const { ipcRenderer, invoked } = fakeIpcRenderer();
      const bridge = createFieldbookBridge(ipcRenderer);

      // @ts-expect-error — the page can pass anything at run time.
      const result = await bridge.call(name, {});

      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      expect(invoked).toEqual([]);
    },
  );

  it('a method name that is not a string is refused and nothing is sent', async () => {
    const { ipcRenderer, invoked } = fakeIpcRenderer();
    const bridge = createFieldbookBridge(ipcRenderer);

    // @ts-expect-error — the page can pass anything at run time.
    const result = await bridge.call({ toString: () => 'entries.list' }, {});

    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(invoked).toEqual([]);
  });
});

describe('events through the bridge', () => {
  it('a listener receives only the payload, never the IPC event object', () => {
    const { ipcRenderer, push } = fakeIpcRenderer();
    const bridge = createFieldbookBridge(ipcRenderer);
    const received: unknown[][] = [];
    bridge.on('entries.changed', (...args: unknown[]) => received.push(args));

    push(EVENT_CHANNEL, 'entries.changed', { ids: ['e1'], action: 'created' });

    expect(received).toEqual([[{ ids: ['e1'], action: 'created' }]]);
  });

  it('a listener hears only the event it subscribed to', () => {
    const { ipcRenderer, push } = fakeIpcRenderer();
    const bridge = createFieldbookBridge(ipcRenderer);
    const settings = vi.fn();
    bridge.on('settings.changed', settings);

    push(EVENT_CHANNEL, 'entries.changed', { ids: [], action: 'deleted' });
    push(EVENT_CHANNEL, 'not.an.event', {});

    expect(settings).not.toHaveBeenCalled();
  });

  it('on returns an unsubscribe function that stops the listener and detaches from IPC when none remain', () => {
    const { ipcRenderer, push, listenerCount } = fakeIpcRenderer();
    const bridge = createFieldbookBridge(ipcRenderer);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.on('entries.changed', first);
    const stopSecond = bridge.on('entries.changed', second);
    expect(listenerCount(EVENT_CHANNEL)).toBe(1); // one IPC listener for all subscriptions

    stopFirst();
    push(EVENT_CHANNEL, 'entries.changed', { ids: [], action: 'updated' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);

    stopSecond();
    stopSecond(); // twice is harmless
    expect(listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('subscribing to an unknown event name throws and attaches nothing', () => {
    const { ipcRenderer, listenerCount } = fakeIpcRenderer();
    const bridge = createFieldbookBridge(ipcRenderer);

    // @ts-expect-error — the page can pass anything at run time.
    expect(() => bridge.on('entries.stolen', () => undefined)).toThrow(/no event called/);
    // @ts-expect-error — the listener must be a function.
    expect(() => bridge.on('entries.changed', 'alert(1)')).toThrow(/must be a function/);
    expect(listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('a listener that throws does not stop the others', () => {
    const { ipcRenderer, push } = fakeIpcRenderer();
    const bridge = createFieldbookBridge(ipcRenderer);
    const after = vi.fn();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bridge.on('entries.changed', () => {
      throw new Error('listener bug');
    });
    bridge.on('entries.changed', after);

    push(EVENT_CHANNEL, 'entries.changed', { ids: [], action: 'created' });

    expect(after).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });
});

describe('the name lists in the preload', () => {
  it('match the methods and events in the shared contract exactly', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...METHODS].sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });
});

describe('preload and main wired together through stand-in IPC', () => {
  it('a call from the bridge in the Fieldbook window reaches the router; the same call from another page does not', async () => {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
    const routerCalls: string[] = [];
    registerFieldbookIpc({
      ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: () => undefined },
      router: {
        call: async (method) => {
          routerCalls.push(method);
          return { ok: true, value: 'answer' };
        },
        subscribe: () => () => undefined,
      },
      listWebContents: () => [],
      log: () => undefined,
    });
    const pipeFrom = (url: string) =>
      fakeIpcRenderer(async (channel, ...args) => handlers.get(channel)?.({ senderFrame: { url, parent: null } }, ...args)).ipcRenderer;

    const ours = createFieldbookBridge(pipeFrom('app://fieldbook/index.html'));
    const theirs = createFieldbookBridge(pipeFrom('https://evil.example/'));

    await expect(ours.call('tags.list', {})).resolves.toEqual({ ok: true, value: 'answer' });
    await expect(theirs.call('tags.list', {})).rejects.toThrow(/refused/);
    expect(routerCalls).toEqual(['tags.list']);
  });
});
