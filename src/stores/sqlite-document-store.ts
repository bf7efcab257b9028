// The workbench's durable DocumentStore: one SQLite file (better-sqlite3) in WAL mode, so
// readers never wait for the writer and a crash leaves the last committed state. Every write,
// and every batch as a whole, is one IMMEDIATE transaction: it takes the write lock before
// reading the version it checks, so two processes on the same file cannot both pass the check.
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError, NotFoundError } from '../core/model/errors';
import type {
  DocumentStore,
  IndexValues,
  ListPage,
  ListQuery,
  PutOptions,
  StoredDoc,
  Version,
  WriteOp,
} from '../core/ports/document-store';
import { decodeDocument, encodeDocument } from './document-json';
import { MIGRATIONS, OWN_TABLES, SCHEMA_VERSION, SQL } from './sqlite-schema';
import { checkBatch, checkIndexes, checkKey, pageSize } from './store-checks';
import { StoreFileError } from './store-file-error';

export interface SqliteDocumentStoreOptions {
  /** Largest page `list` returns, whatever limit is asked. Default 1000. */
  maxPageSize?: number;
  /** How long a write waits for another process's write to finish. Default 5000 ms. */
  busyTimeoutMs?: number;
  /**
   * `full` (default) syncs every commit to disk, so a committed write survives a power cut;
   * `normal` survives a crash of the process but may lose the last commits on power loss,
   * for about twice the write throughput.
   */
  synchronous?: 'full' | 'normal';
  /** Run SQLite's quick_check on open to report a damaged file at once. Default true for files. */
  checkOnOpen?: boolean;
}

interface DocumentRow {
  id: string;
  version: string;
  json: string;
}

type Statements = { [K in keyof typeof SQL]: Database.Statement };

/** Turns what SQLite says about a file into what the person running the workbench should do. */
function explain(file: string, error: unknown): StoreFileError {
  if (error instanceof StoreFileError) return error;
  const code = (error as { code?: unknown }).code;
  const said = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SQLITE_NOTADB':
      return new StoreFileError(file, `is not a SQLite database, or it is encrypted or overwritten (SQLite: ${said}); restore it from a backup or point the store at another file`, { cause: error });
    case 'SQLITE_CORRUPT':
      return new StoreFileError(file, `is damaged (SQLite: ${said}); restore it from a backup or export what is readable with the sqlite3 tool's .recover`, { cause: error });
    case 'SQLITE_CANTOPEN':
      return new StoreFileError(file, `cannot be opened (SQLite: ${said}); check that the path is a file, not a folder, and that its folder exists and is writable`, { cause: error });
    case 'SQLITE_BUSY':
      return new StoreFileError(file, `is locked by another program for longer than the busy timeout (SQLite: ${said})`, { cause: error });
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return new StoreFileError(file, `cannot be written (SQLite: ${said}); check its permissions`, { cause: error });
    default:
      // better-sqlite3 checks the folder itself and throws without a SQLite code.
      if (said.includes('directory does not exist')) {
        return new StoreFileError(file, `cannot be created because its folder ${dirname(file)} does not exist; create the folder or choose another path`, { cause: error });
      }
      return new StoreFileError(file, `cannot be used as a store: ${said}`, { cause: error });
  }
}

/** Brings the schema to SCHEMA_VERSION, refusing files that are not ours or are newer. */
function migrate(db: Database.Database, file: string): void {
  db.transaction(() => {
    // Read inside the write transaction: another process may have migrated since we looked.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new StoreFileError(file, `was written by a newer Harmony (schema ${current}; this one reads up to ${SCHEMA_VERSION}); upgrade Harmony or use another file`);
    }
    if (current === 0) {
      const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[])
        .filter((name) => !OWN_TABLES.has(name));
      if (tables.length > 0) {
        throw new StoreFileError(file, `is a SQLite database of another program (it has tables ${tables.join(', ')}); Harmony will not write into it, so point the store at another file`);
      }
    }
    for (let version = current; version < SCHEMA_VERSION; version++) {
      db.exec(MIGRATIONS[version] as string);
      if (version === 0) db.prepare(SQL.setEpoch).run(randomBytes(6).toString('base64url'));
    }
    // The pragma takes no bound parameter; SCHEMA_VERSION is our own integer.
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

export class SqliteDocumentStore implements DocumentStore {
  private readonly statements: Statements;
  private readonly epoch: string;
  // Transaction wrappers are built once; better-sqlite3 makes them IMMEDIATE via `.immediate`.
  private readonly putTx: Database.Transaction<(collection: string, id: string, json: string, expected: Version | null, indexes: IndexValues | undefined) => Version>;
  private readonly deleteTx: Database.Transaction<(collection: string, id: string, expected: Version) => void>;
  private readonly batchTx: Database.Transaction<(ops: readonly WriteOp[], encoded: readonly string[]) => void>;

  private constructor(
    private readonly db: Database.Database,
    private readonly maxPageSize: number,
  ) {
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as Statements;
    for (const single of [this.statements.getEpoch, this.statements.getVersion, this.statements.nextVersion]) single.pluck();
    this.epoch = this.statements.getEpoch.get() as string;
    this.putTx = db.transaction((collection, id, json, expected, indexes) => this.write(collection, id, json, expected, indexes));
    this.deleteTx = db.transaction((collection, id, expected) => {
      const current = this.statements.getVersion.get(collection, id) as string | undefined;
      if (current === undefined) throw new NotFoundError(collection, id);
      if (current !== expected) throw new ConflictError(collection, id);
      this.remove(collection, id);
    });
    // Any throw inside rolls the whole transaction back, whatever op it came from.
    this.batchTx = db.transaction((ops, encoded) => {
      ops.forEach((op, i) => {
        switch (op.kind) {
          case 'put':
            this.write(op.collection, op.id, encoded[i] as string, op.expected, op.indexes);
            break;
          case 'delete': {
            const current = this.statements.getVersion.get(op.collection, op.id) as string | undefined;
            if (current !== op.expected) throw new ConflictError(op.collection, op.id);
            this.remove(op.collection, op.id);
            break;
          }
        }
      });
    });
  }

  /**
   * Opens (creating when missing) the store at `file`, or `:memory:` for a private in-memory
   * database. Throws StoreFileError, naming the file and the remedy, when it cannot be used.
   */
  static open(file: string, options: SqliteDocumentStoreOptions = {}): SqliteDocumentStore {
    let db: Database.Database;
    try {
      db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    } catch (e) {
      throw explain(file, e);
    }
    try {
      // Reading the journal mode is the first read of the header: a foreign file fails here.
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      db.pragma('foreign_keys = ON');
      migrate(db, file);
      if (options.checkOnOpen ?? !db.memory) {
        // The first few findings say enough; a badly damaged file can have thousands.
        const verdict = (db.pragma('quick_check(3)', { simple: true }) as string).split('\n').join('; ');
        if (verdict !== 'ok') throw new StoreFileError(file, `is damaged (SQLite quick_check: ${verdict}); restore it from a backup`);
      }
      return new SqliteDocumentStore(db, options.maxPageSize ?? 1000);
    } catch (e) {
      db.close();
      throw explain(file, e);
    }
  }

  /** Closes the file; the WAL is checkpointed into it when this is the last connection. */
  close(): void {
    this.db.close();
  }

  get<T>(collection: string, id: string): Promise<StoredDoc<T> | undefined> {
    return Promise.resolve().then(() => {
      checkKey(collection, id);
      const row = this.statements.getDocument.get(collection, id) as Omit<DocumentRow, 'id'> | undefined;
      return row && { id, version: row.version, value: decodeDocument<T>(row.json) };
    });
  }

  list<T>(collection: string, query: ListQuery = {}): Promise<ListPage<T>> {
    return Promise.resolve().then(() => {
      const size = pageSize(query.limit, this.maxPageSize);
      const after = query.cursor ?? '';
      // One row more than the page tells whether a cursor is needed.
      const rows = (query.where
        ? this.statements.listByIndex.all(collection, query.where.index, query.where.value, after, size + 1)
        : this.statements.listDocuments.all(collection, after, size + 1)) as DocumentRow[];
      const items = rows.slice(0, size).map((r) => ({ id: r.id, version: r.version, value: decodeDocument<T>(r.json) }));
      const last = items[items.length - 1];
      return rows.length > size && last ? { items, cursor: last.id } : { items };
    });
  }

  put<T>(collection: string, id: string, value: T, options: PutOptions): Promise<StoredDoc<T>> {
    return Promise.resolve().then(() => {
      checkKey(collection, id);
      checkIndexes(options.indexes);
      const json = encodeDocument(value);
      const version = this.putTx.immediate(collection, id, json, options.expected, options.indexes);
      return { id, version, value };
    });
  }

  delete(collection: string, id: string, expected: Version): Promise<void> {
    return Promise.resolve().then(() => {
      checkKey(collection, id);
      this.deleteTx.immediate(collection, id, expected);
    });
  }

  batch(ops: readonly WriteOp[]): Promise<void> {
    return Promise.resolve().then(() => {
      checkBatch(ops);
      // Encode before the transaction: no lock is held while values are serialized.
      const encoded = ops.map((op) => (op.kind === 'put' ? encodeDocument(op.value) : ''));
      this.batchTx.immediate(ops, encoded);
    });
  }

  /** Checks `expected` and writes; must run inside a write transaction. */
  private write(collection: string, id: string, json: string, expected: Version | null, indexes: IndexValues | undefined): Version {
    const s = this.statements;
    const current = (s.getVersion.get(collection, id) as string | undefined) ?? null;
    if (current !== expected) throw new ConflictError(collection, id);
    const version = `${this.epoch}.${(s.nextVersion.get() as number).toString(36)}`;
    if (current === null) {
      s.insertDocument.run(collection, id, version, json);
    } else {
      s.updateDocument.run(version, json, collection, id);
      s.deleteIndexValues.run(collection, id);
    }
    for (const [name, value] of Object.entries(indexes ?? {})) s.insertIndexValue.run(collection, name, value, id);
    return version;
  }

  private remove(collection: string, id: string): void {
    this.statements.deleteIndexValues.run(collection, id);
    this.statements.deleteDocument.run(collection, id);
  }
}
