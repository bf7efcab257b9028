// Site-specific knobs of the Jira mapping (SPEC §6). Defaults follow Jira Cloud's out-of-the-box
// configuration; the Forge admin page and the workbench settings override them.

/** Resolutions that make a done issue count as cancelled (SPEC §6). */
export const DEFAULT_CANCELLED_RESOLUTIONS: readonly string[] = ["Won't Do", 'Duplicate', 'Cannot Reproduce', 'Declined'];

export interface JiraMappingConfig {
  /**
   * Custom field ids holding story points, in order of preference (e.g. `customfield_10016`).
   * Ids differ per site: use `discoverStoryPointFields`. Empty: items have no estimate.
   */
  storyPointFields: readonly string[];
  /** Resolution names meaning cancelled; compared ignoring case and surrounding spaces. */
  cancelledResolutions: readonly string[];
}

export function mappingConfig(partial: Partial<JiraMappingConfig> = {}): JiraMappingConfig {
  for (const id of partial.storyPointFields ?? []) {
    if (!/^[A-Za-z0-9_.-]+$/.test(id)) throw new Error(`not a Jira field id: ${JSON.stringify(id)}`);
  }
  return {
    storyPointFields: partial.storyPointFields ?? [],
    cancelledResolutions: partial.cancelledResolutions ?? DEFAULT_CANCELLED_RESOLUTIONS,
  };
}
