// "Which KRs' scopes hold this issue?" is the question every issue event starts with, and the
// one an issue property answers in Jira. The answer lives in one small document per (KR, issue),
// indexed by ref (an event's lookup: one query) and by KR (cleaning up after a deleted KR).
import { ConflictError, NotFoundError } from '../../core/model/errors';
import type { WorkItemRef } from '../../core/model/work-item';
import type { DocumentStore } from '../../core/ports/document-store';
import { listAll } from '../../app/list-all';
import { FC, memberId, type MemberDoc } from '../collections';
import { mapLimited } from './map-limited';
import { STORE_CONCURRENCY } from './scope-store';

/** The KRs whose stored scope holds this ref, in id order. */
export async function krsContaining(store: DocumentStore, ref: WorkItemRef): Promise<string[]> {
  const docs = await listAll<MemberDoc>(store, FC.members, { index: 'ref', value: ref });
  return docs.map((d) => d.value.kr).sort();
}

export async function membersOf(store: DocumentStore, kr: string): Promise<WorkItemRef[]> {
  return (await listAll<MemberDoc>(store, FC.members, { index: 'kr', value: kr })).map((d) => d.value.ref);
}

export async function addMembers(store: DocumentStore, kr: string, refs: readonly WorkItemRef[]): Promise<void> {
  await mapLimited(refs, STORE_CONCURRENCY, async (ref) => {
    try {
      await store.put<MemberDoc>(FC.members, memberId(kr, ref), { kr, ref }, { expected: null, indexes: { kr, ref } });
    } catch (e) {
      // Already recorded: membership is a fact, recording it twice changes nothing.
      if (!(e instanceof ConflictError)) throw e;
    }
  });
}

export async function removeMembers(store: DocumentStore, kr: string, refs: readonly WorkItemRef[]): Promise<void> {
  await mapLimited(refs, STORE_CONCURRENCY, async (ref) => {
    const doc = await store.get<MemberDoc>(FC.members, memberId(kr, ref));
    if (!doc) return;
    try {
      await store.delete(FC.members, doc.id, doc.version);
    } catch (e) {
      if (!(e instanceof NotFoundError) && !(e instanceof ConflictError)) throw e;
    }
  });
}
