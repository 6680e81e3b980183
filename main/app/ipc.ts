/**
 * The Electron IPC transport for the API router: one invoke channel for calls and one
 * push channel for events. Written against structural stand-ins (`import type` only) so it
 * runs in Node tests (tests/unit/electron-ipc.test.ts); main.ts passes the real ipcMain.
 *
 * Checklist item 17: every call's sender frame is checked before the router sees it.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './appUrl';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

/** What ipc.ts needs from the router (main/api/router.ts `ApiRouter` fits). */
export interface RouterLike {
  call(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** The part of an IPC invoke event we read. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent?: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, ...args: unknown[]): void;
}

export class ForeignSenderError extends Error {
  constructor(url: string) {
    super(`Fieldbook refused a request from a page that is not Fieldbook (${url.slice(0, 120) || 'unknown frame'}).`);
    this.name = 'ForeignSenderError';
  }
}

/**
 * True only for the top-level frame of a page on app://fieldbook. Sub-frames are refused
 * too: Fieldbook has none, so one showing up is not ours to trust.
 */
export function isTrustedSender(event: InvokeEventLike | Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed
  if ('parent' in frame && frame.parent) return false;
  return isAppUrl(frame.url);
}

export interface FieldbookIpcOptions {
  ipcMain: IpcMainLike;
  router: RouterLike;
  /** The web contents of every Fieldbook window, asked at each event. */
  listWebContents: () => Iterable<WebContentsLike>;
  log?: (message: string) => void;
}

/** Registers the call handler and starts forwarding events; returns a function that undoes both. */
export function registerFieldbookIpc(options: FieldbookIpcOptions): () => void {
  const { ipcMain, router } = options;
  const log = options.log ?? console.warn;

  ipcMain.handle(CALL_CHANNEL, async (event, method, input) => {
    if (!isTrustedSender(event)) {
      log(`IPC ${CALL_CHANNEL} refused: sender ${event.senderFrame?.url ?? '(no frame)'}`);
      throw new ForeignSenderError(event.senderFrame?.url ?? '');
    }
    if (typeof method !== 'string') {
      return {
        ok: false,
        error: {
          code: 'unknown_method',
          message: 'Fieldbook received a request without a name.',
          hint: 'This is a bug in Fieldbook: restart it, and tell us if it happens again.',
        },
      };
    }
    try {
      return await router.call(method, input);
    } catch (error) {
      // The router promises never to throw; if it does, the window still gets a CallResult.
      log(`IPC ${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong inside Fieldbook. Your saved work is safe.',
          hint: 'Try again. If it keeps happening, restart Fieldbook.',
        },
      };
    }
  });

  const unsubscribe = router.subscribe((name, payload) => {
    for (const contents of options.listWebContents()) {
      // Only Fieldbook pages get events; a window that navigated elsewhere does not.
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      try {
        contents.send(EVENT_CHANNEL, name, payload);
      } catch (error) {
        log(`Could not send ${name} to a window: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
