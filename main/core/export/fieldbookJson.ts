import type { Fieldbook } from '../fieldbook';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedPack, type ExportedPublisher, type ExportedSetAside, type FieldbookExport } from './exportSchema';

/**
 * The JSON export: everything needed to restore the fieldbook elsewhere — every entry (deleted
 * ones too, so they can still be restored) with its full history, set-asides, the settings
 * profile, trusted publishers and imported guideline packs. For one entry: that entry and its
 * set-asides only. Findings are not stored: they are worked out again from the entries.
 */
export function exportFieldbookJson(fieldbook: Fieldbook, options: { entryId: string | null; appVersion: string; now?: Date }): FieldbookExport {
  const now = options.now ?? new Date();
  const all = options.entryId === null;
  if (!all) fieldbook.entries.get(options.entryId!); // refuses a missing or deleted entry in plain words
  const records = fieldbook.entries.records(all ? null : [options.entryId!]);
  const setAsideRows = (
    all
      ? fieldbook.db.prepare<[], SetAsideRow>('SELECT * FROM set_asides ORDER BY entry_id, pack_id, rule_id').all()
      : fieldbook.db.prepare<[string], SetAsideRow>('SELECT * FROM set_asides WHERE entry_id = ? ORDER BY pack_id, rule_id').all(options.entryId!)
  ).map(
    (row): ExportedSetAside => ({ entryId: row.entry_id, packId: row.pack_id, ruleId: row.rule_id, reason: row.reason, until: row.until, by: row.by, at: row.at }),
  );
  const publishers: ExportedPublisher[] = all
    ? fieldbook.db
        .prepare<[], { key_id: string; name: string; public_key: string; added_at: string }>('SELECT key_id, name, public_key, added_at FROM trusted_publishers ORDER BY key_id')
        .all()
        .map((row) => ({ keyId: row.key_id, name: row.name, publicKey: row.public_key, addedAt: row.added_at }))
    : [];
  const packs: ExportedPack[] = all
    ? fieldbook.db
        .prepare<[], { id: string; version: string; source: string; trust: ExportedPack['trust']; signature: string | null; imported_at: string }>(
          'SELECT id, version, source, trust, signature, imported_at FROM guideline_packs ORDER BY id',
        )
        .all()
        .map((row) => ({ id: row.id, version: row.version, source: row.source, trust: row.trust, signature: row.signature, importedAt: row.imported_at }))
    : [];
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    app: { version: options.appVersion },
    scope: all ? 'all' : 'entry',
    settings: all ? fieldbook.settings.get() : null,
    entries: records.map((record) => ({ entry: record.entry, deletedAt: record.deletedAt, history: record.history })),
    setAsides: setAsideRows,
    trustedPublishers: publishers,
    packs,
  };
}

interface SetAsideRow {
  entry_id: string;
  pack_id: string;
  rule_id: string;
  reason: string;
  until: string | null;
  by: string;
  at: string;
}

export function stringifyExport(data: FieldbookExport): string {
  return `${JSON.stringify(data, null, 1)}\n`;
}
