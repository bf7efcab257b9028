// The extension's host wiring that can be checked without a browser: the in-process client's
// errors, the data manager's token refresh, the Jira snapshot source, form events, widget
// settings and the colour mode read from the host theme.
import { describe, expect, it } from 'vitest';
import type { IExtensionDataManager } from 'azure-devops-extension-api/Common';
import { colorModeOf, luminance } from '../../src/ado/host/color-mode';
import { refreshingDataManager } from '../../src/ado/host/data-manager';
import { inProcessClient } from '../../src/ado/host/in-process-client';
import { StoredSnapshotSource } from '../../src/ado/host/snapshot-source';
import { linesThatFit } from '../../src/ado/okr-widget/WidgetView';
import { parseSettings, serializeSettings } from '../../src/ado/okr-widget/widget-settings';
import { FormEvents, type FormChange } from '../../src/ado/work-item-form-group/form-events';
import { createApp } from '../../src/app/create-app';
import { wholeScopeHistory } from '../../src/app/history';
import { localActor } from '../../src/app/local-actor';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { ApiError } from '../../src/ui/client/api-error';
import { DEMO, DEMO_TEXT, TODAY } from '../app/harness';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { ExtensionDataServiceError, FakeExtensionDataManager } from '../fakes/ado-extension-data';

describe('in-process ApiClient', () => {
  it('answers like the other hosts: data, or ApiError with the envelope code and problems', async () => {
    const store = new MemoryDocumentStore();
    const source = new FakeWorkItemSource(DEMO.workItems);
    const app = createApp({ store, source, actor: localActor('maria', source), history: wholeScopeHistory(store), today: () => TODAY });
    const api = inProcessClient(app);
    expect(await api('importPlan', { text: DEMO_TEXT, format: 'yaml' })).toMatchObject({ objectives: DEMO.objectives.length });
    const invalid = await api('checkIn', { kr: 'KR-RETENTION', value: Number.NaN }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid).toMatchObject({ code: 'invalid-input' });
    const missing = await api('getKeyResult', { kr: 'KR-NOPE' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not-found' });
    const objective = (await api('getBoard', {})).teams.flatMap((t) => t.objectives)[0];
    if (!objective) throw new Error('the demo has objectives');
    const stale = await api('deleteObjective', { id: objective.id, expected: 'not-the-version' }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'conflict' });
  });
});

describe('refreshingDataManager', () => {
  it('asks for a manager with a fresh token once when the service answers 401, and retries the call', async () => {
    const data = new FakeExtensionDataManager();
    await data.createDocument('c', { id: 'a', n: 1 });
    let connects = 0;
    const expired = { ...data, getDocument: () => Promise.reject(new ExtensionDataServiceError(401, 'UnauthorizedRequestException', 'token expired')) } as unknown as IExtensionDataManager;
    const manager = refreshingDataManager(() => Promise.resolve(++connects === 1 ? expired : data));
    const [a, b] = (await Promise.all([manager.getDocument('c', 'a'), manager.getDocument('c', 'a')])) as unknown[];
    expect(a).toMatchObject({ n: 1 });
    expect(b).toMatchObject({ n: 1 });
    expect(connects).toBe(2);
    // Other failures are not retried.
    await expect(manager.getDocument('c', 'zz')).rejects.toMatchObject({ status: 404 });
    expect(connects).toBe(2);
  });

  it('connects again after a failed connection', async () => {
    let attempts = 0;
    const data = new FakeExtensionDataManager();
    const manager = refreshingDataManager(() => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(data)));
    await expect(manager.getDocuments('c')).rejects.toThrow('offline');
    await expect(manager.getDocuments('c')).rejects.toMatchObject({ status: 404 });
    expect(attempts).toBe(2);
  });
});

describe('StoredSnapshotSource (Jira links seen from Azure DevOps)', () => {
  it("reads the plan's stored Jira items: items, descendants through parents, search; ADO refs are not its own", async () => {
    const store = new MemoryDocumentStore();
    const all = new FakeWorkItemSource(DEMO.workItems);
    await createApp({ store, source: all, actor: localActor('maria', all), history: wholeScopeHistory(store), today: () => TODAY }).call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
    const source = new StoredSnapshotSource(store, 'jira');
    const jira = DEMO.workItems.filter((w) => w.ref.startsWith('jira:'));
    const root = jira.find((w) => w.parent === undefined && jira.some((c) => c.parent === w.ref));
    if (!root) throw new Error('the demo has a Jira epic with children');
    const read = await source.getItems([root.ref, 'jira:NOPE-1', 'ado:101']);
    expect(read.items).toEqual([root]);
    expect(read.missing).toEqual(['jira:NOPE-1', 'ado:101']);
    const below = await source.getDescendants([root.ref]);
    // Everything whose chain of parents reaches the root.
    const reaches = (ref: string | undefined): boolean => ref !== undefined && (ref === root.ref || reaches(jira.find((w) => w.ref === ref)?.parent));
    const expected = new Set(jira.filter((w) => reaches(w.parent)).map((w) => w.ref));
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(below.map((w) => w.ref))).toEqual(expected);
    expect(below.length).toBe(expected.size);
    expect((await source.search(root.title ?? root.ref, 5)).map((w) => w.ref)).toContain(root.ref);
  });
});

describe('FormEvents', () => {
  it('hands a late subscriber the latest change, and maps each form notification', () => {
    const events = new FormEvents();
    const listener = events.listener();
    listener.onLoaded({ id: 7, isNew: false, isReadOnly: false });
    listener.onSaved({ id: 8 });
    const seen: FormChange[] = [];
    const stop = events.subscribe((c) => seen.push(c));
    listener.onRefreshed({ id: 8 });
    listener.onFieldChanged({ id: 8, changedFields: { 'System.Title': 'x' } });
    listener.onReset({ id: 8 });
    listener.onUnloaded({ id: 8 });
    stop();
    listener.onLoaded({ id: 9, isNew: true, isReadOnly: false });
    expect(seen).toEqual([
      { kind: 'open', id: 8, isNew: false, reason: 'saved' },
      { kind: 'open', id: 8, isNew: false, reason: 'refreshed' },
      { kind: 'closed' },
    ]);
  });
});

describe('widget settings and sizing', () => {
  it('reads what it wrote, and falls back to KPI health for anything else', () => {
    for (const s of [{ show: 'kpis' }, { show: 'kpis', team: 'sales' }, { show: 'objective', objective: 'O1' }, { show: 'objective' }] as const) {
      expect(parseSettings(serializeSettings(s).data)).toEqual(s);
    }
    for (const junk of [undefined, null, '', 'not json', '42', '{"show":"pie"}', '{"show":"kpis","team":7}']) expect(parseSettings(junk)).toEqual({ show: 'kpis' });
  });

  it('fits more lines in taller tiles', () => {
    expect(linesThatFit(2, 112, 42)).toBe(5);
    expect(linesThatFit(3, 112, 42)).toBe(9);
    expect(linesThatFit(1, 500, 42)).toBe(1);
  });
});

describe('colour mode from the host theme', () => {
  it('is dark on a dark background and light otherwise (unset or unreadable included)', () => {
    expect(colorModeOf('rgba(32, 31, 30, 1)')).toBe('dark');
    expect(colorModeOf('#1b1a19')).toBe('dark');
    expect(colorModeOf('rgba(255, 255, 255, 1)')).toBe('light');
    expect(colorModeOf(' #ffffff ')).toBe('light');
    expect(colorModeOf('')).toBe('light');
    expect(colorModeOf('var(--x)')).toBe('light');
    expect(luminance('#000000')).toBe(0);
    expect(luminance('rgb(255,255,255)')).toBeCloseTo(1);
  });
});
