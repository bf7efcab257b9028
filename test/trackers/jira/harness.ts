// The Jira adapter over real HTTP against the emulator, with every exchange checked against the
// published contract, sleeps recorded instead of waited, and each request reported.
import {
  fetchJiraRequest,
  JiraWorkItemSource,
  type JiraRequestEvent,
  type JiraSourceOptions,
} from '../../../src/trackers/jira';
import { JiraEmulator, type JiraDataset, type RunningEmulator } from '../../../src/workbench/emulators/jira';
import { contractChecked } from './contract-checked-request';

export interface Site {
  emulator: JiraEmulator;
  running: RunningEmulator;
}

export async function startSite(dataset: JiraDataset): Promise<Site> {
  const emulator = new JiraEmulator(dataset);
  const running = await emulator.start({ port: 0 });
  return { emulator, running };
}

export interface Viewer {
  source: JiraWorkItemSource;
  /** Waits the adapter asked for, in ms. */
  sleeps: number[];
  events: JiraRequestEvent[];
}

export function viewer(site: Site, user: { email: string; apiToken: string }, options: Partial<JiraSourceOptions> = {}): Viewer {
  const sleeps: number[] = [];
  const events: JiraRequestEvent[] = [];
  const { retry, ...rest } = options;
  const source = new JiraWorkItemSource({
    request: contractChecked(fetchJiraRequest(site.running.url, user)),
    storyPointFields: ['customfield_10016'],
    epicLinkFields: [],
    retry: {
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      ...retry,
    },
    onRequest: (event) => events.push(event),
    ...rest,
  });
  return { source, sleeps, events };
}
