// Azure DevOps has no back end: an editor's board measures what is due when it opens, at most
// once an hour per measure, and the claim is shared through the Extension Data Service, so two
// editors opening the board at the same moment run each measure once between them.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { NO_HISTORY } from '../../src/app/history';
import type { MeasureRun } from '../../src/app/api';
import { ExtensionDataDocumentStore } from '../../src/stores/ado-extension-data-document-store';
import { ADMIN, EDITOR } from '../app/actors';
import { FakeMeasureSource } from '../app/fake-measure-source';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { DEMO, DEMO_TEXT, TODAY } from '../app/harness';
import { FakeExtensionDataManager } from '../fakes/ado-extension-data';

/** The demo plan's WIQL measures: KR-PLATFORM-POINTS and the change failure rate KPI. */
const WIQL = ['KR-PLATFORM-POINTS', 'change-failure-rate'];

describe('measure on opening the board (Azure DevOps)', () => {
  it('two browsers sharing the Extension Data Service run each due measure once, then wait an hour', async () => {
    const service = new FakeExtensionDataManager();
    const clock = { now: new Date(`${TODAY}T08:00:00Z`) };
    const browser = (who: string) => {
      const measure = new FakeMeasureSource(who, () => ({ matched: 3, value: 21 }), 'ado');
      // Each browser has its own store object over the one service, as two pages do.
      const app = createApp({
        store: new ExtensionDataDocumentStore(service),
        source: new FakeWorkItemSource(DEMO.workItems),
        actor: EDITOR(),
        history: NO_HISTORY,
        today: () => TODAY,
        now: () => clock.now,
        measures: { ado: measure },
      });
      return { app, measure };
    };
    const a = browser('ed');
    const b = browser('eve');
    // An admin's page loads the plan; the two editors' pages then open the board.
    await createApp({ store: new ExtensionDataDocumentStore(service), source: new FakeWorkItemSource(DEMO.workItems), actor: ADMIN(), history: NO_HISTORY, today: () => TODAY }).call('importPlan', {
      text: DEMO_TEXT,
      format: 'yaml',
    });

    const [ra, rb] = await Promise.all([a.app.call('measureDue', { trigger: 'board' }), b.app.call('measureDue', { trigger: 'board' })]);
    const measured = (runs: MeasureRun[]) => runs.map((r) => r.measure);
    expect([...measured(ra), ...measured(rb)].sort()).toEqual(WIQL);
    expect(a.measure.asked.length + b.measure.asked.length).toBe(WIQL.length);

    clock.now = new Date(`${TODAY}T08:59:00Z`);
    expect(await b.app.call('measureDue', { trigger: 'board' })).toEqual([]);
    clock.now = new Date(`${TODAY}T09:00:00Z`);
    expect(measured(await b.app.call('measureDue', { trigger: 'board' })).sort()).toEqual(WIQL);
  });
});
