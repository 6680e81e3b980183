import type { Database } from 'better-sqlite3';

/**
 * Forward-only migrations. Migration N brings the schema from version N-1 to N.
 * Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [
  // 1: entries, their append-only history, tags, links between entries and full-text search.
  (db) => {
    db.exec(`
      CREATE TABLE entries (
        id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        name TEXT NOT NULL COLLATE NOCASE,
        kind TEXT NOT NULL,
        owner TEXT NOT NULL COLLATE NOCASE,
        team TEXT NOT NULL,
        criticality_rank INTEGER NOT NULL,
        sensitivity TEXT,
        lifecycle TEXT NOT NULL,
        tags TEXT NOT NULL,
        fields TEXT NOT NULL
      );
      CREATE INDEX entries_live_name ON entries (deleted_at, name);
      CREATE INDEX entries_live_updated ON entries (deleted_at, updated_at);
      CREATE TABLE entry_tags (
        entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (entry_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX entry_tags_tag ON entry_tags (tag);
      CREATE TABLE entry_links (
        from_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        relation TEXT NOT NULL,
        to_id TEXT NOT NULL,
        PRIMARY KEY (from_id, relation, to_id)
      ) WITHOUT ROWID;
      CREATE INDEX entry_links_to ON entry_links (to_id, relation);
      CREATE TABLE entry_history (
        entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        changes TEXT NOT NULL,
        PRIMARY KEY (entry_id, revision)
      ) WITHOUT ROWID;
      CREATE INDEX entry_history_at ON entry_history (at);
      CREATE VIRTUAL TABLE entries_fts USING fts5 (
        name, body, tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
  // 2: guideline packs the user imported, set-asides, and stored findings.
  (db) => {
    db.exec(`
      CREATE TABLE guideline_packs (
        id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        source TEXT NOT NULL,
        trust TEXT NOT NULL,
        imported_at TEXT NOT NULL
      );
      CREATE TABLE set_asides (
        entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        pack_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        until TEXT,
        by TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (entry_id, pack_id, rule_id)
      ) WITHOUT ROWID;
      CREATE TABLE findings (
        entry_id TEXT PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
        entry_revision INTEGER NOT NULL,
        packs TEXT NOT NULL,
        results TEXT NOT NULL,
        checked_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE trusted_publishers (
        key_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
  // 3: what inspection found in each entry's files, with the file's fingerprint.
  (db) => {
    db.exec(`
      CREATE TABLE entry_files (
        entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        sha256 TEXT,
        file_modified TEXT,
        inspected_at TEXT NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (entry_id, path)
      ) WITHOUT ROWID;
    `);
  },
  // 4: sharing with IT's hub: the connection, what is shared, the outbox, and IT's comments.
  (db) => {
    db.exec(`
      CREATE TABLE hub_connection (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        device_id TEXT NOT NULL,
        device_name TEXT NOT NULL,
        connected_at TEXT NOT NULL,
        cursor INTEGER NOT NULL DEFAULT 0,
        last_contact_at TEXT
      );
      CREATE TABLE shared_entries (
        entry_id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('shared', 'withdrawn')),
        hub_revision INTEGER NOT NULL,
        auto_share INTEGER NOT NULL DEFAULT 0,
        private_parts TEXT NOT NULL,
        payload TEXT,
        entry_revision INTEGER,
        queued_at TEXT NOT NULL,
        confirmed_revision INTEGER NOT NULL DEFAULT 0,
        confirmed_at TEXT
      ) WITHOUT ROWID;
      CREATE TABLE outbox (
        entry_id TEXT PRIMARY KEY,
        operation TEXT NOT NULL CHECK (operation IN ('push', 'withdraw')),
        hub_revision INTEGER NOT NULL,
        body TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        held INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE TABLE hub_comments (
        comment_id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL,
        text TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX hub_comments_entry ON hub_comments (entry_id, created_at);
      CREATE TABLE hub_pack_updates (
        publication_id TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL,
        version TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL,
        message TEXT NOT NULL,
        text TEXT NOT NULL,
        signature TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
  // 5: the signature each signed pack was imported with, so the key that signed it is known
  // (no longer trusting a publisher removes the packs signed with its key). NULL for packs
  // imported before, for the user's own unsigned packs.
  (db) => {
    db.exec(`ALTER TABLE guideline_packs ADD COLUMN signature TEXT;`);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
