// Progress history for the burn-up chart. Tracker changes happen outside the app, so a point is
// taken whenever the app computes a KR (panel, board, detail, edits) and its numbers differ from
// the last point: at most one point per KR per day, updated in place when they change again
// that day. Scope (total units) and done units are kept apart so scope creep shows.
import { assertNever } from '../core/model/assert-never';
import type { IsoDate } from '../core/model/dates';
import { ConflictError } from '../core/model/errors';
import type { DocumentStore, StoredDoc, WriteOp } from '../core/ports/document-store';
import type { KeyResultReport } from '../core/report/types';
import type { SnapshotPoint } from './api';
import { C, snapshotId, type SnapshotDoc } from './collections';
import { listAll } from './list-all';

export function pointOf(kr: KeyResultReport, at: IsoDate): SnapshotPoint {
  switch (kr.type) {
    case 'effort':
      return { at, progress: kr.progress, done: kr.units.done, total: kr.units.total };
    case 'outcome':
      return { at, progress: kr.progress, value: kr.current };
    default:
      return assertNever(kr);
  }
}

function samePoint(a: SnapshotPoint, b: SnapshotPoint): boolean {
  return a.progress === b.progress && a.done === b.done && a.total === b.total && a.value === b.value;
}

/** KRs written per batch: small enough for any store's transaction, large enough to be quick. */
const CHUNK = 100;
/** Beyond this many KRs, one listing of every head is cheaper than one read per KR. */
const LIST_HEADS_FROM = 20;

/**
 * Records today's point for each KR whose numbers changed. Points of a board-sized evaluation
 * are written in a few batches rather than one write per KR; a conflict (someone else recorded
 * the same KR meanwhile) is retried KR by KR, and a KR that still conflicts keeps theirs.
 */
export async function recordSnapshots(store: DocumentStore, krs: readonly KeyResultReport[], at: IsoDate): Promise<void> {
  const heads = await readHeads(store, krs.map((k) => k.id));
  const changed = krs.map((kr) => ({ kr: kr.id, point: pointOf(kr, at), head: heads.get(kr.id) })).filter((c) => !(c.head && samePoint(c.head.value, c.point)));
  for (let i = 0; i < changed.length; i += CHUNK) {
    const chunk = changed.slice(i, i + CHUNK);
    const ops = (await Promise.all(chunk.map((c) => opsFor(store, c.kr, c.point, c.head)))).flat();
    try {
      await store.batch(ops);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      for (const c of chunk) await recordOne(store, c.kr, c.point);
    }
  }
}

async function readHeads(store: DocumentStore, ids: readonly string[]): Promise<Map<string, StoredDoc<SnapshotDoc>>> {
  if (ids.length > LIST_HEADS_FROM) {
    const wanted = new Set(ids);
    return new Map((await listAll<SnapshotDoc>(store, C.snapshotHeads)).filter((d) => wanted.has(d.id)).map((d) => [d.id, d]));
  }
  const docs = await Promise.all(ids.map((id) => store.get<SnapshotDoc>(C.snapshotHeads, id)));
  return new Map(docs.filter((d) => d !== undefined).map((d) => [d.id, d]));
}

async function opsFor(store: DocumentStore, kr: string, point: SnapshotPoint, head: StoredDoc<SnapshotDoc> | undefined): Promise<WriteOp[]> {
  const doc: SnapshotDoc = { ...point, kr };
  const id = snapshotId(kr, point.at);
  // Same day: the day's point is updated in place.
  const existing = head?.value.at === point.at ? await store.get<SnapshotDoc>(C.snapshots, id) : undefined;
  return [
    { kind: 'put', collection: C.snapshots, id, value: doc, expected: existing?.version ?? null, indexes: { kr } },
    { kind: 'put', collection: C.snapshotHeads, id: kr, value: doc, expected: head?.version ?? null },
  ];
}

async function recordOne(store: DocumentStore, kr: string, point: SnapshotPoint): Promise<void> {
  const head = await store.get<SnapshotDoc>(C.snapshotHeads, kr);
  if (head && samePoint(head.value, point)) return;
  try {
    await store.batch(await opsFor(store, kr, point, head));
  } catch (e) {
    // Someone computed the same KR at the same moment and recorded their point: theirs stands.
    if (!(e instanceof ConflictError)) throw e;
  }
}

export async function readHistory(store: DocumentStore, kr: string, upTo?: IsoDate): Promise<SnapshotPoint[]> {
  const docs = await listAll<SnapshotDoc>(store, C.snapshots, { index: 'kr', value: kr });
  return docs
    .map(({ value: { kr: _kr, ...point } }) => point)
    .filter((p) => upTo === undefined || p.at <= upTo)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
