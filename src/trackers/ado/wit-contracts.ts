// The slice of the Azure DevOps Work Item Tracking REST contracts (7.x) that the adapter sends and
// reads, in the wire shapes of Microsoft's published description (`ado-wit-7.2.swagger.json`).
// Each host's client library is translated into these shapes, so the traversal and mapping code
// runs unchanged on Node (azure-devops-node-api) and in the browser (WorkItemTrackingRestClient).
// Enums are the strings the spec lists, not the numeric enums of Microsoft's TypeScript clients.

/** `#/definitions/WorkItemReference` */
export interface WorkItemReference {
  id?: number;
  url?: string;
}

/** `#/definitions/WorkItemLink`: in link query results a top-level row has only `target`. */
export interface WorkItemLink {
  rel?: string | null;
  source?: WorkItemReference | null;
  target?: WorkItemReference | null;
}

/** `#/definitions/WorkItemQueryResult`, the fields the adapter reads. */
export interface WorkItemQueryResult {
  /** Flat queries. */
  workItems?: WorkItemReference[];
  /** Link (one-hop and tree) queries. */
  workItemRelations?: WorkItemLink[];
}

/** `#/definitions/Wiql` */
export interface Wiql {
  query: string;
}

export type WorkItemExpand = 'none' | 'relations' | 'fields' | 'links' | 'all';
export type WorkItemErrorPolicy = 'fail' | 'omit';

/** `#/definitions/WorkItemBatchGetRequest`. The service refuses `fields` together with `$expand`. */
export interface WorkItemBatchGetRequest {
  ids: number[];
  fields?: string[];
  $expand?: WorkItemExpand;
  errorPolicy?: WorkItemErrorPolicy;
  asOf?: string;
}

/** `#/definitions/WorkItemRelation`: `url` points at the related work item. */
export interface WorkItemRelation {
  rel?: string;
  url?: string;
  attributes?: Record<string, unknown>;
}

/** `#/definitions/WorkItem` */
export interface WorkItem {
  id?: number;
  rev?: number;
  fields?: Record<string, unknown>;
  relations?: WorkItemRelation[];
  url?: string;
}

/** `#/definitions/WorkItemStateColor`: `category` is Proposed, InProgress, Resolved, Completed or Removed. */
export interface WorkItemStateColor {
  name?: string;
  category?: string;
  color?: string;
}
