// Tracker settings live in a collection of their own, outside PLAN_COLLECTIONS, so importing a
// plan file (which replaces everything the plan owns) leaves an admin's choices alone. Hosts
// read them with `readTrackerSettings` when they build their tracker adapter (Forge: the Jira
// mapping's story point fields and cancelled resolutions).
import type { DocumentStore, Version } from '../core/ports/document-store';
import type { TrackerField, TrackerSettings } from './api';

export const TRACKER_SETTINGS = 'trackerSettings';
export const TRACKER_SETTINGS_ID = 'jira';

/** SPEC §6: done with one of these resolutions counts as cancelled, unless the admin says otherwise. */
export const DEFAULT_CANCELLED_RESOLUTIONS: readonly string[] = ["Won't Do", 'Duplicate', 'Cannot Reproduce', 'Declined'];

export const DEFAULT_TRACKER_SETTINGS: TrackerSettings = { storyPointFields: [], cancelledResolutions: [...DEFAULT_CANCELLED_RESOLUTIONS] };

/** A field as the tracker lists it (Jira's GET /rest/api/3/field: id, name, custom, schema.type). */
export interface RawTrackerField {
  id: string;
  name: string;
  custom?: boolean;
  /** `number` for fields that can hold an estimate. */
  schemaType?: string;
}

/** The host's way to list the tracker's fields, injected at its entry point. */
export type ListTrackerFields = () => Promise<RawTrackerField[]>;

export async function readTrackerSettings(store: DocumentStore): Promise<{ settings: TrackerSettings; version: Version | null }> {
  const stored = await store.get<TrackerSettings>(TRACKER_SETTINGS, TRACKER_SETTINGS_ID);
  return stored ? { settings: stored.value, version: stored.version } : { settings: { ...DEFAULT_TRACKER_SETTINGS, cancelledResolutions: [...DEFAULT_TRACKER_SETTINGS.cancelledResolutions] }, version: null };
}

const SUGGESTED = /^(story points?|story point estimate)$/i;

/** The fields that can hold an estimate, story-point-like ones first, then by name. */
export function estimateFields(fields: readonly RawTrackerField[]): TrackerField[] {
  return fields
    .filter((f) => f.schemaType === 'number')
    .map((f) => ({ id: f.id, name: f.name, custom: f.custom ?? f.id.startsWith('customfield_'), suggested: SUGGESTED.test(f.name.trim()) }))
    .sort((a, b) => Number(b.suggested) - Number(a.suggested) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
