// Issue 8, finding 8, for `okr pull`: work item titles and types come from the tracker, and the
// plan file's own text is quoted too; neither reaches the terminal as control codes.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/core';
import { ADO_PROJECT, adoEnv, jiraEnv, eachTestWithTrackersAndPlan, okr, type ScratchPlan, type Trackers } from './pull/harness';

const CLEAR = '\u001b[2J';
const WINDOW_TITLE = '\u001b]0;pwned\u0007';
const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const C1_CSI = '\u009b2J';

// eslint-disable-next-line no-control-regex -- what must never reach the terminal raw
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let trackers: Trackers;
let plan: ScratchPlan;
eachTestWithTrackersAndPlan('mixed-plan.yaml', (t, p) => {
  trackers = t;
  plan = p;
});

describe('okr pull prints tracker text escaped', () => {
  it('jira --dry-run: added and changed titles with control codes are shown escaped', async () => {
    trackers.jira.updateIssue('CS-5', { summary: `Train${CLEAR}${WINDOW_TITLE} the team` });
    trackers.jira.updateIssue('CS-6', { summary: `Migrate${CLIPBOARD}${C1_CSI}` });
    const run = await okr(['pull', 'jira', plan.path, '--site', trackers.jiraUrl, '--dry-run'], jiraEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(CONTROL.exec(run.stdout)).toBeNull();
    expect(CONTROL.exec(run.stderr)).toBeNull();
    expect(run.stdout).toContain('"Train\\x1b[2J\\x1b]0;pwned\\x07 the team"');
    expect(run.stdout).toContain('title "Migrate the old ticket archive" → "Migrate\\x1b]52;c;cm0gLXJmIH4=\\x07\\x9b2J"');
  });

  it('ado: the written plan keeps the exact title (as YAML escapes), and nothing raw is printed', async () => {
    trackers.ado.org.update(101, { title: `Nightly${CLEAR} export` });
    const run = await okr(['pull', 'ado', plan.path, '--org', trackers.ado.orgUrl, '--project', ADO_PROJECT], adoEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(CONTROL.exec(run.stdout)).toBeNull();
    expect(CONTROL.exec(run.stderr)).toBeNull();
    const text = await readFile(plan.path, 'utf8');
    expect(CONTROL.exec(text.replace(/\r?\n/g, ''))).toBeNull();
    expect(parsePlanText(text, 'yaml').workItems.find((i) => i.ref === 'ado:101')?.title).toBe(`Nightly${CLEAR} export`);
  });
});
