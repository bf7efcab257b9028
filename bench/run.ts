// `npm run bench`: every performance budget the issues name, measured and printed as JSON.
// Figures go into the closing notes; budgets are never asserted as timed unit tests.
import { benchCore } from './core';
import { benchTrackers } from './trackers';
import { benchAdo } from './ado';
import { benchForge } from './forge';
import { benchCli } from './cli';
// Review page (issue 10 §3).
import { benchReview } from './review';
import { benchMeasureForge } from './measure-forge';
import { benchAuthoring } from './authoring';
import { benchCadence } from './cadence';

const suites: Record<string, () => unknown> = { core: () => benchCore(), trackers: () => benchTrackers(), ado: () => benchAdo(), forge: () => benchForge(), cli: () => benchCli(), review: () => benchReview(), 'measure-forge': () => benchMeasureForge(), authoring: () => benchAuthoring(), cadence: () => benchCadence() };
const only = process.argv.slice(2);
for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  process.stdout.write(`${JSON.stringify({ [name]: await run() }, null, 2)}\n`);
}
