import type { z } from 'zod';
import packageJson from '../../package.json';
import {
  contract,
  type CallError,
  type Contract,
  type CallOutput,
  type CallResult,
  type EventName,
  type Method,
} from '../../shared/contract';
import { FieldbookError } from '../core/errors';
import { applyImport, previewImport } from '../core/export/importFieldbook';
import { exportDownload } from '../core/export/exportDownload';
import type { HtmlToPdf } from '../core/export/htmlToPdf';
import { renderExport } from '../core/export/runExport';
import type { Fieldbook } from '../core/fieldbook';
import { toStoreError } from '../core/store/database';
import { describeIssues } from '../core/validation';

/** Handlers receive the input after validation, with the contract's defaults applied. */
type Handlers = { [M in Method]: (input: ParsedInput<M>, fieldbook: Fieldbook, options: RouterOptions) => CallOutput<M> | Promise<CallOutput<M>> };

/** What a host hands the router besides the fieldbook. */
export interface RouterOptions {
  /** How HTML becomes PDF: the desktop app passes Electron's printToPDF; by default headless Chromium. */
  htmlToPdf?: HtmlToPdf;
  /** The desktop app's folder dialog (a browser tab cannot tell a folder's path): the path, or null if closed. */
  chooseFolder?: () => Promise<string | null>;
}
type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;

const handlers: Handlers = {
  'sharing.overview': (_input, fieldbook) => fieldbook.sharing.overview(),
  'sharing.entry': (input, fieldbook) => fieldbook.sharing.entry(input.id),
  'sharing.connect': (input, fieldbook) => fieldbook.sharing.connect(input),
  'sharing.disconnect': (_input, fieldbook) => fieldbook.sharing.disconnect(),
  'sharing.preview': (input, fieldbook) => fieldbook.sharing.preview(input.id, input.privateParts),
  'sharing.share': (input, fieldbook) => fieldbook.sharing.share(input.id, input.privateParts, input.digest, input.autoShare),
  'sharing.setAutoShare': (input, fieldbook) => fieldbook.sharing.setAutoShare(input.id, input.autoShare),
  'sharing.withdraw': (input, fieldbook) => fieldbook.sharing.withdraw(input.id),
  'sharing.retry': (_input, fieldbook) => fieldbook.sharing.retry(),
  'app.info': (_input, fieldbook) => ({
    version: packageJson.version,
    dataDir: fieldbook.dataDir,
    databasePath: fieldbook.databasePath,
  }),
  'settings.get': (_input, fieldbook) => fieldbook.settings.get(),
  'settings.update': (input, fieldbook) => fieldbook.settings.update(input),
  'entries.list': (input, fieldbook) => fieldbook.entries.list(input),
  'entries.get': (input, fieldbook) => fieldbook.entries.detail(input.id),
  'entries.create': (input, fieldbook) => fieldbook.createEntry(input.fields),
  'entries.update': (input, fieldbook) => fieldbook.entries.update(input.id, input.changes),
  'entries.delete': (input, fieldbook) => fieldbook.entries.delete(input.id),
  'entries.restore': (input, fieldbook) => fieldbook.entries.restore(input.id),
  'entries.history': (input, fieldbook) => fieldbook.entries.history(input.id),
  'entries.deleted': (_input, fieldbook) => fieldbook.entries.deleted(),
  'entries.purge': (input, fieldbook) => ({ purged: fieldbook.purgeDeleted(input.ids) }),
  'tags.list': (_input, fieldbook) => fieldbook.entries.tags(),
  'home.summary': (_input, fieldbook) => fieldbook.home(),
  'files.list': (input, fieldbook) => fieldbook.files.described(input.id),
  'files.refresh': async (input, fieldbook) => {
    await fieldbook.files.refresh(input.id, input.force);
    return fieldbook.files.described(input.id);
  },
  'files.preview': (input, fieldbook) => fieldbook.files.preview(input.paths),
  'files.previewCopy': (input, fieldbook) => fieldbook.files.previewCopy(input),
  'files.chooseFolder': async (_input, _fieldbook, options) => {
    if (!options.chooseFolder) {
      throw new FieldbookError('invalid_input', 'Choosing a folder from a dialog works in the desktop app only.', 'Paste the folder’s path into the Folder field instead.');
    }
    return { folder: await options.chooseFolder() };
  },
  'discover.start': (input, fieldbook) => fieldbook.discovery.start(input.folder),
  'discover.cancel': (input, fieldbook) => fieldbook.discovery.cancel(input.scanId),
  'discover.results': (input, fieldbook) => fieldbook.discovery.results(input.scanId),
  'guidelines.packs': (_input, fieldbook) => fieldbook.guidelines.packsInForce(),
  'guidelines.rules': (_input, fieldbook) => fieldbook.guidelines.rules(),
  'guidelines.findings': (input, fieldbook) => fieldbook.guidelines.findings(input.id),
  'guidelines.setAside': (input, fieldbook) =>
    fieldbook.guidelines.setAside(input.entryId, input.packId, input.ruleId, input.reason, input.until, fieldbook.settings.get().profile.name),
  'guidelines.clearSetAside': (input, fieldbook) => fieldbook.guidelines.clearSetAside(input.entryId, input.packId, input.ruleId),
  'guidelines.importPack': (input, fieldbook) => fieldbook.guidelines.importPack(input),
  'guidelines.removePack': (input, fieldbook) => fieldbook.guidelines.removePack(input.id),
  'guidelines.trustPublisher': (input, fieldbook) => {
    const { keyId, name } = fieldbook.guidelines.trustPublisher(input.name, input.publicKey);
    return { keyId, name };
  },
  'guidelines.trustedPublishers': (_input, fieldbook) => fieldbook.guidelines.trustedPublishers(),
  'guidelines.removePublisher': (input, fieldbook) => fieldbook.guidelines.removePublisher(input.keyId),
  // Export to text for a page to preview; writing anywhere on disk is not offered to a web page.
  'export.render': (input, fieldbook) => renderExport(fieldbook, { format: input.format, entryId: input.entryId, appVersion: packageJson.version }),
  // Any format as one file for the page to download (the page saves it where she chooses).
  'export.download': (input, fieldbook, options) =>
    exportDownload(fieldbook, { format: input.format, entryId: input.entryId, appVersion: packageJson.version, htmlToPdf: options.htmlToPdf }),
  'import.preview': (input, fieldbook) => previewImport(fieldbook, input.text),
  'import.apply': (input, fieldbook) => applyImport(fieldbook, input.text),
};

export interface ApiRouter {
  /** Validates the input against the contract, runs the call, and never throws. */
  call(method: string, input: unknown): Promise<CallResult<Method>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

/** The one router behind both transports (Electron IPC and the browser host's HTTP). */
export function createApiRouter(fieldbook: Fieldbook, options: RouterOptions = {}): ApiRouter {
  return {
    async call(method, input) {
      if (!isMethod(method)) {
        return failure({
          code: 'unknown_method',
          message: `Fieldbook does not know the request “${String(method).slice(0, 80)}”.`,
          hint: 'This is a bug in Fieldbook: restart it, and tell us if it happens again.',
        });
      }
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        return failure({
          code: 'invalid_input',
          message: `That request could not be done: ${describeIssues(parsed.error)}`,
          hint: 'Correct the value and try again. Nothing was changed.',
        });
      }
      try {
        const handler = handlers[method] as (input: unknown, fieldbook: Fieldbook, options: RouterOptions) => unknown;
        return { ok: true, value: await handler(parsed.data, fieldbook, options) } as CallResult<Method>;
      } catch (error) {
        return failure(toCallError(error, fieldbook.databasePath));
      }
    },
    subscribe(listener) {
      return fieldbook.events.subscribe(listener);
    },
  };
}

/**
 * A router for when the fieldbook cannot be opened (damaged, locked, newer, read-only):
 * the window still opens and shows the reason, and nothing touches the file.
 */
export function createUnavailableRouter(error: CallError): ApiRouter {
  return {
    call: async () => failure(error),
    subscribe: () => () => undefined,
  };
}

function failure(error: CallError): CallResult<Method> {
  return { ok: false, error };
}

export function toCallError(error: unknown, databasePath: string): CallError {
  if (error instanceof FieldbookError) return { code: error.code, message: error.message, hint: error.hint };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_') || code.startsWith('E'))) {
    const storeError = toStoreError(error, databasePath);
    return { code: storeError.code, message: storeError.message, hint: storeError.hint };
  }
  console.error(error);
  return {
    code: 'internal',
    message: 'Something went wrong inside Fieldbook. Your saved work is safe.',
    hint: 'Try again. If it keeps happening, restart Fieldbook.',
  };
}
