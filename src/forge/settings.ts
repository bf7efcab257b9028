// The Jira mapping of this site (SPEC §6): which custom field holds story points (ids differ per
// site) and which resolutions mean cancelled. An admin sets them on the settings page; until
// then the story point field is discovered once from `GET /rest/api/3/field` and remembered, so
// a panel does not pay a request for it every time.
import { ConflictError } from '../core/model/errors';
import type { DocumentStore } from '../core/ports/document-store';
import { DEFAULT_CANCELLED_RESOLUTIONS, type JiraMappingConfig } from '../trackers/jira/config';
import type { JiraRequest } from '../trackers/jira/request';
import { discoverSiteFields } from '../trackers/jira/site-fields';
import { FC, SETTINGS_ID, type JiraSettingsDoc } from './collections';

export async function readSettings(store: DocumentStore): Promise<JiraSettingsDoc> {
  return (await store.get<JiraSettingsDoc>(FC.settings, SETTINGS_ID))?.value ?? {};
}

/** The mapping to read issues with; discovers and stores the story point field when unset. */
export async function mappingFor(store: DocumentStore, request: JiraRequest): Promise<JiraMappingConfig> {
  const doc = await store.get<JiraSettingsDoc>(FC.settings, SETTINGS_ID);
  const settings = doc?.value ?? {};
  let { storyPointFields, epicLinkFields } = settings;
  if (storyPointFields === undefined || epicLinkFields === undefined) {
    // One field list gives both; the Epic Link field is never set by hand, only found.
    const found = await discoverSiteFields(request);
    storyPointFields ??= found.storyPointFields;
    epicLinkFields ??= found.epicLinkFields;
    try {
      await store.put<JiraSettingsDoc>(FC.settings, SETTINGS_ID, { ...settings, storyPointFields, epicLinkFields }, { expected: doc?.version ?? null });
    } catch (e) {
      // Someone saved settings meanwhile: theirs stand, ours were only a guess.
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  return { storyPointFields, epicLinkFields, cancelledResolutions: settings.cancelledResolutions ?? DEFAULT_CANCELLED_RESOLUTIONS };
}
