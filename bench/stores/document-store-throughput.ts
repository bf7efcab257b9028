// Informal throughput of the document stores (run: npx tsx bench/stores/document-store-throughput.ts).
// Prints figures only; nothing here is asserted, since timings depend on the machine and disk.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentStore, WriteOp } from '../../src/core/ports/document-store';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { SqliteDocumentStore, type SqliteDocumentStoreOptions } from '../../src/stores/sqlite-document-store';

const N = Number(process.argv[2] ?? 10_000);
const KRS = 500;

const link = (i: number) => ({ kr: `KR${i % KRS}`, ref: `jira:CS-${i + 1}`, seq: i, note: 'linked from the epic panel' });
const linkId = (i: number) => `L${String(i).padStart(6, '0')}`;

async function timed(label: string, count: number, run: () => Promise<void>): Promise<void> {
  const start = process.hrtime.bigint();
  await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round((count / ms) * 1000).toLocaleString('en').padStart(9)} /s`);
}

async function measure(store: DocumentStore): Promise<void> {
  const versions: string[] = [];
  await timed(`${N} puts (create, 2 index values each)`, N, async () => {
    for (let i = 0; i < N; i++) {
      const l = link(i);
      versions.push((await store.put('links', linkId(i), l, { expected: null, indexes: { kr: l.kr, ref: l.ref } })).version);
    }
  });
  await timed(`${N} gets`, N, async () => {
    for (let i = 0; i < N; i++) await store.get('links', linkId(i));
  });
  let found = 0;
  await timed(`${N} index lookups (by kr, ${N / KRS} hits each)`, N, async () => {
    for (let i = 0; i < N; i++) found += (await store.list('links', { where: { index: 'kr', value: `KR${i % KRS}` } })).items.length;
  });
  if (found !== N * (N / KRS)) throw new Error(`index lookups found ${found}`);
  await timed(`${N} index lookups (by ref, 1 hit each)`, N, async () => {
    for (let i = 0; i < N; i++) await store.list('links', { where: { index: 'ref', value: `jira:CS-${i + 1}` } });
  });
  await timed(`${N} updates (expected version, new index)`, N, async () => {
    for (let i = 0; i < N; i++) {
      const l = { ...link(i), kr: `KR${(i + 1) % KRS}` };
      await store.put('links', linkId(i), l, { expected: versions[i] as string, indexes: { kr: l.kr, ref: l.ref } });
    }
  });
  await timed(`list all ${N} in pages of 20`, N, async () => {
    let cursor: string | undefined;
    do {
      const page = await store.list('links', { limit: 20, cursor });
      cursor = page.cursor;
    } while (cursor);
  });
  const ops: WriteOp[] = Array.from({ length: N }, (_, i) => ({
    kind: 'put', collection: 'batched', id: linkId(i), value: link(i), expected: null, indexes: { kr: link(i).kr },
  }));
  await timed(`one batch of ${N} puts`, N, () => store.batch(ops));
}

async function sqlite(label: string, options: SqliteDocumentStoreOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-bench-'));
  const file = join(dir, 'store.db');
  console.log(`SQLite file, synchronous=${options.synchronous ?? 'full'} (${label})`);
  const store = SqliteDocumentStore.open(file, options);
  await measure(store);
  store.close();
  const start = process.hrtime.bigint();
  SqliteDocumentStore.open(file, options).close();
  console.log(`  reopen with quick_check (${(statSync(file).size / 1e6).toFixed(1)} MB file)`.padEnd(47) + `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0).padStart(6)} ms`);
  rmSync(dir, { recursive: true, force: true });
}

console.log(`node ${process.version}, ${N} documents, temp dir ${tmpdir()}`);
await sqlite('default', {});
await sqlite('option', { synchronous: 'normal' });
console.log('SQLite :memory:');
const mem = SqliteDocumentStore.open(':memory:');
await measure(mem);
mem.close();
console.log('MemoryDocumentStore (for unit tests)');
await measure(new MemoryDocumentStore());
