import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatCliTable, terminalText } from './cliTable';
import { openHubDatabase, type OpenHubDatabase } from './db/openHubDatabase';
import { formatHubTime } from './formatHubTime';
import { findDevice, listDevices, listStaff, revokeDevice, revokeStaff } from './hubAdmin';
import { writeAudit } from './hubAudit';
import { HubError } from './hubError';
import { buildHubServer } from './hubServer';
import { CLI_ACTOR, HubStore } from './hubStore';
import { renderPortfolioCsv } from './web/portfolioCsv';
import { renderPortfolioHtml, renderPortfolioMarkdown, renderPortfolioXlsx } from './web/portfolioDocument';

const USAGE = `Usage: fieldbook-hub COMMAND [options]

Commands:
  serve [--data-dir DIR] [--port N] [--host H] [--trust-proxy] [--quiet]
                              run the hub (on 127.0.0.1 unless --host says otherwise)
  enroll [--data-dir DIR] [--uses N] [--expires-days D]
                              print a new enrollment code for devices (1 use, 7 days by default)
  enroll --device ID [--data-dir DIR] [--expires-days D]
                              print a code that connects a known device again (revoked, or its
                              computer rebuilt) under its own id: what it shared stays its own
  staff add NAME [--data-dir DIR]
                              add an IT staff account and print its token (shown once); for an
                              account whose token was revoked, print a new one
  staff list [--data-dir DIR]
                              list IT staff accounts and whether their tokens still work
  staff revoke NAME [--data-dir DIR]
                              stop a staff token at once and end that person's web view sessions
  devices list [--data-dir DIR]
                              list enrolled devices with their ids
  devices revoke ID [--data-dir DIR]
                              stop a device's token at once (the first 8 characters of the id do)
  pack publish FILE [--signature FILE.sig] [--data-dir DIR]
                              publish a signed guideline pack to every device
  export [--format json|csv|html|md|xlsx] [--out FILE] [--data-dir DIR]
                              write the shared portfolio (to the screen without --out;
                              xlsx, an Excel workbook, needs --out)

Data lives in a SQLite file in --data-dir (default ./fieldbook-hub-data).
Set DATABASE_URL=postgres://... to use PostgreSQL instead, for every command.`;

export interface HubCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: HubCliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

/** Runs one hub command; resolves to the exit code (serve resolves once the hub is listening). */
export async function runHubCli(argv: string[], io: HubCliIo = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        quiet: { type: 'boolean' },
        uses: { type: 'string' },
        device: { type: 'string' },
        'expires-days': { type: 'string' },
        signature: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }

  const open = () => openHubDatabase({ databaseUrl: io.env.DATABASE_URL || undefined, dataDir: values['data-dir'] ?? 'fieldbook-hub-data' });
  const withStore = async (work: (store: HubStore) => Promise<number>): Promise<number> => {
    const database = await open();
    try {
      return await work(new HubStore({ db: database.db, kind: database.kind }));
    } finally {
      await database.close();
    }
  };

  try {
    switch (command) {
      case 'serve':
        return await serve(await open(), values, io);
      case 'enroll': {
        const uses = values.uses === undefined ? 1 : wholeNumber(values.uses, '--uses');
        const expiresDays = values['expires-days'] === undefined ? 7 : Number(values['expires-days']);
        if (values.device !== undefined && values.uses !== undefined) return usageError(io, 'A code for one device (--device) is used once: leave out --uses.');
        return await withStore(async (store) => {
          const device = values.device === undefined ? null : await findDevice(store.db, values.device);
          const created = await store.createEnrollmentCode({ uses, expiresDays, ...(device ? { deviceId: device.id } : {}) });
          io.out(created.code);
          io.err(
            device
              ? `Enrollment code for ${terminalText(device.name)} (${device.id}) only, valid until ${created.expiresAt}. Connecting with it gives that device a new token under its own id, so what it shared stays its own; its old token stops working. It is shown only now.`
              : `Enrollment code for ${created.uses === 1 ? '1 device' : `${created.uses} devices`}, valid until ${created.expiresAt}. It is shown only now.`,
          );
          return 0;
        });
      }
      case 'staff': {
        const [sub, ...nameParts] = rest;
        const name = nameParts.join(' ');
        if (sub === 'list' && nameParts.length === 0) return await withStore((store) => printStaff(store, io));
        if (sub === 'revoke' && name.trim() !== '') {
          return await withStore(async (store) => {
            const revoked = await revokeStaff(store.db, name, new Date());
            const sessions = revoked.sessionsEnded === 1 ? ' 1 web view session was ended.' : revoked.sessionsEnded > 1 ? ` ${revoked.sessionsEnded} web view sessions were ended.` : '';
            io.out(
              revoked.alreadyRevokedAt
                ? `The staff token of ${terminalText(revoked.name)} was already revoked on ${formatHubTime(revoked.alreadyRevokedAt)}.${sessions}`
                : `Revoked the staff token of ${terminalText(revoked.name)}: it no longer works, from now on.${sessions}`,
            );
            return 0;
          });
        }
        if (sub !== 'add' || name.trim() === '') return usageError(io, 'Usage: fieldbook-hub staff add NAME | staff list | staff revoke NAME');
        return await withStore(async (store) => {
          const { token, reinstated } = await store.addStaff(name);
          io.out(token);
          io.err(
            reinstated
              ? `This is the new staff token of ${terminalText(name.trim())}, whose earlier token was revoked; the comments they wrote stay theirs. It is shown only now: keep it in a password manager.`
              : 'This is the staff token. It is shown only now: keep it in a password manager.',
          );
          return 0;
        });
      }
      case 'devices': {
        const [sub, id, ...extra] = rest;
        if (sub === 'list' && id === undefined) return await withStore((store) => printDevices(store, io));
        if (sub !== 'revoke' || id === undefined || extra.length > 0) return usageError(io, 'Usage: fieldbook-hub devices list | devices revoke ID');
        return await withStore(async (store) => {
          const revoked = await revokeDevice(store.db, id, new Date());
          io.out(
            revoked.alreadyRevokedAt
              ? `The token of ${terminalText(revoked.name)} (${revoked.id}) was already revoked on ${formatHubTime(revoked.alreadyRevokedAt)}.`
              : `Revoked the token of ${terminalText(revoked.name)} (${revoked.id}): the device can no longer reach the hub. What it shared stays shared; to connect it again and keep what it shared, give it a code from "fieldbook-hub enroll --device ${revoked.id.slice(0, 8)}".`,
          );
          return 0;
        });
      }
      case 'pack': {
        const [sub, file] = rest;
        if (sub !== 'publish' || !file) return usageError(io, 'Usage: fieldbook-hub pack publish FILE [--signature FILE.sig]');
        const signatureFile = values.signature ?? `${file}.sig`;
        if (!existsSync(file)) return usageError(io, `There is no pack file at ${file}.`);
        if (!existsSync(signatureFile)) {
          return usageError(io, `There is no signature at ${signatureFile}. Sign the pack first ("fieldbook pack sign ${file} --key KEYFILE"), or name the .sig file with --signature.`);
        }
        return await withStore(async (store) => {
          const publication = await store.publishPack(CLI_ACTOR, readFileSync(file, 'utf8'), readFileSync(signatureFile, 'utf8'));
          io.out(`Published ${publication.packId} ${publication.version}. Devices receive it the next time they check in.`);
          return 0;
        });
      }
      case 'export': {
        const format = values.format ?? 'json';
        if (format !== 'json' && format !== 'csv' && format !== 'html' && format !== 'md' && format !== 'xlsx') {
          return usageError(io, `--format is json, csv, html, md or xlsx, not "${format}".`);
        }
        // Checked before anything is read or noted in the audit log.
        if (format === 'xlsx' && !values.out) {
          return usageError(io, 'An Excel workbook cannot be shown on the screen: give --out FILE, e.g. --out portfolio.xlsx.');
        }
        return await withStore(async (store) => {
          let exported: { entries: unknown[] };
          let content: string | Uint8Array;
          if (format !== 'json') {
            const entries = await store.portfolio();
            const at = new Date();
            await writeAudit(store.db, at, CLI_ACTOR, 'export', null, { entries: entries.length, format });
            exported = { entries };
            content =
              format === 'csv'
                ? renderPortfolioCsv(entries)
                : format === 'html'
                  ? renderPortfolioHtml(entries, at)
                  : format === 'md'
                    ? renderPortfolioMarkdown(entries, at)
                    : renderPortfolioXlsx(entries, at);
          } else {
            exported = await store.exportPortfolio(CLI_ACTOR);
            content = `${JSON.stringify(exported, null, 2)}\n`;
          }
          if (values.out) {
            writeFileSync(values.out, content);
            io.err(`Wrote ${exported.entries.length} shared ${exported.entries.length === 1 ? 'entry' : 'entries'} to ${values.out}.`);
          } else if (typeof content === 'string') {
            // Text only: a workbook without --out was refused above.
            io.out(content.trimEnd());
          }
          return 0;
        });
      }
      default:
        return usageError(io, `Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof HubError) {
      io.err(error.message);
      return 1;
    }
    io.err(`The hub command failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function serve(database: OpenHubDatabase, values: { port?: string | undefined; host?: string | undefined; 'trust-proxy'?: boolean | undefined; quiet?: boolean | undefined }, io: HubCliIo): Promise<number> {
  const store = new HubStore({ db: database.db, kind: database.kind });
  const app = await buildHubServer({ store, logger: !values.quiet, trustProxy: values['trust-proxy'] ?? false });
  const port = values.port === undefined ? 8787 : wholeNumber(values.port, '--port');
  const host = values.host ?? '127.0.0.1';
  let address: string;
  try {
    address = await app.listen({ port, host });
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }
  io.out(`Fieldbook hub is running at ${address} (data: ${database.location}).`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return 0;
}

async function printDevices(store: HubStore, io: HubCliIo): Promise<number> {
  const devices = await listDevices(store.db);
  if (devices.length === 0) {
    io.out('No device has enrolled yet. Make an enrollment code with "fieldbook-hub enroll".');
    return 0;
  }
  const rows = devices.map((device) => [
    device.id,
    device.name,
    formatHubTime(device.enrolledAt),
    device.revokedAt ? `revoked ${formatHubTime(device.revokedAt)}` : 'active',
    String(device.sharedEntries),
  ]);
  io.out(formatCliTable(['ID', 'NAME', 'ENROLLED', 'TOKEN', 'SHARED ENTRIES'], rows));
  return 0;
}

async function printStaff(store: HubStore, io: HubCliIo): Promise<number> {
  const staff = await listStaff(store.db, new Date());
  if (staff.length === 0) {
    io.out('There are no staff accounts yet. Add one with "fieldbook-hub staff add NAME".');
    return 0;
  }
  const rows = staff.map((member) => [
    member.name,
    formatHubTime(member.createdAt),
    member.revokedAt ? `revoked ${formatHubTime(member.revokedAt)}` : 'active',
    String(member.webSessions),
  ]);
  io.out(formatCliTable(['NAME', 'ADDED', 'TOKEN', 'WEB SESSIONS'], rows));
  return 0;
}

function wholeNumber(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new HubError(2, 'bad-option', `${option} needs a whole number, not "${text}".`);
  return value;
}

function usageError(io: HubCliIo, message: string): number {
  io.err(message);
  return 2;
}

/** The `fieldbook-hub` entry point. */
export function main(): void {
  runHubCli(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
