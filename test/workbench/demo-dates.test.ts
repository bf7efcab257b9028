// The demo organisation's dates are relative to today (issue 10 §4): seeded on any later day, its
// quarter is running and its history lies in the weeks before, shifted by whole weeks; the plan
// file itself is left as written. The clock is injected and pinned here.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewView } from '../../src/app/api';
import type { IsoDate } from '../../src/core/model/dates';
import { parsePlanText } from '../../src/core/plan/parse';
import { DEMO_AS_OF, demoShiftDays, shiftPlanDates } from '../../src/workbench/demo-dates';
import { DEMO_PLAN_FILE, startWorkbench, type RunningWorkbench } from '../../src/workbench/server';
import { day } from '../builders';

let running: { wb: RunningWorkbench; dir: string }[] = [];
afterEach(async () => {
  for (const { wb, dir } of running) {
    await wb.close();
    await rm(dir, { recursive: true, force: true });
  }
  running = [];
});

async function seededOn(today: IsoDate): Promise<RunningWorkbench> {
  const dir = await mkdtemp(join(tmpdir(), 'harmony-demo-dates-'));
  const wb = await startWorkbench({ port: 0, dataDir: dir, today: () => today });
  running.push({ wb, dir });
  return wb;
}

async function call<T>(wb: RunningWorkbench, name: string, payload: unknown): Promise<T> {
  const res = await fetch(`${wb.url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  const body = (await res.json()) as { ok: boolean; data: T };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body)}`);
  return body.data;
}

describe('demo dates relative to today', () => {
  it('shifts by whole weeks from the day the file describes, never backwards', () => {
    expect(demoShiftDays(DEMO_AS_OF)).toBe(0);
    expect(demoShiftDays(day('2026-11-21'))).toBe(0);
    expect(demoShiftDays(day('2026-11-22'))).toBe(7);
    expect(demoShiftDays(day('2026-12-04'))).toBe(14);
    expect(demoShiftDays(day('2027-06-01'))).toBe(196);
    expect(demoShiftDays(day('2026-10-01'))).toBe(0);
  });

  it('moves every date of the plan and nothing else; the result is still a valid plan', async () => {
    const plan = parsePlanText(await readFile(DEMO_PLAN_FILE, 'utf8'));
    const moved = shiftPlanDates(plan, 14);
    expect(moved.periods.map((p) => [p.id, p.start, p.end])).toEqual([
      ['2026-Q3', '2026-07-15', '2026-10-14'],
      ['2026-Q4', '2026-10-15', '2027-01-14'],
    ]);
    const retention = moved.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'KR-RETENTION');
    expect(retention).toMatchObject({ start: 73, target: 75, checkIns: [{ at: '2026-10-29', value: 73.4 }, { at: '2026-11-26', value: 74.1 }] });
    expect(moved.kpis.find((k) => k.id === 'churn')?.readings?.at(-1)?.at).toBe(fromPlanDay(plan.kpis.find((k) => k.id === 'churn')?.readings?.at(-1)?.at, 14));
    // Titles, ids and numbers untouched.
    expect(JSON.stringify(shiftPlanDates(plan, 0))).toBe(JSON.stringify(plan));
    expect(moved.objectives.map((o) => o.title)).toEqual(plan.objectives.map((o) => o.title));
    expect(parsePlanText(JSON.stringify(moved))).toEqual(moved);
  });

  it('a workbench first started months later shows the demo quarter running, its check-ins in the weeks before', async () => {
    const today = day('2027-03-10');
    const wb = await seededOn(today);
    const review = await call<ReviewView>(wb, 'getReview', {});
    expect(review.at).toBe(today);
    const q4 = review.periods.find((p) => p.id === '2026-Q4');
    expect(q4 !== undefined && q4.start <= today && today <= q4.end).toBe(true);
    expect(review.objectives.length).toBeGreaterThan(0);
    const retention = review.objectives.flatMap((o) => o.keyResultReports).find((k) => k.id === 'KR-RETENTION');
    // The latest check-in (11-12 in the file) moved by 16 weeks: three days before the shifted day.
    expect(retention).toMatchObject({ current: 74.1, currentAt: '2027-03-04' });
  });
});

function fromPlanDay(at: string | undefined, days: number): string {
  if (at === undefined) throw new Error('churn has readings');
  return new Date(Date.parse(`${at}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
