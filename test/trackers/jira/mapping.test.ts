// SPEC §6: Jira issues become core work items: status category and resolution decide the
// status, the story point field the estimate, the `parent` field the parent.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WorkItem } from '../../../src/core/model/work-item';
import { mappingConfig } from '../../../src/trackers/jira/config';
import { mapIssue } from '../../../src/trackers/jira/map-issue';
import { ALICE, siteDataset } from '../../workbench/emulators/jira/fixtures';
import { startSite, viewer, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite(siteDataset());
});
afterAll(() => site.running.close());

async function items(keys: string[], options = {}): Promise<Map<string, WorkItem>> {
  const { source } = viewer(site, ALICE, options);
  const { items: found, missing } = await source.getItems(keys.map((k) => `jira:${k}`));
  expect(missing).toEqual([]);
  return new Map(found.map((i) => [i.ref.slice('jira:'.length), i]));
}

describe('SPEC §6 status mapping, over HTTP', () => {
  test.each([
    ['CS-5', 'todo', 'status category new'],
    ['CS-3', 'in-progress', 'status category indeterminate'],
    ['CS-11', 'in-progress', 'indeterminate under another status name (In Review)'],
    ['CS-2', 'done', 'done, resolution Done'],
    ['CS-10', 'done', 'done under status Closed, resolution Fixed (not in the cancelled set)'],
    ['CS-6', 'cancelled', "done, resolution Won't Do"],
    ['CS-7', 'cancelled', 'done, resolution Duplicate'],
    ['CS-8', 'cancelled', 'done, resolution Cannot Reproduce'],
    ['CS-9', 'cancelled', 'done, resolution Declined'],
    ['CS-12', 'in-progress', "a cancelling resolution on an issue that is not done does not cancel it"],
    ['CS-13', 'todo', "Jira's 'No Category' (key undefined) counts as to do"],
  ])('%s → %s (%s)', async (key, status) => {
    expect((await items([key])).get(key)?.status).toBe(status);
  });

  test('the cancelled set is configurable; names compare ignoring case', async () => {
    const custom = await items(['CS-6', 'CS-10'], { cancelledResolutions: ['fixed'] });
    expect(custom.get('CS-6')?.status).toBe('done');
    expect(custom.get('CS-10')?.status).toBe('cancelled');
  });
});

describe('SPEC §6 fields, over HTTP', () => {
  test('title, type, estimate from the configured story point field, parent as a ref', async () => {
    const found = await items(['CS-1', 'CS-2', 'CS-4', 'CS-5', 'CS-11']);
    expect(found.get('CS-2')).toEqual({ ref: 'jira:CS-2', title: 'Pick a CRM vendor', type: 'Story', status: 'done', estimate: 3, parent: 'jira:CS-1' });
    expect(found.get('CS-11')?.estimate).toBe(1.5);
    expect(found.get('CS-4')).toEqual({ ref: 'jira:CS-4', title: 'Export old contacts', type: 'Sub-task', status: 'done', parent: 'jira:CS-3' });
    expect(found.get('CS-5')).not.toHaveProperty('estimate');
    expect(found.get('CS-1')).toEqual({ ref: 'jira:CS-1', title: 'CRM rollout', type: 'Epic', status: 'in-progress' });
  });

  test('parent chains: sub-task → story → epic, each step read as its own item', async () => {
    const { source } = viewer(site, ALICE);
    const chain: string[] = [];
    let ref: string | undefined = 'jira:CS-4';
    while (ref) {
      chain.push(ref);
      const { items: found }: { items: WorkItem[] } = await source.getItems([ref]);
      ref = found[0]?.parent;
    }
    expect(chain).toEqual(['jira:CS-4', 'jira:CS-3', 'jira:CS-1']);
  });

  test('without a story point field, nothing has an estimate', async () => {
    const found = await items(['CS-2'], { storyPointFields: [] });
    expect(found.get('CS-2')).not.toHaveProperty('estimate');
  });
});

describe('mapIssue on odd JSON', () => {
  const config = mappingConfig({ storyPointFields: ['customfield_10026', 'customfield_10016'] });

  test('the first story point field with a number wins; non-numbers are ignored', () => {
    const issue = (fields: Record<string, unknown>) => mapIssue({ key: 'A-1', fields: { status: { statusCategory: { key: 'new' } }, ...fields } }, config);
    expect(issue({ customfield_10026: null, customfield_10016: 5 })?.estimate).toBe(5);
    expect(issue({ customfield_10026: 2, customfield_10016: 5 })?.estimate).toBe(2);
    expect(issue({ customfield_10026: '8', customfield_10016: null })).not.toHaveProperty('estimate');
  });

  test('an issue without a key is skipped; one without a status is not guessed to be to do', () => {
    expect(mapIssue({ id: '10001' }, config)).toBeUndefined();
    expect(mapIssue({ key: 'A-1', fields: { status: { statusCategory: { key: 'new' } } } }, config)).toEqual({ ref: 'jira:A-1', status: 'todo' });
    expect(() => mapIssue({ key: 'A-1' }, config)).toThrow(/without a status category.*"\(no status\)" \(A-1\)/);
  });

  test('field ids are checked when configured', () => {
    expect(() => mappingConfig({ storyPointFields: ['customfield_1, summary'] })).toThrow(/not a Jira field id/);
  });
});
