// The admin page shows the site's own resolutions (GET /rest/api/3/resolution) and which of them
// count as cancelled under the stored setting, or under the default until an admin saves one.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SettingsView } from '../../src/forge/admin-api';
import { ALICE_ID, BOB_ID, forgeSiteDataset, TODAY } from './fixtures';
import { dataOf, forgeHarness, type ForgeHarness } from './harness';

let h: ForgeHarness;
beforeAll(async () => {
  h = await forgeHarness({ dataset: { ...forgeSiteDataset(), resolutions: ["Won't Fix", 'Works for Me', 'Implemented'] }, today: TODAY, admins: ['alice@rain.town'] });
}, 60_000);
afterAll(() => h.close());

const marked = (view: SettingsView) => Object.fromEntries((view.siteResolutions ?? []).map((r) => [r.name, r.cancelled]));

test("the site's resolutions, each marked as the default cancelled set reads it", async () => {
  const view = dataOf<SettingsView>(await h.invoke('getSettings', {}, BOB_ID));
  expect(marked(view)).toMatchObject({ Done: false, "Won't Do": true, Duplicate: true, "Won't Fix": true, 'Works for Me': true, Implemented: false });
});

test('after an admin saves another set, the marks follow it', async () => {
  const { version } = dataOf<SettingsView>(await h.invoke('getSettings', {}, ALICE_ID));
  const saved = dataOf<SettingsView>(
    await h.invoke('saveSettings', { storyPointFields: [], cancelledResolutions: ['implemented'], expected: version }, ALICE_ID),
  );
  expect(marked(saved)).toMatchObject({ Done: false, "Won't Do": false, Implemented: true });
});
