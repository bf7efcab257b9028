// The daily reconciliation is bounded by the function's timeoutSeconds and resumable: a pass that
// runs out of time records the last KR it finished, and the next run (the hourly drain, or the
// next day's run) goes on from there instead of starting over. Time is made to run out
// deterministically: the clock jumps past the deadline as soon as the first KR is recorded.
import api from '@forge/api';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { DocumentStore } from '../../src/core/ports/document-store';
import { FC, type PassDoc } from '../../src/forge/collections';
import { forgeJiraRequest } from '../../src/forge/jira-request';
import { triggerContext } from '../../src/forge/triggers/context';
import { drainAll, runPass } from '../../src/forge/triggers/reconcile';
import { ALICE_ID, forgeSiteDataset, PLAN, TODAY } from './fixtures';
import { dataOf, forgeHarness, type ForgeHarness } from './harness';

let h: ForgeHarness;
beforeEach(async () => {
  h = await forgeHarness({ dataset: forgeSiteDataset(), today: TODAY });
  dataOf(await h.invoke('importPlan', { text: JSON.stringify(PLAN), format: 'json' }, ALICE_ID));
});
afterEach(() => h.close());

/** A store whose writes of the pass position move `clock` an hour ahead (the invocation "ran long"). */
function jumpingClock(store: DocumentStore, clock: { now: number }): DocumentStore {
  return {
    ...store,
    get: (c, id) => store.get(c, id),
    list: (c, q) => store.list(c, q),
    delete: (c, id, v) => store.delete(c, id, v),
    batch: (ops) => store.batch(ops),
    put: async (collection, id, value, options) => {
      const doc = await store.put(collection, id, value, options);
      if (collection === FC.reconcile && (value as PassDoc).after !== undefined) clock.now += 3_600_000;
      return doc;
    },
  };
}

test('a pass that runs out of time resumes after the last KR it finished', async () => {
  const clock = { now: Date.now() };
  const context = (store: DocumentStore) =>
    triggerContext({ store, asApp: () => forgeJiraRequest(api.asApp().requestJira), remaining: () => 900_000, now: () => clock.now, today: () => TODAY, log: () => undefined });

  const first = await h.runtime.trigger('reconcile', async () => runPass(await context(jumpingClock(h.store, clock)), { start: true }), 900_000);
  expect(first).toMatchObject({ done: ['KR-CRM'], finished: false });
  expect((await h.store.get<PassDoc>(FC.reconcile, 'pass'))?.value).toMatchObject({ after: 'KR-CRM', done: false });

  // The hourly run continues the unfinished pass from the next KR, in id order.
  clock.now = Date.now();
  const second = await h.runtime.trigger('drain', async () => drainAll(await context(h.store)), 900_000);
  expect(second.pass).toMatchObject({ done: ['KR-OPS', 'KR-RET'], finished: true });
  expect((await h.store.get<PassDoc>(FC.reconcile, 'pass'))?.value.done).toBe(true);

  // The same day, a finished pass is not started again.
  const third = await h.runtime.trigger('reconcile', async () => runPass(await context(h.store), { start: true }), 900_000);
  expect(third).toMatchObject({ done: [], finished: true });
});
