import { describe, expect, it } from 'vitest';
import type { PanelKeyResult } from '../../src/app/api';
import { isTrackerUnavailable } from '../../src/app/stale-evaluation';
import { day } from '../builders';
import { harness } from './harness';

const throttled = () => Object.assign(new Error('Jira kept answering 429'), { code: 'jira-rate-limited', status: 429 });

function effortUnits(entry: PanelKeyResult | undefined) {
  if (entry?.kr.type !== 'effort') throw new Error('expected an effort KR');
  return entry.kr.units;
}

describe('panel when the trackers cannot answer', () => {
  it('shows the last stored snapshot of each effort KR, marked stale; outcome KRs stay live', async () => {
    const h = await harness();
    await h.call('getPanel', { ref: 'jira:CS-20' }); // records today's points
    h.clock.today = day('2026-11-16');
    h.source.update('jira:CS-22', { status: 'done' }); // would be 2/3 live
    h.source.descendantsFailure = throttled();
    const panel = await h.call('getPanel', { ref: 'jira:CS-20' });
    expect(panel.stale).toBe(true);
    const saveFlow = panel.keyResults[0];
    expect(saveFlow?.kr.id).toBe('KR-SAVE-FLOW');
    // The stored progress; its counts (the app's, over the whole scope) are withheld.
    expect(saveFlow?.kr.progress).toBeCloseTo(1 / 3, 10);
    expect(effortUnits(saveFlow)).toEqual({ done: 0, total: 0 });
    expect(saveFlow?.kr).toMatchObject({ countsWithheld: true });
    expect(saveFlow?.contribution).toBeUndefined();
    // The chain's outcome KR needs no tracker.
    expect(saveFlow?.chain[1]).toMatchObject({ id: 'KR-RETENTION', progress: expect.closeTo(0.55, 10) as number });

    h.source.descendantsFailure = undefined;
    const live = await h.call('getPanel', { ref: 'jira:CS-20' });
    expect(live.stale).toBeUndefined();
    expect(effortUnits(live.keyResults[0])).toEqual({ done: 2, total: 3 });
    expect(live.keyResults[0]?.kr).not.toHaveProperty('countsWithheld');
  });

  it('shows zero units, not an error, for a KR never computed before', async () => {
    const h = await harness();
    h.source.descendantsFailure = throttled();
    const panel = await h.call('getPanel', { ref: 'jira:CS-1' });
    expect(panel.stale).toBe(true);
    expect(effortUnits(panel.keyResults[0])).toEqual({ done: 0, total: 0 });
  });

  it('still fails on errors that are not about availability', async () => {
    const h = await harness();
    h.source.descendantsFailure = new TypeError('bug');
    expect((await h.fail('getPanel', { ref: 'jira:CS-1' })).code).toBe('internal');
    expect(isTrackerUnavailable(Object.assign(new Error('down'), { status: 503 }))).toBe(true);
    expect(isTrackerUnavailable(Object.assign(new Error('unreachable'), { status: 0 }))).toBe(true);
    expect(isTrackerUnavailable(Object.assign(new Error('bad JQL'), { status: 400 }))).toBe(false);
  });
});
