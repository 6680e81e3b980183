/**
 * What the user reads when Fieldbook cannot start (the store is corrupt, locked, from a newer
 * version, read-only, ...). main.ts shows it with dialog.showErrorBox and quits without
 * touching the data file. No electron import here; tested in tests/unit/electron-startup.test.ts.
 */
import { FieldbookError } from '../core/errors';

export interface StartupFailure {
  title: string;
  body: string;
}

export function describeStartupFailure(error: unknown, dataDir?: string): StartupFailure {
  const where = dataDir ? `\n\nData folder: ${dataDir}` : '';
  if (error instanceof FieldbookError) {
    return { title: 'Fieldbook cannot open your fieldbook', body: `${error.message}\n\n${error.hint}${where}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'Fieldbook could not start',
    body:
      `Something unexpected stopped Fieldbook from starting: ${message}\n\n` +
      `Nothing in your fieldbook was changed. Start Fieldbook again; if this keeps happening, ` +
      `send this message to whoever looks after Fieldbook for your team.${where}`,
  };
}
