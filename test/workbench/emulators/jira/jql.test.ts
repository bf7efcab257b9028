// The emulator's JQL subset: what it accepts, what it refuses (with Jira's kind of message),
// and how matches are found.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JiraEmulator, type RunningEmulator } from '../../../../src/workbench/emulators/jira';
import { decodeJqlString, parseJql } from '../../../../src/workbench/emulators/jira/jql';
import { ALICE, siteDataset } from './fixtures';
import { call } from './http';

let emulator: JiraEmulator;
let running: RunningEmulator;

beforeAll(async () => {
  emulator = new JiraEmulator(siteDataset());
  running = await emulator.start();
});
afterAll(() => running.close());

async function keys(jql: string, user = ALICE): Promise<string[]> {
  const res = await call<{ issues: { key: string }[] }>(running.url, 'POST', '/rest/api/3/search/jql', {
    user,
    body: { jql, fields: ['key'], maxResults: 5000 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.issues.map((i) => i.key);
}

async function refused(jql: string): Promise<string> {
  const res = await call<{ errorMessages: string[] }>(running.url, 'POST', '/rest/api/3/search/jql', { user: ALICE, body: { jql } });
  expect(res.status).toBe(400);
  return res.body.errorMessages.join(' ');
}

describe('parsing, with Atlassian\'s JQL grammar', () => {
  test('JQL string escapes are read: \\" \\\' \\\\ \\n \\uXXXX', () => {
    expect(decodeJqlString(String.raw`"say \"hi\" it\'s a\\b\n\u00e9"`)).toBe('say "hi" it\'s a\\b\né');
    expect(() => decodeJqlString(String.raw`"bad \q"`)).toThrow(/illegal JQL escape/);
    expect(parseJql('')).toBeUndefined();
  });

  test.each([
    ['nosuchfield = 1', /^Field 'nosuchfield' does not exist or you do not have permission to view it\.$/],
    ['assignee = currentUser()', /Field 'assignee' is not supported by the Jira emulator/],
    ['key > CS-1', /^The operator '>' is not supported by the 'key' field\.$/],
    ['summary = "x"', /^The operator '=' is not supported by the 'summary' field\.$/],
    ['labels ~ x', /^The operator '~' is not supported by the 'labels' field\.$/],
    ['parent in (CS-1', /^Error in the JQL Query: Expecting '\)' but got 'EOF'\. \(line 1, character 16\)$/],
    ['summary ~ "open', /^Error in the JQL Query: Missing closing quote "\. \(line 1, character 11\)$/],
    ['project = CS ORDER BY updated', /Ordering by 'updated' is not supported/],
    ['project = CS ORDER BY nosuch', /Field 'nosuch' does not exist/],
    ['summary ~ 50%', /'%' is a reserved JQL character/],
    ['key = CS-1 key = CS-2', /^Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'key'\. \(line 1, character 12\)$/],
    ['key in (and)', /'and' is a reserved JQL word/],
    ['status = Nonsense', /^The value 'Nonsense' does not exist for the field 'status'\.$/],
    ['statusCategory = Finished', /^The value 'Finished' does not exist for the field 'statusCategory'\.$/],
    ['issuetype = Saga', /^The value 'Saga' does not exist for the field 'issuetype'\.$/],
    ['priority = Urgent', /^The value 'Urgent' does not exist for the field 'priority'\.$/],
    ['resolution = Nope', /^The value 'Nope' does not exist for the field 'resolution'\.$/],
    ['cf[10016] > many', /^The value 'many' for field 'cf\[10016\]' is invalid\. Please specify a number\.$/],
    ['created > "last week"', /Date value 'last week' for field 'created' is invalid/],
    ['status was Done', /WAS and CHANGED predicates are not supported/],
    ['project in projectsWhereUserHasRole("x")', /function 'projectsWhereUserHasRole' is not supported/],
  ])('refuses %s', async (jql, message) => {
    expect(await refused(jql)).toMatch(message);
  });

  test("errors come in Jira's 400 shape: errorMessages and warningMessages", async () => {
    const res = await call<unknown>(running.url, 'POST', '/rest/api/3/search/jql', { user: ALICE, body: { jql: 'nosuchfield = 1' } });
    expect(res.body).toEqual({ errorMessages: ["Field 'nosuchfield' does not exist or you do not have permission to view it."], warningMessages: [] });
  });

  test('an unbounded query is refused, as on Jira Cloud', async () => {
    expect(await refused('ORDER BY key')).toMatch(/Unbounded JQL queries are not allowed/);
    expect(await refused('')).toMatch(/Unbounded/);
  });
});

describe('matching', () => {
  test('parent in (...) finds the children of every listed parent', async () => {
    expect(await keys('parent in (CS-3, OPS-1)')).toEqual(['CS-4', 'CS-5', 'OPS-2']);
    expect(await keys('parent = CS-3')).toEqual(['CS-4', 'CS-5']);
  });

  test('key, issuekey, issue and id all name issues; keys match in any case; unknown keys match nothing', async () => {
    expect(await keys('key in (cs-2, CS-404) OR issuekey = CS-3 OR issue = "CS-4"')).toEqual(['CS-2', 'CS-3', 'CS-4']);
  });

  test('project by key or by name; AND binds tighter than OR', async () => {
    expect(await keys('project = "Operations"')).toEqual(['OPS-1', 'OPS-2']);
    expect(await keys('project = OPS AND summary ~ backups OR key = CS-1')).toEqual(['CS-1', 'OPS-2']);
  });

  test('ORDER BY key sorts by project, then by number (CS-10 after CS-9)', async () => {
    expect(await keys('project = CS ORDER BY key ASC')).toEqual(Array.from({ length: 15 }, (_, i) => `CS-${i + 1}`));
    expect((await keys('project = CS ORDER BY key DESC'))[0]).toBe('CS-15');
  });

  test('text search: words in any case, AND-joined, prefix wildcards, phrases, stop words ignored, description searched by text only', async () => {
    expect(await keys('summary ~ "crm VENDOR"')).toEqual(['CS-2', 'SECRET-2']);
    expect(await keys('summary ~ "contact*"')).toEqual(['CS-3', 'CS-4', 'CS-5']);
    expect(await keys('summary ~ "\\"new CRM\\""')).toEqual(['CS-5']);
    expect(await keys('summary ~ "the outreach"')).toEqual(['CS-10', 'CS-11']);
    emulator.updateIssue('OPS-1', { description: 'Zero-downtime releases' });
    expect(await keys('summary ~ downtime')).toEqual([]);
    expect(await keys('text ~ downtime')).toEqual(['OPS-1']);
  });

  test('text search refuses Lucene syntax the emulator does not model, and leading wildcards', async () => {
    expect(await refused('summary ~ "crm OR vendor"')).toMatch(/Lucene operators/);
    expect(await refused('summary ~ "*vendor"')).toMatch(/start with a wildcard/);
  });
});

describe('fields the product and measured values need', () => {
  test('statusCategory by name, key or id, = and !=', async () => {
    expect(await keys('project = CS AND statusCategory = Done')).toEqual(['CS-2', 'CS-4', 'CS-6', 'CS-7', 'CS-8', 'CS-9', 'CS-10']);
    expect(await keys('project = CS AND statusCategory = "In Progress"')).toEqual(['CS-1', 'CS-3', 'CS-11', 'CS-12']);
    expect(await keys('project = CS AND statusCategory = indeterminate')).toEqual(await keys('project = CS AND statusCategory = 4'));
    expect(await keys('project = CS AND statusCategory != Done AND statusCategory != "In Progress"')).toEqual(['CS-5', 'CS-13', 'CS-14', 'CS-15']);
  });

  test('status, issuetype and type by name, in any case', async () => {
    expect(await keys('status = closed OR status = "In Review"')).toEqual(['CS-10', 'CS-11']);
    expect(await keys('project = CS AND issuetype = Bug')).toEqual(['CS-8']);
    expect(await keys('project = CS AND type in (Epic, "Sub-task")')).toEqual(['CS-1', 'CS-4', 'CS-5']);
  });

  test('resolution: a name, Unresolved, IS EMPTY; != leaves out unresolved issues, as Jira does', async () => {
    expect(await keys('resolution = "Won\'t Do"')).toEqual(['CS-6', 'CS-12']);
    expect(await keys('project = OPS AND resolution = Unresolved')).toEqual(['OPS-1', 'OPS-2']);
    expect(await keys('project = OPS AND resolution IS EMPTY')).toEqual(['OPS-1', 'OPS-2']);
    expect(await keys('project = CS AND resolution != Done')).toEqual(['CS-6', 'CS-7', 'CS-8', 'CS-9', 'CS-10', 'CS-12']);
    expect(await keys('project = CS AND resolution IS NOT EMPTY AND resolution NOT IN (Done, Fixed)')).toEqual(['CS-6', 'CS-7', 'CS-8', 'CS-9', 'CS-12']);
  });

  test('labels and priority', async () => {
    emulator.updateIssue('CS-2', { labels: ['crm', 'vendor'], priority: 'High' });
    emulator.updateIssue('CS-3', { labels: ['crm'], priority: 'Highest' });
    expect(await keys('labels = crm')).toEqual(['CS-2', 'CS-3']);
    expect(await keys('labels in (vendor, nothing)')).toEqual(['CS-2']);
    expect(await keys('project = CS AND labels is EMPTY AND priority = Medium AND key in (CS-1, CS-2, CS-4)')).toEqual(['CS-1', 'CS-4']);
    expect(await keys('project = CS AND priority in (High, Highest)')).toEqual(['CS-2', 'CS-3']);
    expect((await keys('project = CS ORDER BY priority DESC, key ASC')).slice(0, 3)).toEqual(['CS-3', 'CS-2', 'CS-1']);
  });

  test('the story point field by cf[id], by id and by name, compared as numbers; empty never matches', async () => {
    expect(await keys('cf[10016] > 3')).toEqual(['CS-3', 'CS-10']);
    expect(await keys('customfield_10016 >= 5')).toEqual(['CS-3', 'CS-10']);
    expect(await keys('"Story point estimate" <= 2')).toEqual(['CS-6', 'CS-11']);
    expect(await keys('cf[10016] = 1.5')).toEqual(['CS-11']);
    expect(await keys('project = CS AND cf[10016] is EMPTY AND issuetype = Epic')).toEqual(['CS-1']);
    expect(await keys('"Story Points" >= 1')).toEqual([]);
  });

  test('NOT, NOT IN, != and parentheses', async () => {
    expect(await keys('parent = CS-3 AND NOT key = CS-4')).toEqual(['CS-5']);
    expect(await keys('project = OPS AND key NOT IN (OPS-1)')).toEqual(['OPS-2']);
    expect(await keys('project != CS AND (parent is EMPTY OR parent = OPS-1)')).toEqual(['OPS-1', 'OPS-2', 'SECRET-2']);
    expect(await keys('parent in (CS-3) OR NOT (project = CS OR project = SECRET)')).toEqual(['CS-4', 'CS-5', 'OPS-1', 'OPS-2']);
  });

  test('the Epic Link field names the epic of an issue whose parent is an epic', async () => {
    expect(await keys('"Epic Link" = OPS-1')).toEqual(['OPS-2']);
    expect(await keys('cf[10014] = CS-3')).toEqual([]);
  });

  test('ORDER BY created and rank (creation order), key as the last tie-break', async () => {
    emulator.updateIssue('OPS-2', { created: '2020-01-01T00:00:00Z' });
    expect(await keys('project = OPS ORDER BY created ASC')).toEqual(['OPS-2', 'OPS-1']);
    expect(await keys('project = OPS ORDER BY created DESC')).toEqual(['OPS-1', 'OPS-2']);
    expect(await keys('project = OPS AND created < "2021-01-01"')).toEqual(['OPS-2']);
    expect(await keys('project = OPS ORDER BY rank')).toEqual(['OPS-1', 'OPS-2']);
  });
});
