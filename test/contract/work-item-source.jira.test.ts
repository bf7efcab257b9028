// The WorkItemSource contract for Jira Cloud: JiraWorkItemSource over REST against the Jira
// emulator, every exchange held to Jira's published OpenAPI.
import { describe } from 'vitest';
import { startSite, viewer } from '../trackers/jira/harness';
import { workItemSourceContract } from './work-item-source.contract';
import { JIRA_VIEWER, isHidden, jiraDataset, jiraRef } from './work-item-source.dataset';

describe('WorkItemSource contract: JiraWorkItemSource (REST, Jira emulator)', () => {
  workItemSourceContract(async () => {
    const site = await startSite(jiraDataset());
    return {
      source: viewer(site, JIRA_VIEWER).source,
      ref: jiraRef,
      nativeId: (id) => `${isHidden(id) ? 'SECRET' : 'ACME'}-${id}`,
      foreignRef: 'ado:1',
      cleanup: () => site.running.close(),
    };
  });
});
