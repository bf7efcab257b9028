// The one neutral work item shape (SPEC §1, §6). Adapters translate Jira issues and Azure
// DevOps work items into it; rollup code never sees a tracker's own field names.

/** `jira:<issue key>` or `ado:<work item id>`. */
export type WorkItemRef = string;

export const WORK_ITEM_STATUSES = ['todo', 'in-progress', 'done', 'cancelled'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

export interface WorkItem {
  ref: WorkItemRef;
  title?: string;
  type?: string;
  status: WorkItemStatus;
  estimate?: number;
  parent?: WorkItemRef;
}

export type TrackerSystem = 'jira' | 'ado';

const REF = /^(jira):([A-Z][A-Z0-9_]*-[1-9]\d*)$|^(ado):([1-9]\d*)$/;

/** Splits a ref into its tracker and native id, or undefined when it is not a valid ref. */
export function parseRef(ref: string): { system: TrackerSystem; id: string } | undefined {
  const m = REF.exec(ref);
  if (!m) return undefined;
  return m[1] ? { system: 'jira', id: m[2] as string } : { system: 'ado', id: m[4] as string };
}

export function isWorkItemRef(ref: string): boolean {
  return REF.test(ref);
}

/**
 * The ref a person means by typing an item's own id or key into a search of `system`: `42` or
 * `#42` in Azure DevOps, `cs-42` in Jira (keys in any case). Undefined when the text is not one;
 * a search then looks at titles instead.
 */
export function typedRef(system: TrackerSystem, text: string): WorkItemRef | undefined {
  const typed = text.trim();
  if (system === 'ado') {
    const id = /^#?([1-9]\d*)$/.exec(typed)?.[1];
    return id === undefined ? undefined : `ado:${id}`;
  }
  const ref = `jira:${typed.toUpperCase()}`;
  return parseRef(ref)?.system === 'jira' ? ref : undefined;
}
