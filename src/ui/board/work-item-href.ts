import type { WorkItemRef } from '../../core/model/work-item';

/** Where a work item opens in the host (a Jira issue URL, an ADO work item URL), if anywhere. */
export type WorkItemHref = (ref: WorkItemRef) => string | undefined;
