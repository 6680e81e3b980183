import type {
  CallError,
  CallInput,
  CallResult,
  EventName,
  EventPayload,
  FieldbookBridge,
  Method,
} from '../../shared/contract';

/** What a call answers when the browser host cannot be reached at all. */
export const UNREACHABLE: CallError = {
  code: 'store_unavailable',
  message: 'Fieldbook is not reachable.',
  hint: 'Check that Fieldbook is still running (the window or the command that started it), then try again.',
};

const NOT_CONNECTED: CallError = {
  code: 'store_unavailable',
  message: 'This window is no longer connected to Fieldbook.',
  hint: 'Open Fieldbook again with the address printed when it started (it ends in ?token=…).',
};

const UNREADABLE: CallError = {
  code: 'internal',
  message: 'Fieldbook sent an answer this window could not read.',
  hint: 'Reload the window. If it keeps happening, restart Fieldbook. Your saved work is safe.',
};

/** Requests larger than this cannot use `keepalive` (browsers cap it at 64 KiB in total). */
const KEEPALIVE_LIMIT = 60_000;

interface HttpBridgeOptions {
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
}

function isCallResult(value: unknown): value is CallResult<Method> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok !== false || typeof candidate.error !== 'object' || candidate.error === null) return false;
  const error = candidate.error as Record<string, unknown>;
  return typeof error.code === 'string' && typeof error.message === 'string' && typeof error.hint === 'string';
}

/**
 * The bridge for a plain browser tab talking to the loopback host: calls are JSON POSTs,
 * events arrive over one shared EventSource. The connection cookie travels by itself.
 */
export function createHttpBridge(options: HttpBridgeOptions = {}): FieldbookBridge {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const createEventSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  let lostConnection = false;

  function dispatch(event: EventName, payload: unknown): void {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  }

  function ensureSource(event: EventName): void {
    if (source === null) {
      source = createEventSource('/api/events');
      source.addEventListener('error', () => {
        lostConnection = true;
      });
      source.addEventListener('open', () => {
        // Events sent while the connection was down are lost: tell listeners that
        // anything may have changed, so lists and summaries fetch again.
        if (lostConnection) {
          lostConnection = false;
          dispatch('entries.changed', { ids: [], action: 'updated' });
        }
      });
    }
    if (!listeners.has(event)) {
      listeners.set(event, new Set());
      source.addEventListener(event, (message) => {
        try {
          dispatch(event, JSON.parse((message as MessageEvent<string>).data));
        } catch {
          // A malformed event is ignored; the next one carries the current state.
        }
      });
    }
  }

  return {
    async call<M extends Method>(method: M, input: CallInput<M>): Promise<CallResult<M>> {
      const body = JSON.stringify(input ?? {});
      let response: Response;
      try {
        response = await doFetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          // Lets a last save finish while the tab is closing.
          keepalive: body.length < KEEPALIVE_LIMIT,
        });
      } catch {
        return { ok: false, error: UNREACHABLE };
      }
      let parsed: unknown;
      try {
        parsed = await response.json();
      } catch {
        if (response.status === 401 || response.status === 403) return { ok: false, error: NOT_CONNECTED };
        return { ok: false, error: UNREADABLE };
      }
      return isCallResult(parsed) ? (parsed as CallResult<M>) : { ok: false, error: UNREADABLE };
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      ensureSource(event);
      const set = listeners.get(event);
      const wrapped = listener as (payload: unknown) => void;
      set?.add(wrapped);
      return () => {
        set?.delete(wrapped);
      };
    },
  };
}
