// The settings page's calls, beside the app API: the Jira mapping is a Forge host concern (the
// workbench and ADO have their own), so it is not in ApiMethods. The page gets the current
// settings and the site's number fields to pick the story point field from; saving requires
// the Jira permission ADMINISTER, checked as the caller, whatever module the call came from.
import { z } from 'zod';
import type { IsoDate } from '../core/model/dates';
import { InvalidInputError } from '../core/model/errors';
import type { DocumentStore, Version } from '../core/ports/document-store';
import { ForbiddenError, type Actor } from '../app/permissions';
import { parseInput } from '../app/validate';
import { JiraClient } from '../trackers/jira/client';
import { DEFAULT_CANCELLED_RESOLUTIONS, isCancellingResolution } from '../trackers/jira/config';
import { JiraError } from '../trackers/jira/errors';
import type { JiraRequest } from '../trackers/jira/request';
import { discoverStoryPointFields } from '../trackers/jira/story-points';
import { FC, SETTINGS_ID, type JiraSettingsDoc } from './collections';
import { requestPass } from './triggers/request-pass';

export interface SettingsView {
  storyPointFields: string[];
  cancelledResolutions: string[];
  /** The site's resolutions and whether each counts as cancelled; absent when Jira would not list them. */
  siteResolutions?: { name: string; cancelled: boolean }[];
  /** Whether the story point fields were chosen by an admin rather than discovered. */
  discovered: boolean;
  /** Number fields of the site, to choose the story point field from. */
  numberFields: { id: string; name: string }[];
  /** Jira groups (names or ids) whose members are Harmony admins, besides Jira administrators. */
  adminGroups: string[];
  /** Jira groups whose members are editors; empty: everyone who may use the app. */
  editorGroups: string[];
  version: Version | null;
}

/** name → payload in, answer out, like ApiMethods. */
export interface AdminMethods {
  getSettings: { in: Record<string, never>; out: SettingsView };
  saveSettings: {
    in: { storyPointFields: string[]; cancelledResolutions: string[]; adminGroups?: string[]; editorGroups?: string[]; expected: Version | null };
    out: SettingsView;
  };
}
export type AdminName = keyof AdminMethods;
export const ADMIN_NAMES: readonly AdminName[] = ['getSettings', 'saveSettings'];

const fieldId = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected a Jira field id such as customfield_10016');
const saveInput = z.strictObject({
  storyPointFields: z.array(fieldId).max(5, 'at most 5 fields'),
  cancelledResolutions: z.array(z.string().trim().min(1, 'must not be empty').max(255)).max(50, 'at most 50 resolutions'),
  adminGroups: z.array(z.string().trim().min(1, 'must not be empty').max(255)).max(20, 'at most 20 groups').optional(),
  editorGroups: z.array(z.string().trim().min(1, 'must not be empty').max(255)).max(20, 'at most 20 groups').optional(),
  expected: z.string().min(1).nullable(),
});

export async function getSettings(store: DocumentStore, asUser: JiraRequest, payload: unknown): Promise<SettingsView> {
  parseInput(z.strictObject({}), payload ?? {});
  return view(store, asUser);
}

export async function saveSettings(store: DocumentStore, asUser: JiraRequest, actor: Actor, payload: unknown, today: IsoDate): Promise<SettingsView> {
  const input = parseInput(saveInput, payload);
  if (!(await actor.isAdmin())) throw new ForbiddenError('saveSettings needs the admin role: only Harmony admins (Jira administrators and the admin groups) may change Harmony settings');
  const numberFields = new Set((await numberFieldsOf(asUser)).map((f) => f.id));
  const unknown = input.storyPointFields.filter((f) => !numberFields.has(f));
  if (unknown.length > 0) {
    throw new InvalidInputError(unknown.map((f) => ({ path: 'storyPointFields', message: `${f} is not a number field of this site` })));
  }
  const previous = (await store.get<JiraSettingsDoc>(FC.settings, SETTINGS_ID))?.value ?? {};
  const value: JiraSettingsDoc = {
    storyPointFields: input.storyPointFields,
    cancelledResolutions: input.cancelledResolutions,
    // A page that does not send the groups keeps them as they were.
    ...groupsOf(input.adminGroups ?? previous.adminGroups, 'adminGroups'),
    ...groupsOf(input.editorGroups ?? previous.editorGroups, 'editorGroups'),
  };
  await store.put<JiraSettingsDoc>(FC.settings, SETTINGS_ID, value, { expected: input.expected });
  // Every KR was counted the old way: the next drain recomputes them all with the new mapping.
  await requestPass(store, today);
  return view(store, asUser);
}

async function view(store: DocumentStore, asUser: JiraRequest): Promise<SettingsView> {
  const doc = await store.get<JiraSettingsDoc>(FC.settings, SETTINGS_ID);
  const discovered = doc?.value.storyPointFields === undefined;
  return {
    storyPointFields: doc?.value.storyPointFields ?? (await discoverStoryPointFields(asUser)),
    cancelledResolutions: doc?.value.cancelledResolutions ?? [...DEFAULT_CANCELLED_RESOLUTIONS],
    ...(await siteResolutionsOf(asUser, doc?.value.cancelledResolutions ?? DEFAULT_CANCELLED_RESOLUTIONS)),
    discovered,
    numberFields: await numberFieldsOf(asUser),
    adminGroups: doc?.value.adminGroups ?? [],
    editorGroups: doc?.value.editorGroups ?? [],
    version: doc?.version ?? null,
  };
}

/**
 * `GET /rest/api/3/resolution`, each marked as the mapping would read it, so an admin sees which
 * of the site's own resolutions leave a KR's scope. The page still works when Jira will not list
 * them (the list is a help, not the setting).
 */
async function siteResolutionsOf(asUser: JiraRequest, cancelled: readonly string[]): Promise<Pick<SettingsView, 'siteResolutions'>> {
  try {
    const list = await new JiraClient(asUser).get<unknown>('/rest/api/3/resolution');
    if (!Array.isArray(list)) return {};
    const names = (list as { name?: unknown }[]).map((r) => r.name).filter((n): n is string => typeof n === 'string');
    return { siteResolutions: names.map((name) => ({ name, cancelled: isCancellingResolution(name, { cancelledResolutions: cancelled }) })) };
  } catch (error) {
    if (error instanceof JiraError) return {};
    throw error;
  }
}

async function numberFieldsOf(asUser: JiraRequest): Promise<{ id: string; name: string }[]> {
  const fields = await new JiraClient(asUser).get<unknown>('/rest/api/3/field');
  if (!Array.isArray(fields)) return [];
  return (fields as { id?: unknown; name?: unknown; schema?: { type?: unknown } | null }[])
    .filter((f) => typeof f.id === 'string' && typeof f.name === 'string' && f.schema?.type === 'number')
    .map((f) => ({ id: f.id as string, name: f.name as string }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function groupsOf(groups: string[] | undefined, key: 'adminGroups' | 'editorGroups'): Partial<JiraSettingsDoc> {
  const unique = [...new Set(groups ?? [])];
  return unique.length > 0 ? { [key]: unique } : {};
}
