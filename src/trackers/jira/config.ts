// Site-specific knobs of the Jira mapping (SPEC §6). Defaults follow Jira Cloud's out-of-the-box
// configuration and the resolutions real sites add; the Forge admin page and the workbench
// settings override them.

/**
 * Resolutions that make a done issue count as cancelled (SPEC §6): each says the issue was
 * closed without the work being delivered, so counting it as done would inflate progress.
 * Jira Cloud ships the first four; the rest are what real sites add (the recorded resolution
 * list of a production site has most of them). docs/forge.md gives the reason for each, and
 * the names left out on purpose (Fixed, Done, Resolved, Implemented, Delivered, Workaround,
 * Information Provided, Later …: something was delivered, or the work is only parked).
 */
export const DEFAULT_CANCELLED_RESOLUTIONS: readonly string[] = [
  "Won't Do", // decided not to do it
  'Duplicate', // the work is tracked (and counted) on another issue
  'Cannot Reproduce', // nothing to change was found
  'Declined', // the request was turned down
  "Won't Fix", // the older name of Won't Do
  'Invalid', // not a real request
  'Not A Bug', // behaves as intended: nothing changed
  'Incomplete', // closed for lack of information, no work done
  'Works for Me', // nothing to change was found
  'Works as Designed', // behaves as intended: nothing changed
  'Working as Intended', // the same, as some sites spell it
  'Not A Problem', // nothing to change
  'Auto Closed', // closed by automation (usually as stale), not by delivered work
  'Obsolete', // overtaken by events before anyone did it
  'Abandoned', // stopped without delivering
];

export interface JiraMappingConfig {
  /**
   * Custom field ids holding story points, in order of preference (e.g. `customfield_10016`).
   * Ids differ per site: use `discoverSiteFields`. Empty: items have no estimate.
   */
  storyPointFields: readonly string[];
  /** Resolution names meaning cancelled; compared ignoring case, spaces and the apostrophe's shape. */
  cancelledResolutions: readonly string[];
  /**
   * Epic Link custom field ids (`customfield_10014` on many sites), read for the parent when an
   * issue has no `parent`. Undefined: the source discovers them once from the field list.
   */
  epicLinkFields?: readonly string[];
}

const FIELD_ID = /^[A-Za-z0-9_.-]+$/;

export function mappingConfig(partial: Partial<JiraMappingConfig> = {}): JiraMappingConfig {
  for (const id of [...(partial.storyPointFields ?? []), ...(partial.epicLinkFields ?? [])]) {
    if (!FIELD_ID.test(id)) throw new Error(`not a Jira field id: ${JSON.stringify(id)}`);
  }
  const config: JiraMappingConfig = {
    storyPointFields: partial.storyPointFields ?? [],
    cancelledResolutions: partial.cancelledResolutions ?? DEFAULT_CANCELLED_RESOLUTIONS,
  };
  if (partial.epicLinkFields !== undefined) config.epicLinkFields = partial.epicLinkFields;
  return config;
}

/** A resolution name as compared: case, surrounding spaces and ’ versus ' do not matter. */
export function resolutionKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
}

export function isCancellingResolution(resolution: string, config: Pick<JiraMappingConfig, 'cancelledResolutions'>): boolean {
  const name = resolutionKey(resolution);
  return config.cancelledResolutions.some((r) => resolutionKey(r) === name);
}
