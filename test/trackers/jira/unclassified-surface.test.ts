// A status Jira sent without a category, that the site's status list cannot place either, is not
// guessed: the error names it, and reaches `okr pull` and the issue panel as that message.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createApp } from '../../../src/app/create-app';
import { localApp } from '../../app/actors';
import { FakeWorkItemSource } from '../../app/fake-work-item-source';
import { describeTrackerError } from '../../../src/cli/pull/tracker-errors';
import { JiraUnclassifiedStatusError, JiraWorkItemSource, type JiraRequest } from '../../../src/trackers/jira';
import { MemoryDocumentStore } from '../../../src/stores/memory-document-store';
import { day } from '../../builders';

const trimmed = JSON.parse(readFileSync(new URL('../../fixtures/recorded/jira/jiracli-search-trimmed.json', import.meta.url), 'utf8')) as { issues: unknown[] };

/** A site whose answers carry no status category and whose status list knows only "To Do". */
const request: JiraRequest = (path, init) => {
  const route = `${init.method} ${path.split('?')[0] ?? ''}`;
  const body =
    route === 'GET /rest/api/3/status'
      ? [{ id: '1', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' } }]
      : route === 'POST /rest/api/3/issue/bulkfetch'
        ? { issues: trimmed.issues, issueErrors: [] }
        : { issues: trimmed.issues, isLast: true };
  const text = JSON.stringify(body);
  return Promise.resolve({ status: 200, headers: { get: () => null }, text: () => Promise.resolve(text), json: () => Promise.resolve(body) });
};

const PLAN = `okr: 1
periods: [{ id: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }]
teams: [{ id: eng, name: Engineering }]
objectives:
  - id: O-1
    title: Ship the thing
    team: eng
    period: 2026-Q4
    keyResults:
      - { id: KR-1, title: Build it, type: effort, links: ["jira:TEST-1"] }
`;

test('the panel answers with the message naming the statuses, not a progress made of guesses', async () => {
  const source = new JiraWorkItemSource({ request, epicLinkFields: [] });
  const store = new MemoryDocumentStore();
  const app = createApp({ store, source, ...localApp(), today: () => day('2026-11-15') });
  // Importing reads the links as the importer, so it is refused with the same words...
  const refused = await app.handle('importPlan', { text: PLAN, format: 'yaml' });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toMatch(/statuses without a status category/);
  // ...and a plan stored before the statuses lost their category shows them on the panel.
  const seeded = createApp({ store, source: new FakeWorkItemSource([{ ref: 'jira:TEST-1', status: 'in-progress' }]), ...localApp(), today: () => day('2026-11-15') });
  expect((await seeded.handle('importPlan', { text: PLAN, format: 'yaml' })).ok).toBe(true);
  const panel = await app.handle('getPanel', { ref: 'jira:TEST-1' });
  expect(panel.ok).toBe(false);
  // Not "something went wrong on our side": the tracker's data, named, for someone to fix there.
  if (!panel.ok) expect(panel.error.code).toBe('tracker-data');
  if (!panel.ok) expect(panel.error.message).toMatch(/statuses without a status category.*"In Progress" \(TEST-2\).*"Done" \(TEST-3\)/);
});

test('okr pull prints the same words', async () => {
  const error = await new JiraWorkItemSource({ request, epicLinkFields: [] }).getDescendants(['jira:TEST-100']).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(JiraUnclassifiedStatusError);
  const said = describeTrackerError(error, { system: 'jira', siteUrl: 'https://rain.atlassian.net', emailFrom: 'JIRA_EMAIL' });
  expect(said).toMatch(/^Jira sent statuses without a status category.*"In Progress" \(TEST-2\), "Done" \(TEST-3\)\. Harmony will not guess/);
});
