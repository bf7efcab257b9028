// Asks for a reconciliation pass before the next daily one: after a plan import or a change of
// the Jira mapping every KR's stored state is out of date, and the hourly drain continues an
// unfinished pass, so the site is consistent within the hour rather than by tomorrow.
import type { IsoDate } from '../../core/model/dates';
import { ConflictError } from '../../core/model/errors';
import type { DocumentStore } from '../../core/ports/document-store';
import { FC, PASS_ID, type PassDoc } from '../collections';

export async function requestPass(store: DocumentStore, today: IsoDate): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await store.get<PassDoc>(FC.reconcile, PASS_ID);
    try {
      await store.put<PassDoc>(FC.reconcile, PASS_ID, { day: today, done: false }, { expected: current?.version ?? null });
      return;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
}
