// Live Azure DevOps work items for `okr pull ado`: the same AdoWorkItemSource and
// azure-devops-node-api client the hosts use, reading as the owner of the personal access token.
// `getScope` reads the linked items and all their descendants in the fewest requests (one WIQL
// link query per hierarchy level, then batch reads of 200). The client is wrapped only to watch:
// how many items the walk has found, and how many ids the batch reads have covered.
import type { WorkItemRef } from '../../core';
import { AdoWorkItemSource } from '../../trackers/ado/ado-work-item-source';
import { LINK } from '../../trackers/ado/fields';
import { NodeWitClient } from '../../trackers/ado/node-wit-client';
import { DEFAULT_RETRY_POLICY } from '../../trackers/ado/rate-limit-retry';
import type { AdoWitClient } from '../../trackers/ado/wit-client';
import type { Progress } from './progress';
import type { Snapshot } from './snapshot';

export interface AdoTarget {
  orgUrl: string;
  project: string;
  pat: string;
}

export async function fetchAdoSnapshot(refs: readonly WorkItemRef[], target: AdoTarget, progress: Progress): Promise<Snapshot> {
  const client = watched(new NodeWitClient({ orgUrl: target.orgUrl, pat: target.pat }), refs, progress);
  const source = new AdoWorkItemSource({
    client,
    project: target.project,
    retry: {
      sleep: (ms) => {
        progress.throttled(ms);
        return DEFAULT_RETRY_POLICY.sleep(ms);
      },
    },
    onRequest: () => progress.update({ requests: source.requestCount }),
  });
  const { items, missing } = await source.getScope(refs);
  const { wiql, batch, states } = source.requests;
  return {
    items,
    missing,
    requests: source.requestCount,
    requestDetail: `${wiql} WIQL, ${batch} batch read${batch === 1 ? '' : 's'}, ${states} type state list${states === 1 ? '' : 's'}`,
  };
}

/** Passes every call through unchanged, counting what the walk found and what the reads covered. */
function watched(inner: AdoWitClient, refs: readonly WorkItemRef[], progress: Progress): AdoWitClient {
  const known = new Set<number>();
  for (const ref of refs) {
    const id = /^ado:(\d+)$/.exec(ref)?.[1];
    if (id !== undefined) known.add(Number(id));
  }
  let processed = 0;
  let items = 0;
  return {
    async queryByWiql(wiql, project, top) {
      const result = await inner.queryByWiql(wiql, project, top);
      for (const link of result.workItemRelations ?? []) {
        const child = link.target?.id;
        if (link.rel === LINK.child && typeof child === 'number') known.add(child);
      }
      progress.update({ items: known.size });
      return result;
    },
    async getWorkItemsBatch(request, project) {
      // The walk is over once reads begin: every id to read is known now.
      progress.update({ total: known.size, processed, items });
      const result = await inner.getWorkItemsBatch(request, project);
      processed += request.ids.length;
      items += result.filter((w) => w !== null).length;
      progress.update({ total: known.size, processed, items });
      return result;
    },
    getWorkItemTypeStates: (project, type) => inner.getWorkItemTypeStates(project, type),
  };
}
