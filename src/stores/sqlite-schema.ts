// The SQLite store's schema and the SQL it runs, kept apart from the store so tests can check
// the query plans (index lookups, never table scans) of exactly the statements the store uses.
//
// Layout: one row per document in `documents`; one row per (index name, value) of a document in
// `document_indexes`, whose primary key (collection, name, value, id) is what `list … where`
// walks, in id order, without touching other documents. `meta` holds the version counter and a
// random epoch per database file, so a version token is never handed out twice, not even by a
// database that was deleted and created again at the same path.

/** `PRAGMA user_version` of a database this code writes. */
export const SCHEMA_VERSION = 1;

/** migrations[n] brings a database from user_version n to n + 1. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value ANY NOT NULL
  ) STRICT;
  CREATE TABLE documents (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  ) STRICT;
  CREATE TABLE document_indexes (
    collection TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (collection, name, value, id),
    FOREIGN KEY (collection, id) REFERENCES documents (collection, id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX document_indexes_by_document ON document_indexes (collection, id);
  INSERT INTO meta (key, value) VALUES ('last_version', 0);
  `,
];

/** Tables a Harmony store database holds; any other table means the file belongs to someone else. */
export const OWN_TABLES = new Set(['meta', 'documents', 'document_indexes']);

export const SQL = {
  setEpoch: `INSERT INTO meta (key, value) VALUES ('epoch', ?)`,
  getEpoch: `SELECT value FROM meta WHERE key = 'epoch'`,
  nextVersion: `UPDATE meta SET value = value + 1 WHERE key = 'last_version' RETURNING value`,
  getDocument: `SELECT version, json FROM documents WHERE collection = ? AND id = ?`,
  getVersion: `SELECT version FROM documents WHERE collection = ? AND id = ?`,
  insertDocument: `INSERT INTO documents (collection, id, version, json) VALUES (?, ?, ?, ?)`,
  updateDocument: `UPDATE documents SET version = ?, json = ? WHERE collection = ? AND id = ?`,
  deleteDocument: `DELETE FROM documents WHERE collection = ? AND id = ?`,
  deleteIndexValues: `DELETE FROM document_indexes WHERE collection = ? AND id = ?`,
  insertIndexValue: `INSERT INTO document_indexes (collection, name, value, id) VALUES (?, ?, ?, ?)`,
  // `id > ?` with '' for the first page: ids are never empty (store-checks refuses them).
  listDocuments: `
    SELECT id, version, json FROM documents
    WHERE collection = ? AND id > ?
    ORDER BY id LIMIT ?`,
  listByIndex: `
    SELECT d.id, d.version, d.json
    FROM document_indexes AS i
    JOIN documents AS d ON d.collection = i.collection AND d.id = i.id
    WHERE i.collection = ? AND i.name = ? AND i.value = ? AND i.id > ?
    ORDER BY i.id LIMIT ?`,
} as const;
