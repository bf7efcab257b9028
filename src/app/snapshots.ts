// Progress history for the burn-up chart. Tracker changes happen outside the app, so a point is
// taken whenever the app computes a KR (panel, board, detail, edits) and its numbers differ from
// the last point: at most one point per KR per day, updated in place when they change again
// that day. Scope (total units) and done units are kept apart so scope creep shows.
import type { IsoDate } from '../core/model/dates';
import { ConflictError } from '../core/model/errors';
import type { DocumentStore, StoredDoc, WriteOp } from '../core/ports/document-store';
import type { KeyResultReport } from '../core/report/types';
import type { SnapshotPoint } from './api';
import { C, snapshotId, type SnapshotDoc } from './collections';
import { listAll } from './list-all';

export function pointOf(kr: KeyResultReport, at: IsoDate): SnapshotPoint {
  return kr.type === 'effort'
    ? { at, progress: kr.progress, done: kr.units.done, total: kr.units.total }
    : { at, progress: kr.progress, value: kr.current };
}

function samePoint(a: SnapshotPoint, b: SnapshotPoint): boolean {
  return a.progress === b.progress && a.done === b.done && a.total === b.total && a.value === b.value;
}

/** Records today's point for each KR whose numbers changed. Never fails the caller's request. */
export async function recordSnapshots(store: DocumentStore, krs: readonly KeyResultReport[], at: IsoDate): Promise<void> {
  await Promise.all(krs.map((kr) => recordOne(store, kr.id, pointOf(kr, at))));
}

async function recordOne(store: DocumentStore, kr: string, point: SnapshotPoint): Promise<void> {
  const head = await store.get<SnapshotDoc>(C.snapshotHeads, kr);
  if (head && samePoint(head.value, point)) return;
  const doc: SnapshotDoc = { ...point, kr };
  const id = snapshotId(kr, point.at);
  const existing: StoredDoc<SnapshotDoc> | undefined = head?.value.at === point.at ? await store.get<SnapshotDoc>(C.snapshots, id) : undefined;
  const ops: WriteOp[] = [
    { kind: 'put', collection: C.snapshots, id, value: doc, expected: existing?.version ?? null, indexes: { kr } },
    { kind: 'put', collection: C.snapshotHeads, id: kr, value: doc, expected: head?.version ?? null },
  ];
  try {
    await store.batch(ops);
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
