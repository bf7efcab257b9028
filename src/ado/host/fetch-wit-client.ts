// AdoWitClient in the extension frame over the browser's fetch, for the plan hub: the same three
// calls and wire format as the SDK's WorkItemTrackingRestClient (wit-rest-client.ts), without
// shipping that whole client to a page that reads work items only to check an import's links
// and filter an export. Azure DevOps takes the extension's token for the signed-in user.
import { AdoHttpError, type AdoWitClient } from '../../trackers/ado/wit-client';
import type { Wiql, WorkItem, WorkItemBatchGetRequest, WorkItemQueryResult, WorkItemStateColor } from '../../trackers/ado/wit-contracts';

export interface FetchWitOptions {
  /** The organization root, ending in `/`. */
  root: () => Promise<string>;
  token: () => Promise<string>;
  fetch?: typeof fetch;
}

export class FetchWitClient implements AdoWitClient {
  constructor(private readonly options: FetchWitOptions) {}

  async queryByWiql(wiql: Wiql, project: string, top?: number): Promise<WorkItemQueryResult> {
    const query = top === undefined ? '' : `?$top=${top}`;
    const result = (await this.send('POST', `${encodeURIComponent(project)}/_apis/wit/wiql${query}`, '5.0-preview.2', wiql)) as WorkItemQueryResult;
    return { workItems: result.workItems, workItemRelations: result.workItemRelations };
  }

  async getWorkItemsBatch(request: WorkItemBatchGetRequest, project?: string): Promise<(WorkItem | null)[]> {
    const path = `${project === undefined ? '' : `${encodeURIComponent(project)}/`}_apis/wit/workItemsBatch`;
    return listOf<WorkItem | null>(await this.send('POST', path, '5.0-preview.1', request), 'the batch read');
  }

  async getWorkItemTypeStates(project: string, type: string): Promise<WorkItemStateColor[]> {
    const path = `${encodeURIComponent(project)}/_apis/wit/workitemtypes/${encodeURIComponent(type)}/states`;
    return listOf<WorkItemStateColor>(await this.send('GET', path, '5.0-preview.1'), `the states of ${type}`);
  }

  private async send(method: 'GET' | 'POST', path: string, apiVersion: string, body?: unknown): Promise<unknown> {
    const run = this.options.fetch ?? fetch;
    const response = await run(`${await this.options.root()}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await this.options.token()}`,
        Accept: `application/json;api-version=${apiVersion};excludeUrls=true;enumsAsNumbers=true;msDateFormat=true;noArrayWrap=true`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const answer = text === '' ? null : (JSON.parse(text) as unknown);
    if (!response.ok) {
      const e = (answer ?? {}) as { message?: unknown; typeKey?: unknown };
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new AdoHttpError(
        response.status,
        typeof e.message === 'string' ? e.message : `HTTP ${response.status}`,
        Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.has('retry-after') ? retryAfter * 1000 : undefined,
        typeof e.typeKey === 'string' ? e.typeKey : undefined,
      );
    }
    return answer;
  }
}

/** A bare array (`noArrayWrap=true`) or the wrapped `{ count, value }` form. */
function listOf<T>(answer: unknown, what: string): T[] {
  if (Array.isArray(answer)) return answer as T[];
  const value = (answer as { value?: unknown } | null | undefined)?.value;
  if (Array.isArray(value)) return value as T[];
  throw new AdoHttpError(502, `Azure DevOps answered ${what} with something that is not a list`);
}
