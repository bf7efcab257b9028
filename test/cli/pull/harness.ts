// What the `okr pull` tests share: the Jira and Azure DevOps emulators seeded from
// test/fixtures/pull, a scratch copy of a fixture plan, and the real `bin/okr.js` (built, see
// ../built-cli.ts) run as a child process with nothing in its environment but PATH and the
// credentials a test gives it.
import { afterEach, beforeEach } from 'vitest';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { AdoDataset } from '../../../src/workbench/emulators/ado/dataset';
import { startAdoEmulator, type AdoEmulator } from '../../../src/workbench/emulators/ado/server';
import { JiraEmulator, type JiraDataset } from '../../../src/workbench/emulators/jira';
import { root } from '../built-cli';

export { okr, root, type Run } from '../built-cli';
export const fixtures = join(root, 'test/fixtures/pull');

export const JIRA_USER = { email: 'pat@raintown.example', token: 'jira-token' };
export const ADO_PAT = 'puller-pat';
export const ADO_PROJECT = 'Tea';

export interface Trackers {
  ado: AdoEmulator;
  jira: JiraEmulator;
  jiraUrl: string;
  close(): Promise<void>;
}

export async function startTrackers(): Promise<Trackers> {
  const adoDataset = JSON.parse(await readFile(join(fixtures, 'ado-dataset.json'), 'utf8')) as AdoDataset;
  const jiraDataset = JSON.parse(await readFile(join(fixtures, 'jira-dataset.json'), 'utf8')) as JiraDataset;
  const ado = await startAdoEmulator({ dataset: adoDataset });
  const jira = new JiraEmulator(jiraDataset);
  const running = await jira.start();
  return {
    ado,
    jira,
    jiraUrl: running.url,
    close: async () => {
      await Promise.all([ado.close(), running.close()]);
    },
  };
}

/** A scratch directory holding a copy of a fixture plan (a path under test/fixtures/pull); `cleanup` removes it. */
export interface ScratchPlan {
  dir: string;
  path: string;
  original: string;
  cleanup(): Promise<void>;
}

export async function scratchPlan(fixture: string): Promise<ScratchPlan> {
  const dir = await mkdtemp(join(tmpdir(), 'okr-pull-'));
  const path = join(dir, basename(fixture));
  await copyFile(join(fixtures, fixture), path);
  return { dir, path, original: await readFile(path, 'utf8'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A local port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export const jiraEnv = (overrides: Record<string, string> = {}): Record<string, string> => ({
  JIRA_EMAIL: JIRA_USER.email,
  JIRA_API_TOKEN: JIRA_USER.token,
  ...overrides,
});

export const adoEnv = (pat = ADO_PAT): Record<string, string> => ({ AZURE_DEVOPS_EXT_PAT: pat });

/**
 * Fresh emulators and a scratch copy of `fixture` for every test of the enclosing describe (or
 * file), closed and removed after it; `use` receives them for the test's own variables.
 */
export function eachTestWithTrackersAndPlan(fixture: string, use: (trackers: Trackers, plan: ScratchPlan) => void): void {
  let running: { trackers: Trackers; plan: ScratchPlan } | undefined;
  beforeEach(async () => {
    running = { trackers: await startTrackers(), plan: await scratchPlan(fixture) };
    use(running.trackers, running.plan);
  });
  afterEach(async () => {
    await running?.trackers.close();
    await running?.plan.cleanup();
    running = undefined;
  });
}
