/**
 * `window.fieldbook` in the Electron window: the FieldbookBridge implemented over IPC.
 * preload.ts exposes `createFieldbookBridge(ipcRenderer)` through contextBridge.
 *
 * Checklist item 20: the page gets two functions and nothing else — never ipcRenderer,
 * never the IpcRendererEvent object. Names are checked before anything is sent.
 *
 * This file is bundled into the sandboxed preload, which can require only `electron` and
 * a few built-ins: it takes types from shared/contract (erased at build time) but not its
 * values, because those pull in zod. The name lists below are checked against the contract
 * by the compiler (exhaustiveness types) and by tests/unit/electron-preload.test.ts.
 */
import type {
  CallInput,
  CallResult,
  EventName,
  EventPayload,
  FieldbookBridge,
  Method,
} from '../../shared/contract';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

export const METHOD_NAMES = [
  'sharing.overview',
  'sharing.entry',
  'sharing.connect',
  'sharing.disconnect',
  'sharing.preview',
  'sharing.share',
  'sharing.setAutoShare',
  'sharing.withdraw',
  'sharing.retry',
  'app.info',
  'settings.get',
  'settings.update',
  'entries.list',
  'entries.get',
  'entries.create',
  'entries.update',
  'entries.delete',
  'entries.restore',
  'entries.history',
  'entries.deleted',
  'entries.purge',
  'tags.list',
  'home.summary',
  'files.list',
  'files.refresh',
  'files.preview',
  'files.previewCopy',
  'files.chooseFolder',
  'discover.start',
  'discover.cancel',
  'discover.results',
  'guidelines.packs',
  'guidelines.rules',
  'guidelines.findings',
  'guidelines.setAside',
  'guidelines.clearSetAside',
  'guidelines.importPack',
  'guidelines.removePack',
  'guidelines.trustPublisher',
  'guidelines.trustedPublishers',
  'guidelines.removePublisher',
  'export.render',
  'export.download',
  'import.preview',
  'import.apply',
] as const satisfies readonly Method[];

export const EVENT_NAMES = ['sharing.changed', 'entries.changed', 'findings.changed', 'discover.progress', 'guidelines.changed', 'settings.changed'] as const satisfies readonly EventName[];

// If the contract gains a method or event, these fail to compile until the lists above follow.
type MissingMethods = Exclude<Method, (typeof METHOD_NAMES)[number]>;
type MissingEvents = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
export const methodListIsComplete: [MissingMethods] extends [never] ? true : MissingMethods = true;
export const eventListIsComplete: [MissingEvents] extends [never] ? true : MissingEvents = true;

const methodSet: ReadonlySet<string> = new Set(METHOD_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isMethodName(name: unknown): name is Method {
  return typeof name === 'string' && methodSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}

/** The part of ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type AnyListener = (payload: unknown) => void;

export function createFieldbookBridge(ipcRenderer: IpcRendererLike): FieldbookBridge {
  const listeners = new Map<EventName, Set<AnyListener>>();

  // One IPC listener for all subscriptions; the IpcRendererEvent stops here.
  const dispatch = (_event: unknown, name: unknown, payload: unknown): void => {
    if (!isEventName(name)) return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`A listener for ${name} failed:`, error);
      }
    }
  };
  let attached = false;

  const bridge: FieldbookBridge = {
    call<M extends Method>(method: M, input: CallInput<M>): Promise<CallResult<M>> {
      if (!isMethodName(method)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'unknown_method',
            message: `Fieldbook does not know the request “${String(method).slice(0, 80)}”.`,
            hint: 'This is a bug in Fieldbook: restart it, and tell us if it happens again.',
          },
        });
      }
      return ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<CallResult<M>>;
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventName(event)) throw new TypeError(`Fieldbook has no event called “${String(event).slice(0, 80)}”.`);
      if (typeof listener !== 'function') throw new TypeError('A Fieldbook event listener must be a function.');
      if (!attached) {
        ipcRenderer.on(EVENT_CHANNEL, dispatch);
        attached = true;
      }
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
      const entry: AnyListener = (payload) => listener(payload as EventPayload<E>);
      set.add(entry);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(entry);
        if ([...listeners.values()].every((remaining) => remaining.size === 0) && attached) {
          ipcRenderer.removeListener(EVENT_CHANNEL, dispatch);
          attached = false;
        }
      };
    },
  };
  return Object.freeze(bridge);
}
