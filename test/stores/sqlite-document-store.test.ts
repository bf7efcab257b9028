import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/core/model/errors';
import type { WriteOp } from '../../src/core/ports/document-store';
import { SCHEMA_VERSION, SQL } from '../../src/stores/sqlite-schema';
import { SqliteDocumentStore, type SqliteDocumentStoreOptions } from '../../src/stores/sqlite-document-store';
import { StoreFileError } from '../../src/stores/store-file-error';
import { documentStoreContract } from '../contract/document-store.contract';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'harmony-sqlite-'));
}

/** A store on a fresh temp file, with `reopen` closing it and opening the same file again. */
function onTempFile(options: SqliteDocumentStoreOptions = {}) {
  return () => {
    const dir = tempDir();
    const file = join(dir, 'store.db');
    let store = SqliteDocumentStore.open(file, options);
    return Promise.resolve({
      store,
      reopen: () => {
        store.close();
        store = SqliteDocumentStore.open(file, options);
        return Promise.resolve(store);
      },
      cleanup: () => {
        store.close();
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  };
}

documentStoreContract('sqlite file', onTempFile(), { durable: true });
documentStoreContract('sqlite file, pages capped at 20', onTempFile({ maxPageSize: 20 }), { pageCap: 20, durable: true });
documentStoreContract('sqlite :memory:', () => {
  const store = SqliteDocumentStore.open(':memory:');
  return Promise.resolve({ store, cleanup: () => Promise.resolve(store.close()) });
});

/** Awaits a promise or call that must fail and returns the error. */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure, but it succeeded');
}

describe('SqliteDocumentStore', () => {
  let dir: string;
  let file: string;
  const open: SqliteDocumentStore[] = [];
  const openStore = (options?: SqliteDocumentStoreOptions) => {
    const store = SqliteDocumentStore.open(file, options);
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'store.db');
  });
  afterEach(() => {
    for (const store of open.splice(0)) {
      try {
        store.close();
      } catch {
        // Already closed by the test.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  describe('file format', () => {
    it('creates the schema in WAL mode and records its version in user_version', async () => {
      const store = openStore();
      await store.put('objectives', 'O1', 1, { expected: null });
      const raw = new Database(file, { readonly: true });
      try {
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(raw.prepare('SELECT collection, id, json FROM documents').all()).toEqual([{ collection: 'objectives', id: 'O1', json: '1' }]);
      } finally {
        raw.close();
      }
    });

    it('runs every list and lookup as an index search: no table scan, no sort', () => {
      openStore().close();
      const raw = new Database(file, { readonly: true });
      try {
        const plan = (sql: string, params: unknown[]) =>
          (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
        const byIndex = plan(SQL.listByIndex, ['links', 'kr', 'KR1', '', 21]);
        expect(byIndex.join('\n')).toMatch(/SEARCH i USING PRIMARY KEY \(collection=\? AND name=\? AND value=\? AND id>\?\)/);
        const checked: [string, unknown[]][] = [
          [SQL.listByIndex, ['links', 'kr', 'KR1', '', 21]],
          [SQL.listDocuments, ['links', '', 21]],
          [SQL.getDocument, ['links', 'L1']],
          [SQL.getVersion, ['links', 'L1']],
          [SQL.deleteIndexValues, ['links', 'L1']],
          [SQL.deleteDocument, ['links', 'L1']],
        ];
        for (const [sql, params] of checked) {
          const details = plan(sql, params);
          expect(details.length).toBeGreaterThan(0);
          for (const detail of details) {
            expect(detail, sql).toMatch(/^SEARCH /);
            expect(detail, sql).not.toMatch(/TEMP B-TREE/);
          }
        }
      } finally {
        raw.close();
      }
    });

    it('opens an existing store without migrating it again or losing its version sequence', async () => {
      const first = openStore();
      const a = await first.put('objectives', 'O1', 1, { expected: null });
      first.close();
      const second = openStore();
      const b = await second.put('objectives', 'O2', 2, { expected: null });
      expect(b.version).not.toBe(a.version);
      // Same database epoch, later counter.
      expect(b.version.split('.')[0]).toBe(a.version.split('.')[0]);
      expect(parseInt(b.version.split('.')[1] as string, 36)).toBeGreaterThan(parseInt(a.version.split('.')[1] as string, 36));
    });

    it('hands out versions a recreated database at the same path never repeats', async () => {
      const first = openStore();
      const a = await first.put('objectives', 'O1', 1, { expected: null });
      first.close();
      rmSync(file);
      const second = openStore();
      const b = await second.put('objectives', 'O1', 1, { expected: null });
      // Same counter position, different epoch: a client holding `a` cannot overwrite `b`.
      expect(b.version).not.toBe(a.version);
      expect((await failure(() => second.put('objectives', 'O1', 2, { expected: a.version })))).toBeInstanceOf(ConflictError);
    });
  });

  describe('atomic writes', () => {
    it('a failure inside a batch after some ops were written leaves nothing half-written', async () => {
      const store = openStore();
      const a = await store.put('links', 'A', { kr: 'KR1' }, { expected: null, indexes: { kr: 'KR1' } });
      const c = await store.put('links', 'C', 'c', { expected: null });
      // A trigger makes the storage layer fail on the last op, after the others ran inside
      // the transaction: the store must roll them back, not just refuse up front.
      const raw = new Database(file);
      raw.exec(`CREATE TRIGGER fail_poison BEFORE INSERT ON documents WHEN NEW.id = 'poison'
                BEGIN SELECT RAISE(ABORT, 'simulated storage failure'); END;`);
      raw.close();
      const ops: WriteOp[] = [
        { kind: 'put', collection: 'links', id: 'A', value: { kr: 'KR2' }, expected: a.version, indexes: { kr: 'KR2' } },
        { kind: 'put', collection: 'links', id: 'B', value: 'b', expected: null, indexes: { kr: 'KR2' } },
        { kind: 'delete', collection: 'links', id: 'C', expected: c.version },
        { kind: 'put', collection: 'links', id: 'poison', value: 'p', expected: null },
      ];
      const error = await failure(() => store.batch(ops));
      expect(String(error)).toMatch(/simulated storage failure/);
      expect(await store.get('links', 'A')).toEqual(a);
      expect(await store.get('links', 'B')).toBeUndefined();
      expect(await store.get('links', 'C')).toEqual(c);
      expect((await store.list('links', { where: { index: 'kr', value: 'KR1' } })).items.map((d) => d.id)).toEqual(['A']);
      expect((await store.list('links', { where: { index: 'kr', value: 'KR2' } })).items).toEqual([]);
      // The store is usable afterwards: no transaction was left open.
      await store.batch(ops.slice(0, 3));
      expect((await store.list('links')).items.map((d) => d.id)).toEqual(['A', 'B']);
    });

    it('a process killed in the middle of a batch leaves none of it behind', async () => {
      openStore().close();
      const count = 20_000;
      const child = runChild('big-batch', file, count);
      await child.line('ready');
      // The child holds the write lock exactly while its batch transaction runs.
      const probe = new Database(file, { timeout: 0 });
      try {
        await until(() => !canTakeWriteLock(probe), 10_000);
      } finally {
        probe.close();
      }
      child.process.kill('SIGKILL');
      const exit = await child.exit;
      expect(exit.signal).toBe('SIGKILL');
      expect(child.output()).not.toContain('committed');

      const store = openStore();
      expect((await store.list('crash', { limit: 1 })).items).toEqual([]);
      expect((await store.list('crash', { where: { index: 'bucket', value: '3' }, limit: 1 })).items).toEqual([]);
      // And the store goes on working after the crash.
      await store.put('crash', 'after', 1, { expected: null });
      expect((await store.list('crash')).items.map((d) => d.id)).toEqual(['after']);
    });
  });

  describe('two instances on one file (the workbench may run two processes)', () => {
    it('see each other’s writes and refuse each other’s stale versions', async () => {
      const a = openStore();
      const b = openStore();
      const created = await a.put('objectives', 'O1', { title: 'draft' }, { expected: null, indexes: { team: 'sales' } });
      expect(await b.get('objectives', 'O1')).toEqual(created);
      const byB = await b.put('objectives', 'O1', { title: 'from b' }, { expected: created.version, indexes: { team: 'support' } });
      expect(await a.get('objectives', 'O1')).toEqual(byB);
      expect((await a.list('objectives', { where: { index: 'team', value: 'support' } })).items.map((d) => d.id)).toEqual(['O1']);

      expect(await failure(() => a.put('objectives', 'O1', { title: 'from a' }, { expected: created.version }))).toBeInstanceOf(ConflictError);
      expect(await failure(() => a.delete('objectives', 'O1', created.version))).toBeInstanceOf(ConflictError);
      expect(await failure(() => a.batch([
        { kind: 'put', collection: 'objectives', id: 'O2', value: 'new', expected: null },
        { kind: 'put', collection: 'objectives', id: 'O1', value: 'from a', expected: created.version },
      ]))).toBeInstanceOf(ConflictError);
      expect(await b.get('objectives', 'O1')).toEqual(byB);
      expect(await b.get('objectives', 'O2')).toBeUndefined();

      // Versions come from the shared file, so the two instances never hand out the same one.
      const fromA = await a.put('kpis', 'K1', 1, { expected: null });
      const fromB = await b.put('kpis', 'K2', 1, { expected: null });
      expect(new Set([created.version, byB.version, fromA.version, fromB.version]).size).toBe(4);
    });

    it('two processes incrementing one counter with retries lose no update', async () => {
      const store = openStore();
      await store.put('counters', 'c', { n: 0 }, { expected: null });
      const perProcess = 150;
      const children = [runChild('increment', file, perProcess), runChild('increment', file, perProcess)];
      await Promise.all(children.map((c) => c.line('ready')));
      // Both start together, so their read-modify-write cycles overlap.
      await store.put('control', 'go', true, { expected: null });
      const exits = await Promise.all(children.map((c) => c.exit));
      expect(exits.map((e) => e.code), children.map((c) => c.errors()).join('\n')).toEqual([0, 0]);
      expect((await store.get<{ n: number }>('counters', 'c'))?.value.n).toBe(2 * perProcess);
      const conflicts = children.map((c) => Number(/conflicts (\d+)/.exec(c.output())?.[1]));
      expect(conflicts.every((n) => Number.isInteger(n))).toBe(true);
      // They really did collide: the file, not luck, kept the count right.
      expect(conflicts.reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
    }, 60_000);
  });

  describe('unusable files give a clear error', () => {
    it('a file that is not a SQLite database', async () => {
      writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 37) % 256)));
      const error = await failure(() => SqliteDocumentStore.open(file));
      expect(error).toBeInstanceOf(StoreFileError);
      expect(error).toMatchObject({ code: 'store-file', file });
      expect(String((error as Error).message)).toMatch(/store file .*store\.db is not a SQLite database/);
    });

    it('a store whose pages were overwritten', async () => {
      const store = openStore();
      const filler = 'y'.repeat(500);
      await store.batch(Array.from({ length: 400 }, (_, i): WriteOp => ({
        kind: 'put', collection: 'docs', id: `d${i}`, value: { i, filler }, expected: null, indexes: { kr: `KR${i % 7}` },
      })));
      store.close();
      const pageSize = 4096;
      const size = statSync(file).size;
      expect(size).toBeGreaterThan(pageSize * 10);
      // Scribble over a run of pages past the header and schema page.
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(pageSize * 4, 0xa5), 0, pageSize * 4, pageSize * 3);
      closeSync(fd);
      const error = await failure(() => SqliteDocumentStore.open(file));
      expect(error).toBeInstanceOf(StoreFileError);
      expect(String((error as Error).message)).toMatch(/is damaged .*restore it from a backup/);
    });

    it('a store file cut short', async () => {
      const store = openStore();
      await store.batch(Array.from({ length: 300 }, (_, i): WriteOp => ({
        kind: 'put', collection: 'docs', id: `d${i}`, value: 'z'.repeat(300), expected: null,
      })));
      store.close();
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const error = await failure(() => SqliteDocumentStore.open(file));
      expect(error).toBeInstanceOf(StoreFileError);
      expect(String((error as Error).message)).toMatch(/is damaged/);
    });

    it('a folder instead of a file', async () => {
      mkdirSync(file);
      const error = await failure(() => SqliteDocumentStore.open(file));
      expect(error).toBeInstanceOf(StoreFileError);
      expect(String((error as Error).message)).toMatch(/cannot be opened .*not a folder/);
    });

    it('a file in a folder that does not exist', async () => {
      const error = await failure(() => SqliteDocumentStore.open(join(dir, 'missing', 'store.db')));
      expect(error).toBeInstanceOf(StoreFileError);
      expect(String((error as Error).message)).toMatch(/missing.store\.db cannot be created because its folder .*missing does not exist/);
    });

    it('another program’s SQLite database, which it leaves untouched', async () => {
      const other = new Database(file);
      other.exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);`);
      other.close();
      const error = await failure(() => SqliteDocumentStore.open(file));
      expect(error).toBeInstanceOf(StoreFileError);
      expect(String((error as Error).message)).toMatch(/another program .*invoices/);
      const check = new Database(file, { readonly: true });
      try {
        expect(check.pragma('user_version', { simple: true })).toBe(0);
        expect(check.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all()).toEqual(['invoices']);
      } finally {
        check.close();
      }
    });

    it('a store written by a newer schema', async () => {
      openStore().close();
      const raw = new Database(file);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      const error = await failure(() => SqliteDocumentStore.open(file));
      expect(error).toBeInstanceOf(StoreFileError);
      expect(String((error as Error).message)).toMatch(/newer Harmony/);
    });
  });
});

// --- helpers for the multi-process tests ---

const childScript = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sqlite-store-child.ts');

function runChild(mode: 'increment' | 'big-batch', file: string, n: number) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', childScript, mode, file, String(n)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.filter((w) => out.includes(w.text))) w.resolve();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    process: child,
    exit,
    output: () => out,
    errors: () => err,
    line: (text: string) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exit.then(({ code }) => reject(new Error(`child exited (${code}) before printing "${text}": ${err}`)));
      }),
  };
}

function canTakeWriteLock(db: Database.Database): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw e;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 1));
  }
}
