// A real workbench (SQLite store, Jira and ADO emulators, the tracker adapters over HTTP) on a
// free port with a throwaway data folder, and a typed API client for checking what the UI shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../../../src/app/api';
import type { IsoDate } from '../../../src/core/model/dates';
import { createHttpClient } from '../../../src/ui/client/http-client';
import { startWorkbench, type RunningWorkbench } from '../../../src/workbench/server';
import { ensureUiBuilt, STATIC_DIR } from './build-ui';

export interface TestWorkbench {
  wb: RunningWorkbench;
  url: string;
  api: ApiClient;
  /** Moves the workbench's "today" (the demo's data is dated in 2026-Q4). */
  setToday(day: string): void;
  close(): Promise<void>;
}

export const DEMO_TODAY = '2026-11-15';

export async function startTestWorkbench(today: string = DEMO_TODAY): Promise<TestWorkbench> {
  await ensureUiBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'harmony-browser-'));
  let day = today as IsoDate;
  const wb = await startWorkbench({ port: 0, dataDir, staticDir: STATIC_DIR, today: () => day });
  return {
    wb,
    url: wb.url,
    api: createHttpClient({ baseUrl: wb.url }),
    setToday: (next) => {
      day = next as IsoDate;
    },
    close: async () => {
      await wb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
