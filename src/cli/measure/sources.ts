// The measure sources of `okr measure`, reading as the credentials' owner: Jira over `fetch` with
// the account's email and API token, Azure DevOps through azure-devops-node-api with the PAT.
// Retries wait for real here (a command line has the time); `onWait` lets the command say so.
import type { MeasureSource } from '../../core';
import { AdoMeasureSource } from '../../trackers/ado/measure/measure-source';
import { NodeWitClient } from '../../trackers/ado/node-wit-client';
import { fetchJiraRequest } from '../../trackers/jira';
import { JiraMeasureSource } from '../../trackers/jira/measure/measure-source';
import type { PullRequest } from '../pull/options';

export function measureSource(request: PullRequest, onWait: (ms: number) => void): MeasureSource {
  const sleep = (ms: number): Promise<void> => {
    onWait(ms);
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
  if (request.system === 'ado') {
    const { orgUrl, project, pat } = request.target;
    return new AdoMeasureSource({ client: new NodeWitClient({ orgUrl, pat }), orgUrl, project, retry: { sleep } });
  }
  const { siteUrl, email, apiToken } = request.target;
  return new JiraMeasureSource({ request: fetchJiraRequest(siteUrl, { email, apiToken }), siteUrl, retry: { sleep } });
}
