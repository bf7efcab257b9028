// AdoWitClient in the extension frame, over the SDK's WorkItemTrackingRestClient: the same three
// calls the Node client makes with azure-devops-node-api, so the WIQL walk, the 200-id batches,
// the state categories and the mapping (src/trackers/ado) run unchanged in the browser.
//
// Two things differ from Node on the wire. The SDK asks with `noArrayWrap=true`, so lists come
// back as bare arrays rather than `{ count, value }` (both are accepted). And its fetch wrapper
// throws on a failed answer without the response headers, so a 429's `Retry-After` is not seen
// here: the retry policy falls back to its doubling wait.
import type * as Wit from 'azure-devops-extension-api/WorkItemTracking';
import { AdoHttpError, type AdoWitClient } from '../trackers/ado/wit-client';
import type {
  Wiql,
  WorkItem,
  WorkItemBatchGetRequest,
  WorkItemQueryResult,
  WorkItemStateColor,
} from '../trackers/ado/wit-contracts';

/** The calls of WorkItemTrackingRestClient this client makes. */
export type WitRestClient = Pick<Wit.WorkItemTrackingRestClient, 'queryByWiql' | 'getWorkItemsBatch' | 'getWorkItemTypeStates'>;

export class BrowserWitClient implements AdoWitClient {
  constructor(private readonly rest: WitRestClient) {}

  async queryByWiql(wiql: Wiql, project: string, top?: number): Promise<WorkItemQueryResult> {
    const result = await this.run(() => this.rest.queryByWiql(wiql, project, undefined, undefined, top));
    if (!result) throw new AdoHttpError(404, `Azure DevOps found no project ${project} (or you cannot see it)`);
    const shaped = result as unknown as WorkItemQueryResult;
    return { workItems: shaped.workItems, workItemRelations: shaped.workItemRelations };
  }

  async getWorkItemsBatch(request: WorkItemBatchGetRequest, project?: string): Promise<(WorkItem | null)[]> {
    // The library types the enums as numbers; the REST contract (and ours) names them, and the
    // service reads either, so the request goes as the contract spells it.
    const body = request as unknown as Wit.WorkItemBatchGetRequest;
    return listOf<WorkItem | null>(await this.run(() => this.rest.getWorkItemsBatch(body, project)), 'the batch read');
  }

  async getWorkItemTypeStates(project: string, type: string): Promise<WorkItemStateColor[]> {
    return listOf<WorkItemStateColor>(await this.run(() => this.rest.getWorkItemTypeStates(project, type)), `the states of ${type}`);
  }

  private async run<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translateError(error);
    }
  }
}

/** A bare array (`noArrayWrap=true`) or the wrapped `{ count, value }` form. */
function listOf<T>(answer: unknown, what: string): T[] {
  if (Array.isArray(answer)) return answer as T[];
  const value = (answer as { value?: unknown } | null | undefined)?.value;
  if (Array.isArray(value)) return value as T[];
  throw new AdoHttpError(502, `Azure DevOps answered ${what} with something that is not a list`);
}

/** The SDK's fetch wrapper throws `{ status, serverError: { message, typeKey } }`. */
function translateError(error: unknown): unknown {
  if (error === null || typeof error !== 'object') return error;
  const e = error as { status?: unknown; message?: unknown; serverError?: { message?: unknown; typeKey?: unknown } | null };
  if (typeof e.status !== 'number') return error;
  const message = typeof e.serverError?.message === 'string' ? e.serverError.message : typeof e.message === 'string' ? e.message : `HTTP ${e.status}`;
  const typeKey = typeof e.serverError?.typeKey === 'string' ? e.serverError.typeKey : undefined;
  return new AdoHttpError(e.status, message, undefined, typeKey);
}
