// Issue 10 §2 in the app: check-ins and readings with their author and an audit trail, corrected
// and deleted by their author, an owner or an editor; far-out values confirmed; My key results;
// the digest's settings kept from non-admins; the KPI readout's overdue mark; checkInDays stored.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/permissions';
import { C } from '../../src/app/collections';
import { createApp } from '../../src/app/create-app';
import { listAll } from '../../src/app/list-all';
import { ADMIN, EDITOR, fakeActor, OWNER, VIEWER } from './actors';
import { DEMO, dumpStore, harness, type Harness } from './harness';
import { toIsoDate } from '../../src/core';

/** Another person calling the same app data. */
const as = (h: Harness, actor: Actor) => createApp({ store: h.store, source: h.source, actor, history: { record: () => Promise.resolve() }, today: () => h.clock.today });
const checkInsOf = async (h: Harness, kr: string) => listAll<{ at: string; value: number; by?: string }>(h.store, C.checkIns, { index: 'kr', value: kr });

describe('a check-in records its author', () => {
  it('the caller, on the entry itself; the trail starts empty', async () => {
    const h = await harness({ actor: OWNER() });
    await h.call('checkIn', { kr: 'KR-HEALTHY', value: 43, note: 'new model' });
    const latest = (await checkInsOf(h, 'KR-HEALTHY')).at(-1);
    expect(latest?.value).toMatchObject({ value: 43, by: 'jon', at: '2026-11-15' });
    const detail = await h.call('getKeyResult', { kr: 'KR-HEALTHY' });
    expect(detail.revisions).toEqual([]);
    expect(detail.checkIns.at(-1)).toMatchObject({ id: latest?.id, version: latest?.version, by: 'jon' });
  });
});

describe('a value far outside the range asks for confirmation', () => {
  it('-5 on a % KR going 40 → 48 is refused naming `confirm`, and nothing is stored', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const error = await h.fail('checkIn', { kr: 'KR-HEALTHY', value: -5 });
    expect(error).toMatchObject({ code: 'invalid-input', problems: [{ path: 'confirm', message: '-5 is far outside this key result\'s range (40–48): check the value, or confirm to save it anyway' }] });
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('confirmed, it is saved', async () => {
    const h = await harness();
    expect((await h.call('checkIn', { kr: 'KR-HEALTHY', value: -5, confirm: true })).type).toBe('outcome');
    expect((await checkInsOf(h, 'KR-HEALTHY')).at(-1)?.value.value).toBe(-5);
  });

  it('a KPI reading far from its target, threshold and latest reading too', async () => {
    const h = await harness();
    expect(await h.fail('recordReading', { kpi: 'churn', value: 980 })).toMatchObject({ problems: [{ path: 'confirm' }] });
    await h.call('recordReading', { kpi: 'churn', value: 8.1 });
  });
});

describe('correcting and deleting a check-in', () => {
  it('the KR owner corrects an editor\'s check-in: the value changes, the author stays, the trail says who and what it was', async () => {
    const h = await harness({ actor: EDITOR() });
    await h.call('checkIn', { kr: 'KR-HEALTHY', value: 44 });
    const entry = (await checkInsOf(h, 'KR-HEALTHY')).at(-1);
    if (!entry) throw new Error('no check-in');
    h.clock.today = toIsoDate('2026-11-16');
    const kr = await as(h, OWNER()).call('correctCheckIn', { id: entry.id, value: 45, at: toIsoDate('2026-11-15'), note: 'typo', expected: entry.version });
    expect(kr).toMatchObject({ current: 45 });
    expect((await h.store.get(C.checkIns, entry.id))?.value).toMatchObject({ value: 45, by: 'ed', note: 'typo' });
    const { revisions } = await h.call('getKeyResult', { kr: 'KR-HEALTHY' });
    expect(revisions?.at(-1)).toEqual({
      kind: 'check-in', subject: 'KR-HEALTHY', entry: entry.id, action: 'corrected', by: 'jon', on: '2026-11-16',
      before: { at: '2026-11-15', value: 44 }, after: { at: '2026-11-15', value: 45, note: 'typo' },
    });
  });

  it('a correction against a stale version is a conflict and writes nothing', async () => {
    const h = await harness();
    const [first] = await checkInsOf(h, 'KR-HEALTHY');
    if (!first) throw new Error('no check-in');
    await h.call('correctCheckIn', { id: first.id, value: 41.5, at: toIsoDate(first.value.at), expected: first.version });
    const before = await dumpStore(h.store);
    expect((await h.fail('correctCheckIn', { id: first.id, value: 41.7, at: first.value.at, expected: first.version })).code).toBe('conflict');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('deleted: gone from the values, the KR falls back to the one before, the trail keeps what it was', async () => {
    const h = await harness();
    const entries = await checkInsOf(h, 'KR-HEALTHY');
    const last = entries.at(-1);
    if (!last) throw new Error('no check-in');
    const kr = await h.call('deleteCheckIn', { id: last.id, expected: last.version });
    expect(kr).toMatchObject({ current: 41 });
    const detail = await h.call('getKeyResult', { kr: 'KR-HEALTHY' });
    expect(detail.checkIns.map((c) => c.value)).toEqual([41]);
    expect(detail.revisions?.at(-1)).toMatchObject({ action: 'deleted', entry: last.id, by: 'ada', before: { at: '2026-11-14', value: 42 } });
    expect(detail.revisions?.at(-1)).not.toHaveProperty('after');
  });

  it('its author may correct it after losing every role; someone else without a role may not', async () => {
    const h = await harness();
    // vic once checked in (say, as the owner then); today vic is a plain viewer.
    await h.store.put(C.checkIns, 'KR-HEALTHY#000009-vic', { at: '2026-11-10', value: 41, by: 'vic', kr: 'KR-HEALTHY' }, { expected: null, indexes: { kr: 'KR-HEALTHY' } });
    const doc = await h.store.get(C.checkIns, 'KR-HEALTHY#000009-vic');
    await as(h, VIEWER()).call('correctCheckIn', { id: 'KR-HEALTHY#000009-vic', value: 41.5, at: toIsoDate('2026-11-10'), expected: doc?.version ?? '' });
    const now = await h.store.get(C.checkIns, 'KR-HEALTHY#000009-vic');
    const other = await as(h, fakeActor({ id: 'zoe' })).handle('deleteCheckIn', { id: 'KR-HEALTHY#000009-vic', expected: now?.version ?? '' });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/deleteCheckIn needs the editor role, or to have made this check-in, or to own its key result/) as unknown } });
  });
});

describe('correcting and deleting a KPI reading', () => {
  it('through getReadings, with the trail; the plan export carries no reading authors', async () => {
    const h = await harness();
    await h.call('recordReading', { kpi: 'churn', value: 8.4 });
    const view = await h.call('getReadings', { kpi: 'churn' });
    const mine = view.readings.find((r) => r.by === 'ada');
    if (!mine) throw new Error('no reading by ada');
    const report = await h.call('correctReading', { id: mine.id, value: 8.2, at: mine.at, expected: mine.version });
    expect(report.value).toBe(8.2);
    await h.call('deleteReading', { id: mine.id, expected: (await h.call('getReadings', { kpi: 'churn' })).readings.find((r) => r.id === mine.id)?.version ?? '' });
    const after = await h.call('getReadings', { kpi: 'churn' });
    expect(after.readings.some((r) => r.id === mine.id)).toBe(false);
    expect(after.revisions.map((r) => r.action)).toEqual(['corrected', 'deleted']);
    const exported = await h.exported();
    expect(JSON.stringify(exported.kpis)).not.toContain('"by"');
  });
});

describe('My key results', () => {
  it('what jon owns in running periods, overdue first, then by status; his KPIs with their overdue mark', async () => {
    const h = await harness({ actor: OWNER() });
    const mine = await h.call('getMyKeyResults', {});
    const owned = DEMO.objectives.filter((o) => o.period === '2026-Q4').flatMap((o) => o.keyResults.filter((k) => k.owner === 'jon').map((k) => k.id));
    expect(mine.keyResults.map((k) => k.kr.id).sort()).toEqual([...owned].sort());
    const overdue = mine.keyResults.filter((k) => k.needsUpdate);
    expect(mine.keyResults.slice(0, overdue.length)).toEqual(overdue);
    for (const k of mine.keyResults) expect(k.kr.owner).toBe('jon');
    expect(mine.kpis.map((k) => k.kpi.id)).toEqual(['churn']);
  });

  it('a check-in clears the mark', async () => {
    const h = await harness({ actor: OWNER(), today: toIsoDate('2026-11-30') });
    const before = await h.call('getMyKeyResults', {});
    const late = before.keyResults.find((k) => k.needsUpdate && k.kr.type === 'outcome' && k.kr.kpiRef === undefined);
    if (!late) throw new Error('jon has an overdue KR on 2026-11-30');
    await h.call('checkIn', { kr: late.kr.id, value: late.kr.type === 'outcome' ? late.kr.current : 0, confirm: true });
    expect((await h.call('getMyKeyResults', {})).keyResults.find((k) => k.kr.id === late.kr.id)?.needsUpdate).toBeUndefined();
  });

  it('a viewer who owns nothing gets empty lists', async () => {
    expect(await (await harness({ actor: VIEWER() })).call('getMyKeyResults', {})).toEqual({ at: '2026-11-15', keyResults: [], kpis: [] });
  });
});

describe('the digest in the app', () => {
  it('the webhook URL is kept and returned to admins only; a bad URL is refused; null clears it', async () => {
    const h = await harness({ actor: ADMIN() });
    expect(await h.call('getDigestSettings', {})).toEqual({});
    expect((await h.fail('saveDigestSettings', { webhook: 'http://example.com/hook' })).problems).toEqual([{ path: 'webhook', message: 'the webhook URL must start with https:// (it carries its own secret)' }]);
    expect(await h.call('saveDigestSettings', { webhook: 'https://hooks.slack.com/services/T/B/s3cret' })).toEqual({ webhook: 'https://hooks.slack.com/services/T/B/s3cret', format: 'slack' });
    for (const actor of [EDITOR(), OWNER(), VIEWER()]) {
      const envelope = await as(h, actor).handle('getDigestSettings', {});
      expect(JSON.stringify(envelope)).not.toContain('s3cret');
    }
    expect(await h.call('saveDigestSettings', { webhook: null })).toEqual({});
    expect(await h.call('getDigestSettings', {})).toEqual({});
  });

  it('an import keeps the settings (they are not part of the plan)', async () => {
    const h = await harness();
    await h.call('saveDigestSettings', { webhook: 'https://example.logic.azure.com/workflows/1', format: 'teams' });
    await h.call('importPlan', { text: JSON.stringify(DEMO), format: 'json' });
    expect(await h.call('getDigestSettings', {})).toMatchObject({ format: 'teams' });
  });

  it('getDigest previews what the weekly message will say', async () => {
    const digest = await (await harness({ actor: VIEWER() })).call('getDigest', { team: 'sales' });
    expect(digest.groups[0]).toMatchObject({ kind: 'team', id: 'sales' });
  });
});

describe('cadence in the other views', () => {
  it('the panel marks a KR that needs a check-in, in the lint\'s words, and only that one', async () => {
    const h = await harness({ today: toIsoDate('2026-11-30') });
    const board = await h.call('getBoard', {});
    const stale = new Map(board.lints.filter((l) => l.code === 'stale-check-in').map((l) => [l.subject, l.message]));
    // KR-HEALTHY (outcome, last checked in on 2026-11-14) is stale by then; link it to CS-1.
    expect(stale.has('KR-HEALTHY')).toBe(true);
    const ref = 'jira:CS-1';
    await h.call('linkWorkItem', { kr: 'KR-HEALTHY', ref });
    const panel = await h.call('getPanel', { ref });
    for (const entry of panel.keyResults) expect(entry.needsUpdate).toBe(stale.get(entry.kr.id));
    expect(panel.keyResults.find((e) => e.kr.id === 'KR-HEALTHY')?.needsUpdate).toMatch(/was last checked in 16 days ago/);
    expect(panel.keyResults.some((e) => e.needsUpdate === undefined)).toBe(true);
  });

  it('the KPI readout carries kpi-reading-overdue', async () => {
    const h = await harness({ today: toIsoDate('2027-01-20') });
    expect((await h.call('getKpis', {})).lints.some((l) => l.code === 'kpi-reading-overdue')).toBe(true);
  });

  it('checkInDays survives import and export through the store', async () => {
    const h = await harness({ plan: { ...DEMO, checkInDays: 14 } });
    expect((await h.exported()).checkInDays).toBe(14);
    expect((await h.call('getBoard', {})).lints.filter((l) => l.code === 'stale-check-in').map((l) => l.subject)).toEqual(['KR-MRR']);
  });
});
