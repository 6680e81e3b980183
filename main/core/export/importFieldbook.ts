import { MAX_IMPORT_CHARS, type ImportEntryChange, type ImportPreview } from '../../../shared/contract';
import { FieldbookError } from '../errors';
import type { Fieldbook } from '../fieldbook';
import { compilePack } from '../guidelines/compilePack';
import { keyIdOf, publicKeyFromBase64, verifyPack, type TrustedKey } from '../guidelines/signing';
import { describeIssues } from '../validation';
import { EXPORT_FORMAT, EXPORT_VERSION, FieldbookExport, type ExportedEntry, type ExportedPack } from './exportSchema';

const NOTHING_CHANGED = 'Nothing in your fieldbook was changed.';

function refuse(message: string, hint: string): FieldbookError {
  return new FieldbookError('invalid_input', message, `${hint} ${NOTHING_CHANGED}`);
}

/**
 * Reads a JSON export and refuses, in words a person can act on, anything that is not a complete
 * Fieldbook export this version understands: empty, truncated, not JSON, foreign, newer, damaged.
 */
export function parseExportText(text: string): FieldbookExport {
  if (text.length > MAX_IMPORT_CHARS) {
    throw refuse(`The file is too large to import (${Math.round(text.length / 1024 / 1024)} MB; the limit is ${MAX_IMPORT_CHARS / 1024 / 1024} MB).`, 'Export a smaller part of the fieldbook.');
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.length === 0) throw refuse('The file is empty.', 'Choose the .json file Fieldbook exported.');
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch (error) {
    const message = (error as Error).message;
    if (/end of (JSON )?input|Unterminated string|Expected .* after/i.test(message) && trimmed.startsWith('{') && !trimmed.endsWith('}')) {
      throw refuse('The file is cut off: it ends before the export is complete (it may not have finished copying or downloading).', 'Copy or download the export again.');
    }
    throw refuse(`The file is not a Fieldbook export: it is not valid JSON (${message}).`, 'Choose the .json file Fieldbook exported.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw refuse('The file is not a Fieldbook export: it holds JSON, but not a Fieldbook export.', 'Choose the .json file Fieldbook exported.');
  }
  const envelope = raw as { format?: unknown; version?: unknown };
  if (envelope.format !== EXPORT_FORMAT) {
    const what = typeof envelope.format === 'string' ? `a “${envelope.format.slice(0, 60)}” file` : 'JSON from another program';
    throw refuse(`The file is not a Fieldbook export: it is ${what} (a Fieldbook export says "format": "${EXPORT_FORMAT}").`, 'Choose the .json file Fieldbook exported.');
  }
  if (typeof envelope.version !== 'number' || !Number.isInteger(envelope.version) || envelope.version < 1) {
    throw refuse('The export file is damaged: its version number is missing or not a whole number.', 'Export it again from Fieldbook.');
  }
  if (envelope.version > EXPORT_VERSION) {
    throw new FieldbookError(
      'invalid_input',
      `This export was written by a newer Fieldbook (export version ${envelope.version}; this Fieldbook reads version ${EXPORT_VERSION}).`,
      `Update Fieldbook to the latest version, then import it again. ${NOTHING_CHANGED}`,
    );
  }
  const parsed = FieldbookExport.safeParse(raw);
  if (!parsed.success) throw refuse(`The export file is damaged: ${describeIssues(parsed.error)}.`, 'Export it again from Fieldbook.');
  const data = parsed.data;
  const ids = new Set<string>();
  for (const record of data.entries) {
    const { entry, history } = record;
    if (ids.has(entry.id)) throw refuse(`The export file is damaged: the entry “${entry.name}” appears twice.`, 'Export it again from Fieldbook.');
    ids.add(entry.id);
    const revisions = history.map((item) => item.revision);
    const ordered = revisions.every((revision, index) => index === 0 || revision > revisions[index - 1]!);
    if (!ordered || revisions[revisions.length - 1] !== entry.revision) {
      throw refuse(`The export file is damaged: the history of “${entry.name}” does not match its revision ${entry.revision}.`, 'Export it again from Fieldbook.');
    }
  }
  return data;
}

/** A pack to import, with the signature it keeps (null: kept as “unsigned, my own”). */
interface PlannedPack {
  source: string;
  signature: string | null;
}

/** Whether an exported pack keeps its “signed” mark here, and the words that say so. */
function packSigning(pack: ExportedPack, trusted: readonly TrustedKey[]): { signature: string | null; reason: string } {
  if (pack.trust === 'unsigned-own') return { signature: null, reason: 'Kept as “unsigned, my own”, as it was.' };
  if (!pack.signature) {
    return {
      signature: null,
      reason: 'Kept as “unsigned, my own”: this export does not carry the signature, so ask IT for the signed pack to restore its “signed” mark.',
    };
  }
  const verification = verifyPack(Buffer.from(pack.source, 'utf8'), pack.signature, trusted);
  if (verification.ok) return { signature: pack.signature, reason: `Signed by ${verification.publisher}; the signature checks out.` };
  return { signature: null, reason: `Kept as “unsigned, my own”: ${verification.message}` };
}

interface ImportPlan {
  preview: ImportPreview;
  write: ExportedEntry[];
  writeSetAsides: FieldbookExport['setAsides'];
  packs: PlannedPack[];
  publishers: FieldbookExport['trustedPublishers'];
  setProfile: boolean;
  data: FieldbookExport;
}

/** Compares the export with this fieldbook. Entries: added, replaced (file is newer), or skipped. */
function planImport(fieldbook: Fieldbook, data: FieldbookExport): ImportPlan {
  const local = new Map(
    fieldbook.db
      .prepare<[], { id: string; revision: number; updated_at: string }>('SELECT id, revision, updated_at FROM entries')
      .all()
      .map((row) => [row.id, row]),
  );
  const added: ImportEntryChange[] = [];
  const replaced: ImportEntryChange[] = [];
  const skipped: ImportEntryChange[] = [];
  const write: ExportedEntry[] = [];
  for (const record of data.entries) {
    const { entry } = record;
    const here = local.get(entry.id);
    const change = { id: entry.id, name: entry.name, localRevision: here?.revision ?? null, importRevision: entry.revision };
    if (!here) {
      added.push({ ...change, reason: record.deletedAt ? 'Not here yet; it was deleted there, and comes along so it can be restored.' : 'Not in this fieldbook yet.' });
      write.push(record);
    } else if (entry.revision > here.revision && entry.updatedAt >= here.updated_at) {
      replaced.push({ ...change, reason: `The file has a newer version (revision ${entry.revision}; here it is at revision ${here.revision}).` });
      write.push(record);
    } else if (entry.revision === here.revision && entry.updatedAt === here.updated_at) {
      skipped.push({ ...change, reason: 'Already here, at the same revision.' });
    } else if (entry.revision > here.revision) {
      skipped.push({ ...change, reason: 'Changed on both computers; the one here was changed more recently, so it is kept.' });
    } else {
      skipped.push({ ...change, reason: `The one here is newer or the same (revision ${here.revision} here; ${entry.revision} in the file), so it is kept.` });
    }
  }
  const writing = new Set(write.map((record) => record.entry.id));
  const writeSetAsides = data.setAsides.filter((setAside) => writing.has(setAside.entryId));

  const trustedHere = fieldbook.guidelines.trustedKeys();
  const trusted = new Set(trustedHere.map((key) => key.keyId));
  const publishers = data.trustedPublishers.filter((publisher) => !trusted.has(publisher.keyId) && isSoundKey(publisher.publicKey, publisher.keyId));
  // A signed pack stays signed when its signature checks out against a key trusted here or arriving with it.
  const trustedAfter = [...trustedHere, ...publishers.map(({ keyId, name, publicKey }) => ({ keyId, name, publicKey }))];

  // Guideline packs: the built-in one is never replaced; a pack that does not compile here is left out.
  const inForce = fieldbook.guidelines.packsInForce();
  const builtIn = inForce.find((pack) => pack.trust === 'built-in')?.id;
  const packsAdded: ImportPreview['packs']['added'] = [];
  const packsSkipped: ImportPreview['packs']['skipped'] = [];
  const packs: PlannedPack[] = [];
  for (const pack of data.packs) {
    const current = inForce.find((candidate) => candidate.id === pack.id);
    if (pack.id === builtIn) {
      packsSkipped.push({ id: pack.id, version: pack.version, reason: 'This is the built-in pack; Fieldbook keeps its own.' });
    } else if (current && compareVersions(pack.version, current.version) <= 0) {
      packsSkipped.push({ id: pack.id, version: pack.version, reason: `Version ${current.version} is already here.` });
    } else if (!compilePack(pack.source).ok) {
      packsSkipped.push({ id: pack.id, version: pack.version, reason: 'It does not work with this version of Fieldbook.' });
    } else {
      const signing = packSigning(pack, trustedAfter);
      packsAdded.push({ id: pack.id, version: pack.version, reason: `${current ? `Replaces version ${current.version}. ` : ''}${signing.reason}` });
      packs.push({ source: pack.source, signature: signing.signature });
    }
  }

  const profile = fieldbook.settings.get().profile;
  const incoming = data.settings?.profile ?? null;
  const hasIncoming = incoming !== null && (incoming.name.length > 0 || incoming.team.length > 0);
  const setProfile = hasIncoming && profile.name.length === 0 && profile.team.length === 0;

  const preview: ImportPreview = {
    exportedAt: data.exportedAt,
    appVersion: data.app.version,
    scope: data.scope,
    applied: false,
    summary: '',
    entries: { added, replaced, skipped },
    setAsides: { added: writeSetAsides.length, skipped: data.setAsides.length - writeSetAsides.length },
    packs: { added: packsAdded, skipped: packsSkipped },
    publishers: { added: publishers.map(({ keyId, name }) => ({ keyId, name })), skipped: data.trustedPublishers.length - publishers.length },
    profile: setProfile ? { action: 'set', name: incoming!.name, team: incoming!.team } : { action: hasIncoming ? 'kept' : 'none', name: profile.name, team: profile.team },
  };
  preview.summary = summarise(preview, false);
  return { preview, write, writeSetAsides, packs, publishers, setProfile, data };
}

function isSoundKey(publicKey: string, keyId: string): boolean {
  try {
    const key = publicKeyFromBase64(publicKey);
    return key.asymmetricKeyType === 'ed25519' && keyIdOf(key) === keyId;
  } catch {
    return false;
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let index = 0; index < Math.max(pa.length, pb.length); index++) {
    const diff = (pa[index] ?? 0) - (pb[index] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

function summarise(preview: ImportPreview, applied: boolean): string {
  const { added, replaced, skipped } = preview.entries;
  // [count, will (one), will (many), did (one), did (many)]
  const sentences: [number, string, string, string, string][] = [
    [added.length, 'will be added', 'will be added', 'was added', 'were added'],
    [
      replaced.length,
      'will be replaced by the newer version in the file',
      'will be replaced by the newer versions in the file',
      'was replaced by the newer version in the file',
      'were replaced by the newer versions in the file',
    ],
    [
      skipped.length,
      'will be kept as it is here (the one here is newer or the same)',
      'will be kept as they are here (the ones here are newer or the same)',
      'was kept as it was here (the one here is newer or the same)',
      'were kept as they were here (the ones here are newer or the same)',
    ],
  ];
  const parts = sentences
    .filter(([count]) => count > 0)
    .map(([count, willOne, willMany, didOne, didMany]) => `${plural(count, 'entry', 'entries')} ${applied ? (count === 1 ? didOne : didMany) : count === 1 ? willOne : willMany}`);
  if (parts.length === 0) parts.push('The file has no entries');
  const extras: string[] = [];
  if (preview.setAsides.added > 0) extras.push(plural(preview.setAsides.added, 'set-aside', 'set-asides'));
  if (preview.packs.added.length > 0) extras.push(plural(preview.packs.added.length, 'guideline pack', 'guideline packs'));
  if (preview.publishers.added.length > 0) extras.push(plural(preview.publishers.added.length, 'trusted publisher', 'trusted publishers'));
  if (preview.profile.action === 'set') extras.push('your profile');
  const tail = extras.length > 0 ? ` Also ${applied ? 'restored' : 'to be restored'}: ${extras.join(', ')}.` : '';
  return `${parts.join('; ')}.${tail}${applied ? '' : ' Nothing has changed yet.'}`;
}

/** What importing this export would do. Changes nothing. */
export function previewImport(fieldbook: Fieldbook, text: string): ImportPreview {
  return planImport(fieldbook, parseExportText(text)).preview;
}

/**
 * Imports an export in one transaction: entries and their history rows exactly as they were,
 * set-asides, trusted publishers and guideline packs, with the search index, tags and links
 * kept in step. Local entries that are newer or the same are never overwritten. Then tells
 * every window what changed.
 */
export function applyImport(fieldbook: Fieldbook, text: string): ImportPreview {
  const data = parseExportText(text);
  const plan = fieldbook.db
    .transaction(() => {
      // Planned inside the transaction, so nothing can change between the comparison and the writes.
      const plan = planImport(fieldbook, data);
      const deleteSetAsides = fieldbook.db.prepare('DELETE FROM set_asides WHERE entry_id = ?');
      const insertSetAside = fieldbook.db.prepare(
        'INSERT OR REPLACE INTO set_asides (entry_id, pack_id, rule_id, reason, until, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const record of plan.write) {
        fieldbook.entries.importRecord(record);
        deleteSetAsides.run(record.entry.id);
      }
      for (const s of plan.writeSetAsides) insertSetAside.run(s.entryId, s.packId, s.ruleId, s.reason, s.until, s.by, s.at);
      const trust = fieldbook.db.prepare('INSERT OR IGNORE INTO trusted_publishers (key_id, name, public_key, added_at) VALUES (?, ?, ?, ?)');
      for (const publisher of plan.publishers) trust.run(publisher.keyId, publisher.name, publisher.publicKey, publisher.addedAt);
      // Last, because it also reloads the packs in force: after this only the commit can follow.
      for (const pack of plan.packs) fieldbook.guidelines.importPack({ text: pack.source, signature: pack.signature, unsignedOwn: pack.signature === null });
      return plan;
    })
    .immediate();
  if (plan.setProfile && plan.data.settings) fieldbook.settings.update({ profile: plan.data.settings.profile });
  const added = plan.preview.entries.added.map((change) => change.id);
  const replaced = plan.preview.entries.replaced.map((change) => change.id);
  if (added.length > 0) fieldbook.events.emit('entries.changed', { ids: added, action: 'created' });
  if (replaced.length > 0) fieldbook.events.emit('entries.changed', { ids: replaced, action: 'updated' });
  if (added.length + replaced.length > 0) fieldbook.events.emit('findings.changed', { ids: [...added, ...replaced] });
  const result: ImportPreview = { ...plan.preview, applied: true };
  result.summary = summarise(result, true);
  return result;
}
