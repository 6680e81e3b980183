import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { createApiRouter, createUnavailableRouter, type ApiRouter } from '../api/router';
import { DATA_DIR_ENV, resolveDataDir } from '../core/dataDir';
import { demoEntries } from '../core/demo';
import { FieldbookError } from '../core/errors';
import { openFieldbook, type Fieldbook } from '../core/fieldbook';
import { startBrowserHost } from '../host/browserHost';
import { bundledInspectionWorker } from './inspectCommand';
import { INSPECT_HELP, runInspect } from './inspectCommand';
import { EXPORT_HELP, exportCommand, importCommand } from './exportCommands';
import { PACK_HELP, packCheck, packKeygen, packSign } from './packCommands';

const HELP = `Fieldbook ${packageJson.version} — document, check and share the tools your team runs on.

Usage:
  fieldbook serve [--port N]      Open Fieldbook in your browser (served on 127.0.0.1 only)
  fieldbook demo [--entries N]    Fill a fieldbook with N realistic sample entries (default 40)
${PACK_HELP}
${EXPORT_HELP}
${INSPECT_HELP}
  fieldbook --help                Show this help
  fieldbook --version             Show the version

Options for every command:
  --data-dir DIR    Where the fieldbook lives (default: ${resolveDataDir()};
                    also settable with the ${DATA_DIR_ENV} environment variable)
`;

/** Runs one command line. Returns the exit code; `serve` keeps running until stopped. */
export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        entries: { type: 'string' },
        key: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        entry: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    console.log(packageJson.version);
    return 0;
  }
  if (values.help || command === undefined || command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (command === 'pack') {
    try {
      return runPackCommand(rest, values);
    } catch (error) {
      if (error instanceof FieldbookError) {
        console.error(`${error.message}\n${error.hint}`);
        return 2;
      }
      throw error;
    }
  }
  if (command === 'inspect') {
    return rest.length > 0 ? runInspect(rest, values.json === true) : usageError('Say which files or folders to read: fieldbook inspect PATH... [--json]');
  }
  if (command === 'import' && rest.length !== 1) return usageError('Say which file to import: fieldbook import FILE [--yes]');
  if (rest.length > 0 && command !== 'import') return usageError(`Unexpected argument: ${rest[0]}`);
  const dataDir = resolveDataDir({ dataDir: values['data-dir'] });
  try {
    switch (command) {
      case 'serve':
        return await serve(dataDir, parseNumber(values.port, 'port', 0, 65_535) ?? 0);
      case 'demo':
        return demo(dataDir, parseNumber(values.entries, 'entries', 1, 1_000_000) ?? 40);
      case 'export':
        return await exportCommand(dataDir, values, packageJson.version);
      case 'import':
        return importCommand(dataDir, rest[0]!, values.yes === true);
      default:
        return usageError(`Unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof FieldbookError) {
      console.error(`${error.message}\n${error.hint}`);
      return 2;
    }
    throw error;
  }
}

async function serve(dataDir: string, port: number): Promise<number> {
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new FieldbookError(
      'store_unavailable',
      `The Fieldbook window files are missing (${rendererDir}).`,
      'Run "npm run build" in the Fieldbook folder, then try again.',
    );
  }
  let fieldbook: Fieldbook | undefined;
  let router: ApiRouter;
  try {
    fieldbook = openFieldbook({ dataDir, inspectionWorkerPath: bundledInspectionWorker() });
    router = createApiRouter(fieldbook);
    fieldbook.files.watch();
    // Talks to IT's hub only if the user connected one (and only what she shared).
    fieldbook.sharing.start();
  } catch (error) {
    if (!(error instanceof FieldbookError)) throw error;
    // Still open the window, so the person sees the reason there too.
    console.error(`${error.message}\n${error.hint}`);
    router = createUnavailableRouter({ code: error.code, message: error.message, hint: error.hint });
  }
  let host;
  try {
    host = await startBrowserHost({ router, rendererDir, port });
  } catch (error) {
    fieldbook?.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new FieldbookError('store_unavailable', `Port ${port} is not available.`, 'Choose another port with --port, or leave it out to pick a free one.');
    }
    throw error;
  }
  console.log(`Fieldbook is running at ${host.url}`);
  console.log(`Your fieldbook is in ${dataDir}. Press Ctrl+C to stop.`);
  const running = host;
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  fieldbook?.close();
  return 0;
}

function demo(dataDir: string, count: number): number {
  const fieldbook = openFieldbook({ dataDir });
  try {
    const { ids, entries } = demoEntries(count);
    fieldbook.entries.createMany(entries, ids);
    console.log(`Added ${count} sample ${count === 1 ? 'entry' : 'entries'} to the fieldbook in ${dataDir}.`);
    return 0;
  } finally {
    fieldbook.close();
  }
}

function runPackCommand(args: string[], values: { key?: string; out?: string }): number {
  const [action, file, ...extra] = args;
  if (extra.length > 0) return usageError(`Unexpected argument: ${extra[0]}`);
  switch (action) {
    case 'check':
      return file ? packCheck(file) : usageError('Say which pack to check: fieldbook pack check FILE');
    case 'keygen':
      return values.out ? packKeygen(values.out) : usageError('Say where to write the keys: fieldbook pack keygen --out DIR');
    case 'sign':
      return file && values.key ? packSign(file, values.key) : usageError('Usage: fieldbook pack sign FILE --key KEYFILE');
    default:
      return usageError(`Unknown pack command: ${action ?? '(none)'}`);
  }
}

function parseNumber(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new FieldbookError('invalid_input', `--${name} must be a whole number from ${min} to ${max}, not "${value}".`, 'Run "fieldbook --help" to see the options.');
  }
  return number;
}

function usageError(message: string): number {
  console.error(`${message}\nRun "fieldbook --help" to see the commands.`);
  return 64;
}

// Run when this bundle is the program (bin/fieldbook.js imports it).
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
