// AdoWitClient on Node with Microsoft's azure-devops-node-api: `WebApi` with a personal access
// token, then `getWorkItemTrackingApi()`. The library discovers routes itself (resource areas,
// then `OPTIONS {org}/_apis/wit`) on first use; those requests happen inside our calls, so a 429
// during discovery is retried like any other.
import { WebApi, getPersonalAccessTokenHandler } from 'azure-devops-node-api';
import type { IRequestOptions } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces';
import type * as Wit from 'azure-devops-node-api/interfaces/WorkItemTrackingInterfaces';
import type { IWorkItemTrackingApi } from 'azure-devops-node-api/WorkItemTrackingApi';
import { AdoWorkItemSource, type AdoSourceOptions } from './ado-work-item-source';
import { retryAfterMs } from '../../core/model/retry-after';
import { AdoHttpError, type AdoWitClient } from './wit-client';
import type {
  Wiql,
  WorkItem,
  WorkItemBatchGetRequest,
  WorkItemQueryResult,
  WorkItemStateColor,
} from './wit-contracts';

export interface NodeWitClientOptions {
  /** `https://dev.azure.com/{organization}` (or an emulator's organization URL). */
  orgUrl: string;
  /** Personal access token with the `vso.work` scope: everything is read as its owner. */
  pat: string;
  /** Passed to the library's HTTP client (proxy, timeouts). */
  requestOptions?: IRequestOptions;
}

export class NodeWitClient implements AdoWitClient {
  private readonly webApi: WebApi;
  private wit: Promise<IWorkItemTrackingApi> | undefined;

  constructor(options: NodeWitClientOptions) {
    this.webApi = new WebApi(options.orgUrl, getPersonalAccessTokenHandler(options.pat), options.requestOptions);
  }

  async queryByWiql(wiql: Wiql, project: string, top?: number): Promise<WorkItemQueryResult> {
    const result = await this.run(async (api) => api.queryByWiql(wiql, { project }, undefined, top));
    if (!result) throw new AdoHttpError(404, `Azure DevOps found no project ${project} (or you cannot see it)`);
    return { workItems: result.workItems, workItemRelations: result.workItemRelations };
  }

  async getWorkItemsBatch(request: WorkItemBatchGetRequest, project?: string): Promise<(WorkItem | null)[]> {
    // The library types the enums as numbers; the service's contract (and ours) spells them as strings.
    const body = request as unknown as Wit.WorkItemBatchGetRequest;
    const result: (WorkItem | null)[] = await this.run(async (api) => api.getWorkItemsBatch(body, project));
    if (!result) throw new AdoHttpError(404, 'Azure DevOps answered the batch read with "not found"');
    // With errorPolicy omit, unreadable ids come back as null in their slots.
    return result;
  }

  async getWorkItemTypeStates(project: string, type: string): Promise<WorkItemStateColor[]> {
    const result = await this.run(async (api) => api.getWorkItemTypeStates(project, type));
    if (!result) throw new AdoHttpError(404, `Azure DevOps has no work item type ${type} in ${project}`);
    return result;
  }

  private async run<T>(call: (api: IWorkItemTrackingApi) => Promise<T>): Promise<T> {
    try {
      return await call(await this.api());
    } catch (error) {
      throw translateError(error);
    }
  }

  private api(): Promise<IWorkItemTrackingApi> {
    if (!this.wit) {
      const pending = this.webApi.getWorkItemTrackingApi();
      this.wit = pending;
      // Discovery that failed (throttled, offline) must be attempted again by the next call.
      pending.catch(() => {
        if (this.wit === pending) this.wit = undefined;
      });
    }
    return this.wit;
  }
}

/** The library's errors carry `statusCode`, the parsed body as `result`, and the response headers. */
function translateError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & {
    statusCode?: unknown;
    result?: { message?: unknown; typeKey?: unknown };
    responseHeaders?: Record<string, string | string[] | undefined>;
  };
  if (typeof e.statusCode !== 'number') return error;
  const raw = e.responseHeaders?.['retry-after'];
  const retryAfter = retryAfterMs(Array.isArray(raw) ? raw[0] : raw);
  const message = typeof e.result?.message === 'string' ? e.result.message : e.message;
  const typeKey = typeof e.result?.typeKey === 'string' ? e.result.typeKey : undefined;
  return new AdoHttpError(e.statusCode, message, retryAfter, typeKey);
}

export interface NodeAdoSourceOptions extends NodeWitClientOptions, Omit<AdoSourceOptions, 'client'> {}

/** The work item source for a command-line or server process, reading as the token's owner. */
export function createNodeAdoSource(options: NodeAdoSourceOptions): AdoWorkItemSource {
  const { orgUrl, pat, requestOptions, ...source } = options;
  return new AdoWorkItemSource({ ...source, client: new NodeWitClient({ orgUrl, pat, requestOptions }) });
}
