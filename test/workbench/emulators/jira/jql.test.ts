// The emulator's JQL subset: what it accepts, what it refuses (with Jira's kind of message),
// and how matches are found.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JiraEmulator, type RunningEmulator } from '../../../../src/workbench/emulators/jira';
import { JqlError, parseJql } from '../../../../src/workbench/emulators/jira/jql-parser';
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

describe('parsing', () => {
  test('the supported forms parse into a tree', () => {
    expect(parseJql('parent in (CS-1, "CS-3") AND (project = cs OR summary ~ "crm*") ORDER BY key DESC')).toEqual({
      where: {
        kind: 'and',
        parts: [
          { kind: 'in', field: 'parent', values: ['CS-1', 'CS-3'] },
          { kind: 'or', parts: [{ kind: 'in', field: 'project', values: ['cs'] }, { kind: 'contains', field: 'summary', value: 'crm*' }] },
        ],
      },
      orderBy: [{ field: 'key', direction: 'desc' }],
    });
  });

  test('JQL string escapes are read: \\" \\\' \\\\ \\n \\uXXXX', () => {
    const q = parseJql(String.raw`summary ~ "say \"hi\" it\'s a\\b\n\u00e9"`);
    expect(q.where).toEqual({ kind: 'contains', field: 'summary', value: 'say "hi" it\'s a\\b\né' });
    expect(() => parseJql(String.raw`summary ~ "bad \q"`)).toThrow(/illegal JQL escape/);
  });

  test.each([
    ['status = Done', /not supported by the Jira emulator/],
    ['nosuchfield = 1', /Field 'nosuchfield' does not exist/],
    ['key > CS-1', /operator '>' is not supported by the 'key' field/],
    ['summary = "x"', /operator '=' is not supported by the 'summary' field/],
    ['NOT key = CS-1', /NOT operator is not supported/],
    ['parent in (CS-1', /Expecting '\)'/],
    ['summary ~ "open', /Missing closing quote/],
    ['project = CS ORDER BY created', /Ordering by 'created' is not supported/],
    ['summary ~ 50%', /'%' is a reserved JQL character/],
    ['key = CS-1 key = CS-2', /Expecting either 'OR' or 'AND'/],
    ['key in (and)', /reserved JQL word/],
  ])('refuses %s', async (jql, message) => {
    expect(await refused(jql)).toMatch(message);
    expect(() => parseJql(jql)).toThrow(JqlError);
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
