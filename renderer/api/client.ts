import type {
  CallError,
  CallInput,
  CallOutput,
  ErrorCode,
  EventName,
  EventPayload,
  FieldbookBridge,
  Method,
} from '../../shared/contract';

declare global {
  interface Window {
    /** Put here by the Electron preload; absent in a plain browser tab. */
    fieldbook?: FieldbookBridge;
  }
}

/** A call the Node side answered with an error a person can act on. */
export class CallFailed extends Error {
  readonly error: CallError;
  readonly method: Method;
  constructor(method: Method, error: CallError) {
    super(error.message);
    this.name = 'CallFailed';
    this.method = method;
    this.error = error;
  }
}

const STORE_PROBLEMS: ReadonlySet<ErrorCode> = new Set([
  'store_corrupt',
  'store_locked',
  'store_newer',
  'store_readonly',
  'store_unavailable',
]);

/** True when the fieldbook itself cannot be used right now (as opposed to one call going wrong). */
export function isStoreProblem(error: CallError): boolean {
  return STORE_PROBLEMS.has(error.code);
}

const WINDOW_PROBLEM: CallError = {
  code: 'internal',
  message: 'Something went wrong in this window.',
  hint: 'Try again, or reload the window. Your saved work is safe.',
};

/** Turns anything thrown by a call into an error with a message and a hint. */
export function toCallError(error: unknown): CallError {
  return error instanceof CallFailed ? error.error : WINDOW_PROBLEM;
}

let bridge: FieldbookBridge | null = null;
let storeProblemHandler: ((error: CallError) => void) | null = null;

export function installBridge(installed: FieldbookBridge): void {
  bridge = installed;
}

/** Called when a call finds the fieldbook cannot be opened, so the app can say so calmly. */
export function onStoreProblem(handler: (error: CallError) => void): void {
  storeProblemHandler = handler;
}

function requireBridge(): FieldbookBridge {
  if (bridge === null) throw new Error('The Fieldbook bridge is not installed yet.');
  return bridge;
}

interface CallOptions {
  /**
   * Saves pass true: a store problem while saving is shown next to the form (with Retry)
   * rather than replacing the whole window, so no typed text disappears from view.
   */
  inline?: boolean;
}

/** The one way the renderer talks to Fieldbook: returns the value, or throws CallFailed. */
export const api = {
  async call<M extends Method>(method: M, input: CallInput<M>, options: CallOptions = {}): Promise<CallOutput<M>> {
    let result;
    try {
      result = await requireBridge().call(method, input);
    } catch {
      throw new CallFailed(method, WINDOW_PROBLEM);
    }
    if (result.ok) return result.value;
    if (!options.inline && isStoreProblem(result.error)) storeProblemHandler?.(result.error);
    throw new CallFailed(method, result.error);
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return requireBridge().on(event, listener);
  },
};
