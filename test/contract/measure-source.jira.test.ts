// The MeasureSource contract for Jira Cloud: JiraMeasureSource over REST against the Jira
// emulator, every exchange held to Jira's published OpenAPI.
import { describe } from 'vitest';
import { fetchJiraRequest } from '../../src/trackers/jira';
import { JiraMeasureSource } from '../../src/trackers/jira/measure/measure-source';
import { contractChecked } from '../trackers/jira/contract-checked-request';
import { startSite } from '../trackers/jira/harness';
import { measureSourceContract } from './measure-source.contract';
import { JQL_QUERIES } from './measure-source.queries';
import { JIRA_VIEWER, jiraDataset } from './work-item-source.dataset';

describe('MeasureSource contract: JiraMeasureSource (REST, Jira emulator)', () => {
  measureSourceContract(async () => {
    const site = await startSite(jiraDataset());
    const source = new JiraMeasureSource({ request: contractChecked(fetchJiraRequest(site.running.url, JIRA_VIEWER)), siteUrl: site.running.url, retry: { sleep: () => Promise.resolve() } });
    return {
      source,
      queries: JQL_QUERIES,
      measure: (jql, rest = {}) => ({ jql, ...rest }),
      searchUrl: `${site.running.url.replace(/\/+$/, '')}/issues/?jql=`,
      cleanup: () => site.running.close(),
    };
  });
});
