// The Jira mapping of this site (SPEC §6): which custom field holds story points (ids differ per
// site) and which resolutions mean cancelled. An admin sets them on the settings page; until
// then the story point field is discovered once from `GET /rest/api/3/field` and remembered, so
// a panel does not pay a request for it every time.
import { ConflictError } from '../core/model/errors';
import type { DocumentStore } from '../core/ports/document-store';
import { DEFAULT_CANCELLED_RESOLUTIONS, type JiraMappingConfig } from '../trackers/jira/config';
import type { JiraRequest } from '../trackers/jira/request';
import { discoverStoryPointFields } from '../trackers/jira/story-points';
import { FC, SETTINGS_ID, type JiraSettingsDoc } from './collections';

export async function readSettings(store: DocumentStore): Promise<JiraSettingsDoc> {
  return (await store.get<JiraSettingsDoc>(FC.settings, SETTINGS_ID))?.value ?? {};
}

/** The mapping to read issues with; discovers and stores the story point field when unset. */
export async function mappingFor(store: DocumentStore, request: JiraRequest): Promise<JiraMappingConfig> {
  const doc = await store.get<JiraSettingsDoc>(FC.settings, SETTINGS_ID);
  const settings = doc?.value ?? {};
  let storyPointFields = settings.storyPointFields;
  if (storyPointFields === undefined) {
    storyPointFields = await discoverStoryPointFields(request);
    try {
      await store.put<JiraSettingsDoc>(FC.settings, SETTINGS_ID, { ...settings, storyPointFields }, { expected: doc?.version ?? null });
    } catch (e) {
      // Someone saved settings meanwhile: theirs stand, ours were only a guess.
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  return { storyPointFields, cancelledResolutions: settings.cancelledResolutions ?? DEFAULT_CANCELLED_RESOLUTIONS };
}
