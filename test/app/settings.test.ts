// The admin's tracker settings (Forge admin page): defaults from SPEC §6, the story point field
// chosen among the site's number fields, optimistic concurrency, and independence from the plan.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { readTrackerSettings, type RawTrackerField } from '../../src/app/tracker-settings';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { FakeWorkItemSource } from './fake-work-item-source';
import { DEMO, DEMO_TEXT, TODAY } from './harness';

const SITE_FIELDS: RawTrackerField[] = [
  { id: 'summary', name: 'Summary', custom: false, schemaType: 'string' },
  { id: 'customfield_10026', name: 'Story point estimate', custom: true, schemaType: 'number' },
  { id: 'customfield_10016', name: 'Story Points', custom: true, schemaType: 'number' },
  { id: 'customfield_10050', name: 'Business value', custom: true, schemaType: 'number' },
  { id: 'timeoriginalestimate', name: 'Original estimate', custom: false, schemaType: 'number' },
  { id: 'customfield_10099', name: 'Team', custom: true, schemaType: 'option' },
];

function app(fields?: RawTrackerField[]) {
  const store = new MemoryDocumentStore({ maxPageSize: 20 });
  const built = createApp({
    store,
    source: new FakeWorkItemSource(DEMO.workItems, []),
    today: () => TODAY,
    ...(fields ? { fields: () => Promise.resolve(fields) } : {}),
  });
  return { app: built, store };
}

describe('tracker settings', () => {
  it('start from the SPEC §6 defaults, with no version yet', async () => {
    const { app: a } = app();
    expect(await a.call('getSettings', {})).toEqual({
      settings: { storyPointFields: [], cancelledResolutions: ["Won't Do", 'Duplicate', 'Cannot Reproduce', 'Declined'] },
      version: null,
    });
  });

  it('list the number fields of the site, story point fields first', async () => {
    const { app: a } = app(SITE_FIELDS);
    const fields = await a.call('listJiraFields', {});
    expect(fields.map((f) => f.id)).toEqual(['customfield_10026', 'customfield_10016', 'customfield_10050', 'timeoriginalestimate']);
    expect(fields.filter((f) => f.suggested).map((f) => f.name)).toEqual(['Story point estimate', 'Story Points']);
    expect(fields.find((f) => f.id === 'timeoriginalestimate')?.custom).toBe(false);
  });

  it('list no fields where the host has no field list', async () => {
    expect(await app().app.call('listJiraFields', {})).toEqual([]);
  });

  it('save a chosen field and resolutions, read back the same, and a stale save is a conflict', async () => {
    const { app: a, store } = app(SITE_FIELDS);
    const first = await a.call('saveSettings', { settings: { storyPointFields: ['customfield_10016'], cancelledResolutions: [" Won't Fix ", 'Duplicate'] }, expected: null });
    expect(first.settings).toEqual({ storyPointFields: ['customfield_10016'], cancelledResolutions: ["Won't Fix", 'Duplicate'] });
    expect(await a.call('getSettings', {})).toEqual(first);
    expect(await readTrackerSettings(store)).toEqual(first);

    const second = await a.call('saveSettings', { settings: { storyPointFields: ['customfield_10026', 'customfield_10016'], cancelledResolutions: [] }, expected: first.version });
    expect(second.version).not.toBe(first.version);
    const stale = await a.handle('saveSettings', { settings: { storyPointFields: [], cancelledResolutions: [] }, expected: first.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await a.call('getSettings', {})).toEqual(second);
  });

  it('refuse a field the site does not have or that holds no number, and bad input, listing every problem', async () => {
    const { app: a } = app(SITE_FIELDS);
    const answer = await a.handle('saveSettings', {
      settings: { storyPointFields: ['customfield_10099', 'customfield_404', 'customfield_10016', 'customfield_10016'], cancelledResolutions: ['Duplicate', 'duplicate', ' '] },
      expected: null,
    });
    expect(answer.ok).toBe(false);
    const problems = answer.ok ? [] : answer.error.problems ?? [];
    expect(problems.map((p) => p.path)).toEqual(['settings.cancelledResolutions[2]']);
    const shapeOk = await a.handle('saveSettings', {
      settings: { storyPointFields: ['customfield_10099', 'customfield_404', 'customfield_10016', 'customfield_10016'], cancelledResolutions: ['Duplicate', 'duplicate'] },
      expected: null,
    });
    expect(shapeOk.ok ? [] : shapeOk.error.problems).toEqual([
      { path: 'settings.storyPointFields[3]', message: 'customfield_10016 is listed twice' },
      { path: 'settings.storyPointFields[0]', message: 'customfield_10099 is not a number field of this site' },
      { path: 'settings.storyPointFields[1]', message: 'customfield_404 is not a number field of this site' },
      { path: 'settings.cancelledResolutions[1]', message: '"duplicate" is listed twice' },
    ]);
    const notAnId = await a.handle('saveSettings', { settings: { storyPointFields: ['Story Points'], cancelledResolutions: [] }, expected: null, extra: 1 });
    expect(notAnId.ok ? [] : notAnId.error.problems?.map((p) => p.path)).toEqual(['settings.storyPointFields[0]', 'extra']);
    expect((await a.call('getSettings', {})).version).toBeNull();
  });

  it('accept any well-formed field id where the host cannot list fields', async () => {
    const { app: a } = app();
    const saved = await a.call('saveSettings', { settings: { storyPointFields: ['customfield_12345'], cancelledResolutions: [] }, expected: null });
    expect(saved.settings.storyPointFields).toEqual(['customfield_12345']);
  });

  it('survive importing a plan file, which replaces only what the plan owns', async () => {
    const { app: a } = app(SITE_FIELDS);
    const saved = await a.call('saveSettings', { settings: { storyPointFields: ['customfield_10016'], cancelledResolutions: ['Declined'] }, expected: null });
    await a.call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
    expect(await a.call('getSettings', {})).toEqual(saved);
    const exported = await a.call('exportPlan', { format: 'yaml' });
    expect(exported.text).not.toContain('customfield_10016');
  });
});
