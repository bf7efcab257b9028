// Port: the four Work Item Tracking calls the adapter needs, in the REST contract's shapes.
// Node implements it with azure-devops-node-api (node-wit-client.ts); the Azure DevOps extension
// implements it in the browser with WorkItemTrackingRestClient. Each call is one HTTP request, so
// the adapter can count requests and apply one retry policy whichever host it runs in.
import type {
  Wiql,
  WorkItem,
  WorkItemBatchGetRequest,
  WorkItemQueryResult,
  WorkItemStateColor,
} from './wit-contracts';

export interface AdoWitClient {
  /** `POST {org}/{project}/_apis/wit/wiql[?$top=]` */
  queryByWiql(wiql: Wiql, project: string, top?: number): Promise<WorkItemQueryResult>;
  /**
   * `POST {org}[/{project}]/_apis/wit/workitemsbatch` (at most 200 ids). With `errorPolicy: 'omit'`
   * an id that does not exist or that the caller may not read comes back as `null` in its slot.
   */
  getWorkItemsBatch(request: WorkItemBatchGetRequest, project?: string): Promise<(WorkItem | null)[]>;
  /** `GET {org}/{project}/_apis/wit/workitemtypes/{type}/states` */
  getWorkItemTypeStates(project: string, type: string): Promise<WorkItemStateColor[]>;
}

/**
 * A failed call, whatever the host library: the HTTP status, Azure DevOps' own message, and for
 * 429 the wait the service asked for. Client implementations translate their errors into this.
 */
export class AdoHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs?: number,
    /** The service's `typeKey`, e.g. `WorkItemUnauthorizedAccessException`, when it sent one. */
    readonly typeKey?: string,
  ) {
    super(message);
    this.name = 'AdoHttpError';
  }
}
