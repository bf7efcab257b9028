// `npm start`: the local workbench on PORT (default 4610), data in $HARMONY_DATA
// (default .workbench-data/harmony.db). `--reset` wipes the data and seeds the demo again.
import { isIsoDate } from '../core/model/dates';
import { startWorkbench } from './server';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--reset');
if (unknown.length) {
  console.error(`unknown argument(s): ${unknown.join(' ')}\nusage: tsx src/workbench/main.ts [--reset]   (env: PORT, HARMONY_DATA, HARMONY_TODAY)`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 4610);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}
const pinned = process.env.HARMONY_TODAY;
if (pinned !== undefined && !isIsoDate(pinned)) {
  console.error(`HARMONY_TODAY must be a date (YYYY-MM-DD), got ${pinned}`);
  process.exit(2);
}

const workbench = await startWorkbench({
  port,
  dbFile: process.env.HARMONY_DATA ?? '.workbench-data/harmony.db',
  reset: args.includes('--reset'),
  // Measured values: look for due measures every 5 minutes (each runs at most hourly).
  measureEveryMs: 5 * 60 * 1000,
  ...(pinned !== undefined && isIsoDate(pinned) ? { today: () => pinned } : {}),
});

console.log(`Harmony workbench: ${workbench.url}
  Jira issue panel:  ${workbench.url}/jira/browse/CS-1
  ADO work item:     ${workbench.url}/ado/workitem/101
  Alignment board:   ${workbench.url}/board
  KPI readout:       ${workbench.url}/kpis
  Monthly review:    ${workbench.url}/review
  Jira emulator:     ${workbench.jira.url}  (REST v3; viewer maria@raintown.example)
  ADO emulator:      ${workbench.ado.orgUrl}  (viewer maria)
  Data:              ${workbench.dbFile}${workbench.seeded ? '  (seeded with the Rain Town Tea demo)' : ''}
Press Ctrl+C to stop.`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  workbench.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
