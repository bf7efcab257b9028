// Reference names of the work item fields and link types the adapter reads (SPEC §6).

export const FIELD = {
  id: 'System.Id',
  title: 'System.Title',
  type: 'System.WorkItemType',
  state: 'System.State',
  project: 'System.TeamProject',
  /** The parent's id: the service's own projection of the Hierarchy-Reverse link into a field. */
  parent: 'System.Parent',
  storyPoints: 'Microsoft.VSTS.Scheduling.StoryPoints',
  effort: 'Microsoft.VSTS.Scheduling.Effort',
  size: 'Microsoft.VSTS.Scheduling.Size',
} as const;

/** Estimate fields in order of preference (SPEC §6: StoryPoints, else Effort, else Size). */
export const ESTIMATE_FIELDS = [FIELD.storyPoints, FIELD.effort, FIELD.size] as const;

/** Exactly what a batch read asks for: nothing the mapping does not use. */
export const READ_FIELDS: readonly string[] = [
  FIELD.id,
  FIELD.title,
  FIELD.type,
  FIELD.state,
  FIELD.project,
  FIELD.parent,
  ...ESTIMATE_FIELDS,
];

export const LINK = {
  /** On a child: points at its parent. */
  parent: 'System.LinkTypes.Hierarchy-Reverse',
  /** On a parent: points at a child; also the link type of WIQL hierarchy queries. */
  child: 'System.LinkTypes.Hierarchy-Forward',
} as const;
