// `okr pull ado|jira`: the real bin/okr.js against the Jira and Azure DevOps emulators (the same
// adapters the hosts use, over HTTP), on copies of test/fixtures/pull. SPEC §1 (the plan file and
// its work item snapshot), §2 (effort KR units), §5 (exit codes, errors say what to fix), §6 (the
// trackers' mapping and batched reads).
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText, type Plan, type WorkItem } from '../../src/core';
import { ADO_PROJECT, adoEnv, closedPort, fixtures, JIRA_USER, jiraEnv, eachTestWithTrackersAndPlan, okr, scratchPlan, type ScratchPlan, type Trackers } from './pull/harness';

interface Report {
  keyResults: { id: string; progress: number; units?: { done: number; total: number } }[];
  lints: { code: string; subject: string }[];
}

let trackers: Trackers;
let plan: ScratchPlan;
eachTestWithTrackersAndPlan('mixed-plan.yaml', (t, p) => {
  trackers = t;
  plan = p;
});

const pullJira = (file: string, env = jiraEnv(), ...extra: string[]) => okr(['pull', 'jira', file, '--site', trackers.jiraUrl, ...extra], env);
const pullAdo = (file: string, env = adoEnv(), ...extra: string[]) => okr(['pull', 'ado', file, '--org', trackers.ado.orgUrl, '--project', ADO_PROJECT, ...extra], env);

async function planAt(path: string): Promise<Plan> {
  return parsePlanText(await readFile(path, 'utf8'), path.endsWith('.json') ? 'json' : 'yaml');
}
const ofTracker = (items: WorkItem[], system: 'jira' | 'ado') => items.filter((i) => i.ref.startsWith(`${system}:`));

async function crmUnits(path: string): Promise<{ done: number; total: number } | undefined> {
  const run = await okr(['evaluate', path, '--at', '2026-11-15', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as Report).keyResults.find((k) => k.id === 'KR-CRM')?.units;
}

/** What the emulators hold once CS-5 and ado:104 have been moved to done (test/fixtures/pull/*-dataset.json). */
const LIVE_JIRA: WorkItem[] = [
  { ref: 'jira:CS-1', title: 'CRM rollout', type: 'Epic', status: 'in-progress' },
  { ref: 'jira:CS-2', title: 'Choose the CRM vendor', type: 'Story', status: 'done', estimate: 3, parent: 'jira:CS-1' },
  { ref: 'jira:CS-3', title: 'Import customer records', type: 'Story', status: 'in-progress', estimate: 5, parent: 'jira:CS-1' },
  { ref: 'jira:CS-4', title: 'Map legacy fields', type: 'Sub-task', status: 'done', parent: 'jira:CS-3' },
  // Done with the resolution Won't Do: cancelled (SPEC §6).
  { ref: 'jira:CS-6', title: 'Migrate the old ticket archive', type: 'Story', status: 'cancelled', estimate: 8, parent: 'jira:CS-1' },
  { ref: 'jira:CS-5', title: 'Train the support team', type: 'Story', status: 'done', estimate: 2, parent: 'jira:CS-1' },
  { ref: 'jira:CS-7', title: 'Configure e-mail templates: welcome & renewal', type: 'Story', status: 'todo', parent: 'jira:CS-1' },
];
const LIVE_ADO: WorkItem[] = [
  { ref: 'ado:100', title: 'CRM data sync', type: 'Feature', status: 'in-progress' },
  { ref: 'ado:101', title: 'Nightly export job', type: 'User Story', status: 'done', estimate: 5, parent: 'ado:100' },
  { ref: 'ado:102', title: 'Conflict resolution rules', type: 'User Story', status: 'in-progress', estimate: 8, parent: 'ado:100' },
  { ref: 'ado:103', title: 'Write the merge policy', type: 'Task', status: 'done', parent: 'ado:102' },
  { ref: 'ado:104', title: 'Review the merge policy', type: 'Task', status: 'done', parent: 'ado:102' },
  { ref: 'ado:300', title: 'Loyalty programme', type: 'Epic', status: 'todo' },
  { ref: 'ado:105', title: 'Old sync prototype', type: 'User Story', status: 'cancelled', estimate: 3, parent: 'ado:100' },
];

describe('okr pull jira, then okr pull ado, on a plan mixing both trackers in one KR', () => {
  it('writes the live statuses, keeps the other tracker and every comment, and evaluate counts units from both (SPEC §2, §6)', async () => {
    const before = await planAt(plan.path);
    const head = plan.original.slice(0, plan.original.indexOf('\nworkItems:'));
    expect(await crmUnits(plan.path)).toEqual({ done: 3, total: 7 });

    trackers.jira.updateIssue('CS-5', { statusCategory: 'done', statusName: 'Done', resolution: 'Done' });
    const jira = await pullJira(plan.path);
    expect(jira.code, jira.stderr).toBe(0);
    expect(jira.stdout).toBe(`${plan.path}: Jira work items updated (2 added, 1 changed, 2 removed, 4 unchanged)\n`);
    expect(jira.stderr).toMatch(/^okr pull jira: 7 work items in \d+ requests$/m);
    const afterJira = await readFile(plan.path, 'utf8');
    const pulledJira = await planAt(plan.path);
    expect(ofTracker(pulledJira.workItems, 'jira')).toEqual(LIVE_JIRA);
    expect(ofTracker(pulledJira.workItems, 'ado')).toEqual(ofTracker(before.workItems, 'ado'));
    // Only the work item lines changed: the head, every comment and every ADO line are byte for byte the same.
    expect(afterJira.startsWith(`${head}\nworkItems:\n  # Jira: the CRM rollout epic\n`)).toBe(true);
    for (const line of plan.original.split('\n').filter((l) => (l.includes('"ado:') && l.startsWith('  - ')) || /^\s*#/.test(l))) {
      expect(afterJira).toContain(`${line}\n`);
    }
    expect(await crmUnits(plan.path)).toEqual({ done: 4, total: 7 });

    trackers.ado.org.update(104, { state: 'Done' });
    const ado = await pullAdo(plan.path);
    expect(ado.code, ado.stderr).toBe(0);
    expect(ado.stdout).toBe(`${plan.path}: Azure DevOps work items updated (2 added, 2 changed, 0 removed, 3 unchanged)\n`);
    expect(ado.stderr).toMatch(/^okr pull ado: 7 work items in \d+ requests \(3 WIQL, 1 batch read, \d type state lists\)$/m);
    const afterAdo = await readFile(plan.path, 'utf8');
    const pulledAdo = await planAt(plan.path);
    expect(ofTracker(pulledAdo.workItems, 'ado')).toEqual(LIVE_ADO);
    expect(ofTracker(pulledAdo.workItems, 'jira')).toEqual(LIVE_JIRA);
    expect(afterAdo.slice(0, afterAdo.indexOf('  # Azure DevOps'))).toBe(afterJira.slice(0, afterJira.indexOf('  # Azure DevOps')));
    expect(afterAdo).toContain('  - { ref: "ado:104", title: Review the merge policy, type: Task, status: done, parent: "ado:102" }  # still open\n');
    expect({ ...pulledAdo, workItems: [] }).toEqual({ ...before, workItems: [] });

    // Jira 3 of 4 units (CS-2, CS-4, CS-5 done; CS-7 not; CS-6 cancelled), Azure DevOps 3 of 3.
    const evaluated = await okr(['evaluate', plan.path, '--at', '2026-11-15', '--json']);
    const crm = (JSON.parse(evaluated.stdout) as Report).keyResults.find((k) => k.id === 'KR-CRM');
    expect(crm?.units).toEqual({ done: 6, total: 7 });
    expect(crm?.progress).toBeCloseTo(6 / 7, 12);
  });

  it('a pull with nothing new leaves the file alone', async () => {
    expect((await pullJira(plan.path)).code).toBe(0);
    const first = await stat(plan.path);
    const text = await readFile(plan.path, 'utf8');
    const again = await pullJira(plan.path);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${plan.path}: Jira work items already up to date (7 unchanged); nothing written\n`);
    expect(await readFile(plan.path, 'utf8')).toBe(text);
    expect((await stat(plan.path)).mtimeMs).toBe(first.mtimeMs);
  });
});

describe('items the credentials cannot see', () => {
  it('are named on stderr, left out of the snapshot, and then lint as unknown-work-item (SPEC §1, §3)', async () => {
    const jira = await pullJira(plan.path);
    expect(jira.stderr).toContain('1 linked work item(s) not found or not visible to these credentials, left out of the snapshot');
    expect(jira.stderr).toMatch(/: jira:HR-1\n/);
    const ado = await pullAdo(plan.path);
    expect(ado.stderr).toMatch(/not found or not visible .*: ado:200\n/);
    const refs = (await planAt(plan.path)).workItems.map((i) => i.ref);
    // HR-1 was in the old snapshot; the account cannot see it now, so it is gone.
    expect(refs).not.toContain('jira:HR-1');
    expect(refs).not.toContain('ado:200');
    const lint = await okr(['lint', plan.path, '--json']);
    expect(lint.code).toBe(1);
    const lints = JSON.parse(lint.stdout) as Report['lints'];
    expect(lints.filter((l) => l.code === 'unknown-work-item').map((l) => l.subject).sort()).toEqual(['ado:200', 'jira:HR-1']);
    // No emulator ever answered for the hidden Vault project's item.
    expect(trackers.ado.requests().some((r) => JSON.stringify(r.response).includes('Audit trail'))).toBe(false);
  });
});

describe('--dry-run', () => {
  it('prints what would change and writes nothing', async () => {
    const mtime = (await stat(plan.path)).mtimeMs;
    const run = await pullJira(plan.path, { JIRA_API_TOKEN: JIRA_USER.token }, '--email', JIRA_USER.email, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `${plan.path}: Jira work items would change (2 added, 1 changed, 2 removed, 4 unchanged); dry run, nothing written`,
      '  ~ jira:CS-6  status in-progress → cancelled',
      '  + jira:CS-5  Story, todo, estimate 2, parent jira:CS-1  "Train the support team"',
      '  + jira:CS-7  Story, todo, parent jira:CS-1  "Configure e-mail templates: welcome & renewal"',
      '  - jira:CS-9  Story, todo, parent jira:CS-1  "Deleted since"',
      '  - jira:HR-1  Epic, todo  "Confidential hiring plan"',
      '',
    ]);
    expect(await readFile(plan.path, 'utf8')).toBe(plan.original);
    expect((await stat(plan.path)).mtimeMs).toBe(mtime);
  });
});

describe('JSON plans', () => {
  it('stay JSON with their key order and indentation; only workItems changes', async () => {
    const json = await scratchPlan('mixed-plan.json');
    try {
      const run = await pullAdo(json.path);
      expect(run.code, run.stderr).toBe(0);
      const text = await readFile(json.path, 'utf8');
      const before = JSON.parse(json.original) as Record<string, unknown>;
      const after = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect({ ...after, workItems: null }).toEqual({ ...before, workItems: null });
      expect(text.startsWith('{\n  "okr": 1,\n')).toBe(true);
      expect(text.endsWith('}\n')).toBe(true);
      const pulled = await planAt(json.path);
      expect(ofTracker(pulled.workItems, 'jira')).toEqual(ofTracker((await planAt(join(fixtures, 'mixed-plan.json'))).workItems, 'jira'));
      expect(ofTracker(pulled.workItems, 'ado').map((i) => `${i.ref} ${i.status}`)).toEqual([
        'ado:100 in-progress', 'ado:101 done', 'ado:102 in-progress', 'ado:103 done', 'ado:104 todo', 'ado:300 todo', 'ado:105 cancelled',
      ]);
    } finally {
      await json.cleanup();
    }
  });
});

describe('SPEC §5: credentials and tracker failures say what to fix, and nothing is written', () => {
  it('a missing token or email: exit 2 naming the environment variable, no request made', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['ado', '--org', trackers.ado.orgUrl, '--project', ADO_PROJECT], {}, /AZURE_DEVOPS_EXT_PAT is not set/],
      [['jira', '--site', trackers.jiraUrl], { JIRA_EMAIL: JIRA_USER.email }, /JIRA_API_TOKEN is not set/],
      [['jira', '--site', trackers.jiraUrl], { JIRA_API_TOKEN: JIRA_USER.token }, /pass --email or set JIRA_EMAIL/],
    ];
    for (const [[system, ...flags], env, message] of cases) {
      const run = await okr(['pull', system as string, plan.path, ...flags], env);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    expect(trackers.ado.requests()).toEqual([]);
    expect(trackers.jira.requests).toEqual([]);
    expect(await readFile(plan.path, 'utf8')).toBe(plan.original);
  });

  it('missing flags and an unknown tracker are usage errors (exit 2)', async () => {
    for (const args of [['pull'], ['pull', 'github', plan.path], ['pull', 'ado', plan.path, '--project', ADO_PROJECT], ['pull', 'ado', plan.path, '--org', 'not a url', '--project', 'P'], ['pull', 'jira', plan.path]]) {
      const run = await okr(args, { ...adoEnv(), ...jiraEnv() });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^okr pull: .*\n\nusage:\n {2}okr pull ado PLAN/);
    }
  });

  it('an invalid plan: exit 2 with every problem, before any request', async () => {
    const bad = await scratchPlan('../invalid.yaml');
    try {
      const run = await pullAdo(bad.path);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('objectives[0].keyResults[0].tagret: unknown field');
      expect(trackers.ado.requests()).toEqual([]);
    } finally {
      await bad.cleanup();
    }
  });

  it('a wrong token: exit 3 naming what to check', async () => {
    const ado = await pullAdo(plan.path, adoEnv('expired-pat'));
    expect(ado.code).toBe(3);
    expect(ado.stderr).toContain('Azure DevOps refused the token (401');
    expect(ado.stderr).toContain('Check AZURE_DEVOPS_EXT_PAT');
    const jira = await pullJira(plan.path, jiraEnv({ JIRA_API_TOKEN: 'revoked' }));
    expect(jira.code).toBe(3);
    expect(jira.stderr).toContain('refused the credentials (401). Check JIRA_EMAIL and JIRA_API_TOKEN');
    expect(await readFile(plan.path, 'utf8')).toBe(plan.original);
  });

  it('a wrong organization, project or site: exit 3 naming the flag', async () => {
    const org = await okr(['pull', 'ado', plan.path, '--org', `${trackers.ado.url}/contoso`, '--project', ADO_PROJECT], adoEnv());
    expect(org.code).toBe(3);
    expect(org.stderr).toContain('Check --org');
    const project = await okr(['pull', 'ado', plan.path, '--org', trackers.ado.orgUrl, '--project', 'Coffee'], adoEnv());
    expect(project.code).toBe(3);
    expect(project.stderr).toContain('Check --project');
    const site = await okr(['pull', 'jira', plan.path, '--site', `${trackers.jiraUrl}/wiki`], jiraEnv());
    expect(site.code).toBe(3);
    expect(site.stderr).toContain('Check --site');
    expect(await readFile(plan.path, 'utf8')).toBe(plan.original);
  });

  it('an unreachable tracker: exit 3', async () => {
    const port = await closedPort();
    const ado = await okr(['pull', 'ado', plan.path, '--org', `http://127.0.0.1:${port}/raintown`, '--project', ADO_PROJECT], adoEnv());
    expect(ado.code).toBe(3);
    expect(ado.stderr).toContain(`Could not reach Azure DevOps at http://127.0.0.1:${port}/raintown (ECONNREFUSED)`);
    const jira = await okr(['pull', 'jira', plan.path, '--site', `http://127.0.0.1:${port}`], jiraEnv());
    expect(jira.code).toBe(3);
    expect(jira.stderr).toMatch(/Could not reach Jira at http:\/\/127\.0\.0\.1:\d+ .*Check --site/);
  });
});

describe('throttling (429 with Retry-After)', () => {
  it('Azure DevOps: waits as long as asked, then retries and succeeds', async () => {
    trackers.ado.failNext(1, { retryAfterSeconds: 2, match: (r) => /workitemsbatch$/i.test(r.path) });
    const run = await pullAdo(plan.path);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('okr pull ado: Azure DevOps asked to slow down (429); retrying in 2 s');
    // That the wait asked for is the one taken is the retry policy's own test (recorded sleeps,
    // test/contract/rate-limit.test.ts); this process-level test does not time the machine.
    const batches = trackers.ado.requests().filter((r) => /workitemsbatch$/i.test(r.path));
    expect(batches.map((r) => r.status)).toEqual([429, 200]);
    expect(ofTracker((await planAt(plan.path)).workItems, 'ado')).toHaveLength(7);
  });

  it('Jira: waits as long as asked, then retries and succeeds', async () => {
    trackers.jira.faults.rateLimitNext(1, 1);
    const run = await pullJira(plan.path);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('okr pull jira: Jira asked to slow down (429); retrying in 1 s');
    expect(trackers.jira.requests.slice(0, 2).map((r) => `${r.status} ${r.path}`)).toEqual(['429 /rest/api/3/field', '200 /rest/api/3/field']);
    expect(ofTracker((await planAt(plan.path)).workItems, 'jira')).toHaveLength(7);
  });

  it('a wait longer than allowed: exit 3 at once, asking to try later', async () => {
    trackers.ado.failNext(100, { retryAfterSeconds: 600 });
    const run = await pullAdo(plan.path);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Azure DevOps is throttling requests \(HTTP 429\).*it asked to wait 600 s more\. Try again in a few minutes/);
    // At once: the throttled request was the only one, no wait and no retry (a 600 s wait
    // would outlast the test's timeout).
    expect(trackers.ado.requests().map((r) => r.status)).toEqual([429]);
    expect(await readFile(plan.path, 'utf8')).toBe(plan.original);
  });
});

describe('SPEC §6: more than 200 Azure DevOps ids', () => {
  it('reads 458 ids in batch reads of 200, 200 and 58 and writes every item', async () => {
    for (let i = 0; i < 450; i++) {
      trackers.ado.org.add({ id: 1000 + i, type: 'Task', title: `Review rule ${i + 1}`, state: i < 100 ? 'Done' : 'To Do', parentId: 102, areaPath: 'Tea\\CRM' });
    }
    const run = await pullAdo(plan.path);
    expect(run.code, run.stderr).toBe(0);
    // Links 100, 200 (hidden) and 300, plus 455 descendants: one WIQL per level, ⌈458/200⌉ reads.
    expect(run.stderr).toMatch(/okr pull ado: 457 work items in \d+ requests \(3 WIQL, 3 batch reads, \d type state lists\)/);
    const batches = trackers.ado.requests().filter((r) => /workitemsbatch$/i.test(r.path));
    expect(batches.map((r) => (r.body as { ids: number[] }).ids.length).sort((a, b) => b - a)).toEqual([200, 200, 58]);
    const ado = ofTracker((await planAt(plan.path)).workItems, 'ado');
    expect(ado).toHaveLength(457);
    expect(new Set(ado.map((i) => i.ref)).size).toBe(457);
    expect(ado.find((i) => i.ref === 'ado:1449')).toEqual({ ref: 'ado:1449', title: 'Review rule 450', type: 'Task', status: 'todo', parent: 'ado:102' });
    // Jira stale: 2 of 4 units; Azure DevOps: 101, 103 and 100 of the new tasks done, of 3 + 450 units.
    expect(await crmUnits(plan.path)).toEqual({ done: 2 + 2 + 100, total: 4 + 453 });
  });
});

describe('the file on disk', () => {
  it('is replaced in one rename: no temporary file is left behind, and its mode is kept', async () => {
    const { chmod, readdir } = await import('node:fs/promises');
    await chmod(plan.path, 0o640);
    expect((await pullAdo(plan.path)).code).toBe(0);
    expect(await readdir(plan.dir)).toEqual(['mixed-plan.yaml']);
    expect((await stat(plan.path)).mode & 0o777).toBe(0o640);
  });

  it('a plan without workItems gets them appended, the rest untouched', async () => {
    const text = plan.original.slice(0, plan.original.indexOf('workItems:'));
    await writeFile(plan.path, text);
    const run = await pullAdo(plan.path);
    expect(run.code, run.stderr).toBe(0);
    const after = await readFile(plan.path, 'utf8');
    expect(after.startsWith(text)).toBe(true);
    expect(after.slice(text.length).split('\n')[0]).toBe('workItems:');
    // Linked items in plan order (KR-RETENTION links ado:300 first), then descendants level by level.
    expect((await planAt(plan.path)).workItems.map((i) => i.ref)).toEqual(['ado:300', 'ado:100', 'ado:101', 'ado:102', 'ado:105', 'ado:103', 'ado:104']);
  });
});
