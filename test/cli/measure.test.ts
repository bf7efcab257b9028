// `okr measure jira|ado` (SPEC §8): the real bin/okr.js against the Jira and Azure DevOps
// emulators, on scratch copies of test/fixtures/measure/measured-plan.yaml: one line per measure,
// values recorded as measured check-ins and readings of the --at day, a second run that day
// replacing them, typed values and comments kept, exit codes 0/2/3.
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parsePlanText, type Plan } from '../../src/core';
import { ADO_PROJECT, adoEnv, eachTestWithTrackersAndPlan, jiraEnv, okr, type ScratchPlan, type Trackers } from './pull/harness';

let trackers: Trackers;
let plan: ScratchPlan;
eachTestWithTrackersAndPlan('../measure/measured-plan.yaml', (t, p) => {
  trackers = t;
  plan = p;
});

const AT = '2026-11-15';
const measureJira = (...extra: string[]) => okr(['measure', 'jira', plan.path, '--site', trackers.jiraUrl, '--at', AT, ...extra], jiraEnv());
const measureAdo = (...extra: string[]) => okr(['measure', 'ado', plan.path, '--org', trackers.ado.orgUrl, '--project', ADO_PROJECT, '--at', AT, ...extra], adoEnv());

async function current(): Promise<Plan> {
  return parsePlanText(await readFile(plan.path, 'utf8'), 'yaml');
}
const kr = (p: Plan, id: string) => p.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id);
const checkIns = (p: Plan, id: string) => {
  const found = kr(p, id);
  return found?.type === 'outcome' ? found.checkIns : undefined;
};
const readings = (p: Plan, id: string) => p.kpis.find((k) => k.id === id)?.readings;

describe('okr measure jira', () => {
  it('prints one line per JQL measure and records each value, keeping typed values and comments', async () => {
    const run = await measureJira();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('could not be kept');
    expect(run.stdout).toBe(['KR-OPEN  3  (3 matched)', 'KR-POINTS  11  (3 matched)', 'KPI-DONE  40  (2 of 5 matched)', ''].join('\n'));
    const after = await current();
    expect(checkIns(after, 'KR-OPEN')).toEqual([
      { at: '2026-11-01', value: 5, note: 'typed in the retro' },
      { at: AT, value: 3, source: 'measured', count: 3 },
    ]);
    expect(checkIns(after, 'KR-POINTS')).toEqual([{ at: AT, value: 11, source: 'measured', count: 3 }]);
    expect(readings(after, 'KPI-DONE')).toEqual([{ at: AT, value: 40, source: 'measured', count: 2 }]);
    // The Azure DevOps measures and the typed KR are untouched; so is every comment.
    expect(readings(after, 'KPI-SIZE')).toEqual([{ at: '2026-11-01', value: 6 }]);
    expect(checkIns(after, 'KR-TYPED')).toEqual([{ at: '2026-11-10', value: 4 }]);
    const text = await readFile(plan.path, 'utf8');
    for (const comment of plan.original.split('\n').filter((l) => l.includes('#'))) expect(text).toContain(comment.trim());
    // Nothing else in the file changed: the old text is the new text minus the recorded entries.
    const before = parsePlanText(plan.original, 'yaml');
    expect({ ...after, objectives: [], kpis: [] }).toEqual({ ...before, objectives: [], kpis: [] });
  });

  it('replaces the measured value of the same day on a second run, never the typed one', async () => {
    expect((await measureJira()).code).toBe(0);
    // CS-7 is done now: one fewer open story.
    const edited = (await readFile(plan.path, 'utf8')).replace('statusCategory != Done ORDER BY key', 'statusCategory != Done AND key != CS-7 ORDER BY key');
    await writeFile(plan.path, edited);
    const run = await measureJira();
    expect(run.code, run.stderr).toBe(0);
    expect(checkIns(await current(), 'KR-OPEN')).toEqual([
      { at: '2026-11-01', value: 5, note: 'typed in the retro' },
      { at: AT, value: 2, source: 'measured', count: 2 },
    ]);
  });

  it('--dry-run prints the values and writes nothing', async () => {
    const run = await measureJira('--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('KR-OPEN  3  (3 matched)');
    expect(await readFile(plan.path, 'utf8')).toBe(plan.original);
  });

  it('records what it could, names each failure in Jira words, and exits 3', async () => {
    const text = plan.original.replace('jql: project = CS AND statusCategory = Done\n', 'jql: project = HR AND statusCategory = Done\n');
    await writeFile(plan.path, text);
    const run = await measureJira();
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("KR-POINTS: the tracker refused the query: The value 'HR' does not exist for the field 'project'.");
    const after = await current();
    expect(checkIns(after, 'KR-POINTS')).toBeUndefined();
    expect(readings(after, 'KPI-DONE')).toEqual([{ at: AT, value: 40, source: 'measured', count: 2 }]);
  });

  it('exits 2 on missing credentials, a bad --at or an invalid plan, writing nothing', async () => {
    const noToken = await okr(['measure', 'jira', plan.path, '--site', trackers.jiraUrl], { JIRA_EMAIL: 'pat@raintown.example' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('JIRA_API_TOKEN is not set');
    const badDate = await measureJira('--at', '2026-13-01');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--at: expected a calendar date');
    await writeFile(plan.path, plan.original.replace('aggregate: sum\n', 'aggregate: percent\n'));
    const invalid = await measureJira();
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/objectives\[0\]\.keyResults\[1\]\.measure\.field: only "sum" and "average"/);
  });
});

describe('okr measure ado', () => {
  it('runs the WIQL measures, shows two decimals and keeps the exact value', async () => {
    const run = await measureAdo();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(['KPI-ACTIVE  1  (1 matched)', 'KPI-SIZE  5.33  (3 matched)', ''].join('\n'));
    const after = await current();
    expect(readings(after, 'KPI-ACTIVE')).toEqual([{ at: AT, value: 1, source: 'measured', count: 1 }]);
    expect(readings(after, 'KPI-SIZE')).toEqual([
      { at: '2026-11-01', value: 6 },
      { at: AT, value: 16 / 3, source: 'measured', count: 3 },
    ]);
    expect(checkIns(after, 'KR-OPEN')).toHaveLength(1);
  });

  it('reports the 20,000-result cap instead of a truncated count (exit 3)', async () => {
    const text = plan.original.replace("WHERE [System.WorkItemType] = 'User Story' AND [System.State] = 'Active'", 'WHERE [System.TeamProject] = @project');
    await writeFile(plan.path, text);
    trackers.ado.wiqlResultCap = 3;
    const run = await measureAdo();
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/KPI-ACTIVE: the query matches more than 20,000 items.*VS402337/);
  });
});
