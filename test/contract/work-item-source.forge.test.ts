// The WorkItemSource contract as the Forge app reads Jira: JiraWorkItemSource over Forge's
// product fetch (`api.asUser().requestJira`, src/forge/jira-request.ts), the real @forge/api
// running against a fake Forge runtime that proxies to a Jira site as the invoking user. Each
// call is one resolver invocation by the viewer.
import api from '@forge/api';
import { describe } from 'vitest';
import type { WorkItemSource } from '../../src/core/ports/work-item-source';
import { forgeJiraRequest } from '../../src/forge/jira-request';
import { JiraWorkItemSource } from '../../src/trackers/jira';
import { FakeForgeRuntime } from '../forge/fakes/forge-runtime';
import { JiraSite } from '../forge/fakes/jira-site';
import { workItemSourceContract } from './work-item-source.contract';
import { JIRA_VIEWER, isHidden, jiraDataset, jiraRef } from './work-item-source.dataset';

describe('WorkItemSource contract: JiraWorkItemSource over Forge asUser().requestJira (fake Forge runtime, Jira site)', () => {
  workItemSourceContract(async () => {
    const dataset = jiraDataset();
    const site = await JiraSite.start(dataset);
    const viewer = dataset.users.find((u) => u.email === JIRA_VIEWER.email);
    const admin = dataset.users.find((u) => u.email !== JIRA_VIEWER.email);
    if (!viewer || !admin) throw new Error('the contract dataset names a viewer and an admin');
    const runtime = new FakeForgeRuntime({ siteUrl: site.url, users: dataset.users, app: admin });
    const restore = runtime.install();
    const inner = new JiraWorkItemSource({
      request: forgeJiraRequest(api.asUser().requestJira),
      storyPointFields: ['customfield_10016'],
      retry: { sleep: () => Promise.resolve() },
    });
    const asViewer = <T>(call: () => Promise<T>): Promise<T> => runtime.run('resolver', viewer.accountId, 25_000, call);
    const source: WorkItemSource = {
      getItems: (refs) => asViewer(() => inner.getItems(refs)),
      getDescendants: (refs) => asViewer(() => inner.getDescendants(refs)),
      search: (text, limit) => asViewer(() => inner.search(text, limit)),
    };
    return {
      source,
      ref: jiraRef,
      nativeId: (id) => `${isHidden(id) ? 'SECRET' : 'ACME'}-${id}`,
      foreignRef: 'ado:1',
      cleanup: async () => {
        restore();
        await site.close();
      },
    };
  });
});
