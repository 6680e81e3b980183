import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFieldbook, type Fieldbook } from '../../../main/core/fieldbook';
import { generatePublisherKeys, signPack } from '../../../main/core/guidelines/signing';

/** A name that tries to break every format: HTML, Markdown (heading, link, table, code), Mermaid, CSV. */
export const HOSTILE_NAME = '<script>alert("x")</script> [click](javascript:alert(1)) # | `code` & --> n0["y"] %%';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A fixed clock that moves forward by one second on each reading. */
export function steppingClock(start = '2026-11-25T10:00:00Z'): () => Date {
  let now = Date.parse(start);
  return () => new Date((now += 1000));
}

export interface ExportFixture {
  book: Fieldbook;
  pricing: string;
  returns: string;
  hostile: string;
  deleted: string;
}

/**
 * A small fieldbook with everything an export must carry: linked entries (stated and inferred),
 * official systems, multi-line text, a deleted entry, several history rows, a set-aside, a
 * trusted publisher, an imported pack, a profile, and an entry whose text attacks every format.
 */
export function exportFixture(dataDir: string): ExportFixture {
  const book = openFieldbook({ dataDir, clock: steppingClock() });
  book.settings.update({ profile: { name: 'Anna Berg', team: 'Finance' } });
  const pricing = book.createEntry({
    name: 'Quote pricing workbook',
    kind: 'spreadsheet',
    purpose: 'Prices every customer quote.\n\nUses the list price, volume discounts and freight costs.',
    businessProcess: 'Sales quoting',
    backupOwners: ['Tom Müller'],
    users: 'Sales team',
    userCount: 12,
    frequency: 'daily',
    locations: ['\\\\fileserver\\Finance\\Tools\\Pricing_v7.xlsm'],
    files: ['Pricing_v7.xlsm'],
    dataCategories: ['customer', 'financial'],
    sensitivity: 'confidential',
    criticality: 'critical',
    criticalityImpact: 'No quotes go out.',
    dependsOn: [{ type: 'system', name: 'SAP export' }],
    backup: 'Team share, backed up nightly.',
    tags: ['month-end', 'audit'],
  });
  const returns = book.createEntry({
    name: 'Returns database',
    kind: 'database',
    dependsOn: [{ type: 'entry', entryId: pricing.id }],
    feeds: [{ type: 'system', name: 'Data warehouse' }],
    answers: { singleSignOn: 'yes' },
  });
  const hostile = book.createEntry({
    name: HOSTILE_NAME,
    kind: 'script',
    purpose: '=HYPERLINK("http://example.invalid","click")',
    owner: '+44 20 7946 0000',
    team: '@team, "quoted"',
    notes: 'line one\nline two, with a comma',
    dependsOn: [{ type: 'entry', entryId: returns.id }],
    feeds: [{ type: 'system', name: 'Evil"] --> x[(" system' }],
  });
  book.entries.update(pricing.id, { notes: 'Checked by Tom in November.' });
  book.entries.update(pricing.id, { lastReviewed: '2026-11-01' });
  const deleted = book.createEntry({ name: 'Old tracker', kind: 'other' });
  book.entries.delete(deleted.id);
  const rule = book.guidelines.rules().find((candidate) => candidate.id === 'reviewed-yearly') ?? book.guidelines.rules()[0]!;
  book.guidelines.setAside(pricing.id, rule.packId, rule.id, 'Reviewed with IT every quarter <instead>.', '2027-06-30', 'Anna Berg');
  const keys = generatePublisherKeys();
  book.guidelines.trustPublisher('Contoso IT', keys.publicKey);
  // IT's pack, signed by the publisher she trusts: an export must keep it signed.
  const pack = readFileSync(join(ROOT, 'packs', 'baseline.yaml'), 'utf8').replace('id: fieldbook.baseline', 'id: contoso.it');
  const signature = JSON.stringify(signPack(Buffer.from(pack, 'utf8'), keys.privateKeyPem));
  book.guidelines.importPack({ text: pack, signature, unsignedOwn: false });
  return { book, pricing: pricing.id, returns: returns.id, hostile: hostile.id, deleted: deleted.id };
}

export const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** Values written into the files below that an export must never show (it says what kind, never what). */
export const FILE_SECRETS = ['hunter2hunter2', 'anna.berg@example.com', 'DE89370400440532013000'];

export interface FilesFixture {
  /** A workbook with a link to another workbook (a copy from the corpus), read. */
  workbook: string;
  /** A CSV with a column of e-mail addresses and one of IBANs, read. */
  customers: string;
  /** A script with a password written in it, read. */
  script: string;
  /** Listed but not on disk: read, and found missing. */
  missing: string;
  /** Listed after the files were read: not read yet. */
  later: string;
}

/**
 * Gives the pricing workbook entry real files, read by Fieldbook's inspection (read only), so an
 * export has every case to show: read, could not be read, and not read yet.
 */
export async function addInspectedFiles(fixture: ExportFixture, folder: string): Promise<FilesFixture> {
  const workbook = join(folder, 'Pricing v7.xlsm');
  copyFileSync(join(CORPUS, 'oletools', 'dde-test.xlsm'), workbook);
  const customers = join(folder, 'customers.csv');
  writeFileSync(customers, `name;email;iban\nAnna Berg;${FILE_SECRETS[1]};${FILE_SECRETS[2]}\nTom Müller;tom.mueller@example.com;GB82WEST12345698765432\n`);
  const script = join(folder, 'merge.py');
  writeFileSync(script, `import smtplib\npassword = "${FILE_SECRETS[0]}"\nprint("merge the exports")\n`);
  const missing = join(folder, 'gone', 'Old pricing.xlsx');
  const later = join(folder, 'Pricing v8.xlsx');
  const book = fixture.book;
  book.entries.update(fixture.pricing, { files: [workbook, customers, script, missing] });
  await book.files.refresh(fixture.pricing);
  book.entries.update(fixture.pricing, { files: [workbook, customers, script, missing, later] });
  await book.files.close();
  return { workbook, customers, script, missing, later };
}
