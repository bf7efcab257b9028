import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { wholeScopeHistory } from '../../src/app/history';
import { localActor } from '../../src/app/local-actor';
import { listAll } from '../../src/app/list-all';
import { ConflictError } from '../../src/core/model/errors';
import type { DocumentStore } from '../../src/core/ports/document-store';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { day, generateObjective, generateOutcomeKeyResult, generatePlan, generateWorkItem } from '../builders';
import { FakeWorkItemSource } from './fake-work-item-source';
import { harness } from './harness';

describe('progress snapshots (burn-up chart)', () => {
  it('records a point when a KR is computed today', async () => {
    const h = await harness();
    const detail = await h.call('getKeyResult', { kr: 'KR-CRM' });
    expect(detail.history).toEqual([{ at: h.clock.today, progress: 4 / 7, done: 4, total: 7 }]);
    const outcome = await h.call('getKeyResult', { kr: 'KR-RETENTION' });
    // An outcome KR's history is drawn from its check-ins (outcome-history.test.ts).
    expect(outcome.history.at(-1)).toEqual({ at: h.clock.today, progress: outcome.kr.progress, value: 74.1 });
  });

  it('keeps one point per KR per day, updated in place when the numbers change that day', async () => {
    const h = await harness();
    await h.call('getPanel', { ref: 'jira:CS-1' });
    h.source.update('jira:CS-6', { status: 'done' });
    const detail = await h.call('getKeyResult', { kr: 'KR-CRM' });
    expect(detail.history).toEqual([{ at: h.clock.today, progress: 5 / 7, done: 5, total: 7 }]);
  });

  it('adds a point on a later day only when something changed, with scope and done apart', async () => {
    const h = await harness();
    await h.call('getBoard', {});
    h.clock.today = day('2026-11-16');
    await h.call('getBoard', {});
    expect((await h.call('getKeyResult', { kr: 'KR-CRM' })).history).toHaveLength(1);

    // Scope creep: two new stories, nothing more done. Total grows, done stays.
    h.clock.today = day('2026-11-17');
    h.source.set(generateWorkItem({ ref: 'jira:CS-30', title: 'SMS outreach', type: 'Story', status: 'todo', parent: 'jira:CS-1' }));
    h.source.set(generateWorkItem({ ref: 'jira:CS-31', title: 'Email outreach', type: 'Story', status: 'todo', parent: 'jira:CS-1' }));
    await h.call('getPanel', { ref: 'jira:CS-1' });
    h.clock.today = day('2026-11-18');
    h.source.update('jira:CS-30', { status: 'done' });
    const { history } = await h.call('getKeyResult', { kr: 'KR-CRM' });
    expect(history.map((p) => [p.at, p.done, p.total])).toEqual([
      ['2026-11-15', 4, 7],
      ['2026-11-17', 4, 9],
      ['2026-11-18', 5, 9],
    ]);
  });

  it('does not record when looking at the past, and shows history only up to that day', async () => {
    const h = await harness();
    await h.call('getKeyResult', { kr: 'KR-CRM' });
    h.clock.today = day('2026-11-20');
    h.source.update('jira:CS-6', { status: 'done' });
    const past = await h.call('getKeyResult', { kr: 'KR-CRM', at: day('2026-11-16') });
    expect(past.history.map((p) => p.at)).toEqual(['2026-11-15']);
    const now = await h.call('getKeyResult', { kr: 'KR-CRM' });
    expect(now.history.map((p) => p.at)).toEqual(['2026-11-15', '2026-11-20']);
  });

  it('records after edits too (link, check-in)', async () => {
    const h = await harness();
    await h.call('getKeyResult', { kr: 'KR-SUCCESS-PLANS' });
    h.clock.today = day('2026-11-16');
    await h.call('linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref: 'ado:300' });
    const { history } = await h.call('getKeyResult', { kr: 'KR-SUCCESS-PLANS' });
    expect(history.map((p) => [p.at, p.done, p.total])).toEqual([
      ['2026-11-15', 2, 4],
      ['2026-11-16', 4, 8],
    ]);
  });
});

describe('snapshots of a board-sized evaluation', () => {
  it('records every KR in batches and retries KR by KR after a conflict', async () => {
    const objectives = Array.from({ length: 70 }, (_, o) =>
      generateObjective({
        id: `O${o}`,
        keyResults: [generateOutcomeKeyResult({ id: `K${o}a` }), generateOutcomeKeyResult({ id: `K${o}b`, checkIns: [{ at: day('2026-11-01'), value: 74 }] })],
      }),
    );
    const inner = new MemoryDocumentStore({ maxPageSize: 20 });
    let batches = 0;
    let failNextBatch = false;
    const store: DocumentStore = {
      get: (c, id) => inner.get(c, id),
      list: (c, q) => inner.list(c, q),
      put: (c, id, v, o) => inner.put(c, id, v, o),
      delete: (c, id, e) => inner.delete(c, id, e),
      batch: (ops) => {
        batches++;
        if (failNextBatch) {
          failNextBatch = false;
          return Promise.reject(new ConflictError('snapshots', 'x'));
        }
        return inner.batch(ops);
      },
    };
    const plan = generatePlan({ objectives, kpis: [] });
    const source = new FakeWorkItemSource(plan.workItems);
    const app = createApp({ store, source, actor: localActor('ada', source), history: wholeScopeHistory(store), today: () => day('2026-11-15') });
    await app.call('importPlan', { text: JSON.stringify(plan) });
    batches = 0;
    failNextBatch = true;
    await app.call('getBoard', {});
    // 140 KRs: two chunks of at most 100; the first fails and is redone KR by KR (100 batches).
    expect(batches).toBe(2 + 100);
    expect(await listAll(inner, 'snapshotHeads')).toHaveLength(140);
    batches = 0;
    await app.call('getBoard', {});
    expect(batches).toBe(0); // nothing changed: nothing written
  });
});
