import { create } from 'zustand';
import type { CallError, ExportFormat, ImportPreview, RenderedExport } from '../../../shared/contract';
import { api, toCallError } from '../../api/client';
import {
  bytesFromBase64,
  DEFAULT_EXPORT_CHOICES,
  downloadsAsPreviewed,
  EXPORT_CHOICES_KEY,
  exportKey,
  exportRequest,
  parseExportChoices,
  previewKey,
  previewRequest,
  serializeExportChoices,
  type ExportChoices,
  type ExportScope,
  type PickedEntry,
} from './exportState';
import { saveDownload } from './saveDownload';

type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'previewing'; fileName: string }
  | { step: 'preview'; fileName: string; text: string; preview: ImportPreview }
  | { step: 'applying'; fileName: string; text: string; preview: ImportPreview }
  | { step: 'done'; fileName: string; result: ImportPreview }
  | { step: 'refused'; fileName: string; error: CallError };

interface ExportStore {
  choices: ExportChoices;
  /** The rendered preview for `key` (previewKey of the choices it was made for). */
  rendered: { key: string; result: RenderedExport } | null;
  /** The preview key being prepared, or null. */
  preparing: string | null;
  renderError: CallError | null;
  /** The export key of a file being made for download (PDF, workbook, Markdown folder), or null. */
  making: string | null;
  downloadError: CallError | null;
  /** Set after a download was handed to the browser: its file name. */
  downloaded: string | null;
  importState: ImportStep;
  setFormat(format: ExportFormat): void;
  setScope(scope: ExportScope): void;
  pickEntry(entry: PickedEntry | null): void;
  /** Renders the preview for the current choices unless it is already there (or on its way). */
  prepare(): Promise<RenderedExport | null>;
  /** Hands the file to the browser: the previewed text itself, or a file made for it now. */
  download(): Promise<void>;
  importRead(fileName: string): void;
  importPreview(fileName: string, text: string): Promise<void>;
  importRefused(fileName: string, error: CallError): void;
  importApply(): Promise<void>;
  importReset(): void;
}

function storeChoices(choices: ExportChoices): void {
  try {
    window.localStorage.setItem(EXPORT_CHOICES_KEY, serializeExportChoices(choices));
  } catch {
    // Storage full or switched off: the choices still hold for this visit.
  }
}

function readChoices(): ExportChoices {
  try {
    return parseExportChoices(window.localStorage.getItem(EXPORT_CHOICES_KEY));
  } catch {
    return DEFAULT_EXPORT_CHOICES;
  }
}

let preparing: { key: string; promise: Promise<RenderedExport | null> } | null = null;

/** The Export view: what and how to export, the rendered export for preview and download, and importing a JSON export. */
export const useExportStore = create<ExportStore>()((set, get) => {
  function choose(choices: ExportChoices): void {
    storeChoices(choices);
    set({ choices, renderError: null, downloadError: null, downloaded: null });
  }

  return {
    // Her last choices, as this window last stored them.
    choices: readChoices(),
    rendered: null,
    preparing: null,
    renderError: null,
    making: null,
    downloadError: null,
    downloaded: null,
    importState: { step: 'idle' },

    setFormat(format) {
      choose({ ...get().choices, format });
    },

    setScope(scope) {
      choose({ ...get().choices, scope });
    },

    pickEntry(entry) {
      choose({ ...get().choices, entry });
    },

    prepare() {
      const { choices, rendered } = get();
      const key = previewKey(choices);
      const request = previewRequest(choices);
      if (key === null || request === null) return Promise.resolve(null);
      if (rendered?.key === key) return Promise.resolve(rendered.result);
      if (preparing?.key === key) return preparing.promise;
      set({ preparing: key, renderError: null });
      const promise = (async () => {
        try {
          const result = await api.call('export.render', request);
          // Only the answer for the choices still on screen is kept.
          if (previewKey(get().choices) === key) set({ rendered: { key, result } });
          return result;
        } catch (error) {
          if (previewKey(get().choices) === key) set({ renderError: toCallError(error) });
          return null;
        } finally {
          if (preparing?.key === key) {
            preparing = null;
            set({ preparing: null });
          }
        }
      })();
      preparing = { key, promise };
      return promise;
    },

    async download() {
      const choices = get().choices;
      const key = exportKey(choices);
      const request = exportRequest(choices);
      if (key === null || request === null || get().making !== null) return;
      if (downloadsAsPreviewed(request.format)) {
        const result = await get().prepare();
        if (result === null || exportKey(get().choices) !== key) return;
        saveDownload(result.content, result.fileName, result.mimeType);
        set({ downloaded: result.fileName });
        return;
      }
      set({ making: key, downloadError: null, downloaded: null });
      try {
        const file = await api.call('export.download', request);
        // She asked for this file: it is saved even if she has since changed her choices.
        saveDownload(bytesFromBase64(file.base64), file.fileName, file.mimeType);
        if (exportKey(get().choices) === key) set({ downloaded: file.fileName });
      } catch (error) {
        if (exportKey(get().choices) === key) set({ downloadError: toCallError(error) });
      } finally {
        set({ making: null });
      }
    },

    importRead(fileName) {
      set({ importState: { step: 'reading', fileName } });
    },

    async importPreview(fileName, text) {
      set({ importState: { step: 'previewing', fileName } });
      try {
        const preview = await api.call('import.preview', { text });
        set({ importState: { step: 'preview', fileName, text, preview } });
      } catch (error) {
        set({ importState: { step: 'refused', fileName, error: toCallError(error) } });
      }
    },

    importRefused(fileName, error) {
      set({ importState: { step: 'refused', fileName, error } });
    },

    async importApply() {
      const state = get().importState;
      if (state.step !== 'preview') return;
      const { fileName, text, preview } = state;
      set({ importState: { step: 'applying', fileName, text, preview } });
      try {
        const result = await api.call('import.apply', { text });
        // The fieldbook changed: what was rendered before no longer matches it.
        set({ importState: { step: 'done', fileName, result }, rendered: null });
      } catch (error) {
        set({ importState: { step: 'refused', fileName, error: toCallError(error) } });
      }
    },

    importReset() {
      set({ importState: { step: 'idle' } });
    },
  };
});

/** Something changed in the fieldbook (here or elsewhere): the next preview is rendered afresh. */
export function exportDataChanged(): void {
  useExportStore.setState({ rendered: null });
}
