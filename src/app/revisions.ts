// The audit trail of check-ins and readings (issue 10 §2): every correction and deletion is one
// document written in the same batch as the change, so the trail never misses one and a refused
// change leaves none. A creation needs no line: the entry itself says who made it (`by`) and when.
import type { IsoDate } from '../core/model/dates';
import type { WriteOp } from '../core/ports/document-store';
import { appendId, C, type EntryValues, type RevisionDoc } from './collections';
import type { AppContext } from './context';
import { listAll } from './list-all';
import { appendSuffix, nextSeq } from './next-seq';
import type { RevisionView } from './api';

export function entryValues(e: { at: IsoDate; value: number; confidence?: number; note?: string }): EntryValues {
  return {
    at: e.at,
    value: e.value,
    ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
    ...(e.note !== undefined ? { note: e.note } : {}),
  };
}

export async function revisionsOf(ctx: Pick<AppContext, 'store'>, subject: string): Promise<RevisionView[]> {
  const docs = await listAll<RevisionDoc>(ctx.store, C.revisions, { index: 'subject', value: subject });
  return docs.map((d) => d.value);
}

/** The write of one audit line, to go in the batch of the change it records. */
export async function revisionOp(ctx: AppContext, revision: Omit<RevisionDoc, 'by' | 'on'>): Promise<WriteOp> {
  const existing = await listAll<RevisionDoc>(ctx.store, C.revisions, { index: 'subject', value: revision.subject });
  const id = appendId(revision.subject, nextSeq(revision.subject, existing.map((d) => d.id)), appendSuffix());
  const value: RevisionDoc = { ...revision, by: ctx.actor.id, on: ctx.today() };
  return { kind: 'put', collection: C.revisions, id, value, expected: null, indexes: { subject: revision.subject } };
}
