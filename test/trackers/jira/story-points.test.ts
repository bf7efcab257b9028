// Story point field ids differ per site; they are found by name in GET /rest/api/3/field.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { discoverSiteFields, discoverStoryPointFields, fetchJiraRequest, JiraWorkItemSource } from '../../../src/trackers/jira';
import { BOB, siteDataset } from '../../workbench/emulators/jira/fixtures';
import { contractChecked } from './contract-checked-request';
import { startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite({ ...siteDataset(), storyPointField: { id: 'customfield_10042', name: 'Story point estimate' } });
});
afterAll(() => site.running.close());

test('finds the number fields named Story Points and Story point estimate, in that order, and ignores a text field of the same name', async () => {
  const request = contractChecked(fetchJiraRequest(site.running.url, BOB));
  expect(await discoverStoryPointFields(request)).toEqual(['customfield_10026', 'customfield_10042']);
  expect(await discoverStoryPointFields(request, ['Story point estimate'])).toEqual(['customfield_10042']);
  // No field is named Effort, but Jira Software's own story point field is known by its type.
  expect(await discoverStoryPointFields(request, ['Effort'])).toEqual(['customfield_10042']);
});

test('a renamed story point field is still found by its type (jsw-story-points); the Epic Link field by gh-epic-link', async () => {
  const renamed = await startSite({ ...siteDataset(), storyPointField: { id: 'customfield_10077', name: 'Estimate (pts)' } });
  try {
    const request = contractChecked(fetchJiraRequest(renamed.running.url, BOB));
    expect(await discoverSiteFields(request)).toEqual({ storyPointFields: ['customfield_10026', 'customfield_10077'], epicLinkFields: ['customfield_10014'] });
  } finally {
    await renamed.running.close();
  }
});

test('the discovered ids feed the mapping: estimates come from the site’s own field', async () => {
  const request = contractChecked(fetchJiraRequest(site.running.url, BOB));
  const source = new JiraWorkItemSource({ request, storyPointFields: await discoverStoryPointFields(request) });
  const { items } = await source.getItems(['jira:CS-2']);
  expect(items[0]?.estimate).toBe(3);
});
