// Records a measured value in the store the way SPEC §8 says: a check-in (KR) or reading (KPI)
// dated the run's day with `source: measured` and the matched count; a day that already holds a
// measured value of that KR or KPI has it replaced (under its version, so a concurrent edit is
// refused rather than lost); a manual value is never replaced or removed.
import type { IsoDate } from '../../core/model/dates';
import type { DocumentStore, StoredDoc } from '../../core/ports/document-store';
import { appendId, C, type CheckInDoc, type ReadingDoc } from '../collections';
import { listAll } from '../list-all';
import { appendSuffix, nextSeq } from '../next-seq';
import type { MeasuredTarget } from './targets';

export async function storeMeasuredValue(store: DocumentStore, target: MeasuredTarget, day: IsoDate, value: number, count: number): Promise<void> {
  const { collection, index } = target.kind === 'kr' ? { collection: C.checkIns, index: 'kr' } : { collection: C.readings, index: 'kpi' };
  const existing = await listAll<CheckInDoc | ReadingDoc>(store, collection, { index, value: target.id });
  const sameDay = existing.find((d: StoredDoc<CheckInDoc | ReadingDoc>) => d.value.at === day && d.value.source === 'measured');
  const doc = { at: day, value, source: 'measured' as const, count, [index]: target.id };
  if (sameDay) {
    await store.put(collection, sameDay.id, doc, { expected: sameDay.version, indexes: { [index]: target.id } });
    return;
  }
  const seq = nextSeq(target.id, existing.map((d) => d.id));
  await store.put(collection, appendId(target.id, seq, appendSuffix()), doc, { expected: null, indexes: { [index]: target.id } });
}
