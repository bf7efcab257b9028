// `okr measure jira|ado PLAN ...` (SPEC §8): run the plan's measures of one tracker as the
// credentials' owner and record each value on its KR or KPI. Exit 0 done; 2 usage, missing
// credentials or an invalid plan; 3 some measure could not be read (the others are still
// recorded, and each failure is named on stderr).
import { InvalidInputError, measureTracker, noValueText, planMeasures, QueryRefusedError, recordMeasured, TooManyResultsError, type Plan, type PlanMeasure } from '../../core';
import type { MeasureResult } from '../../core';
import type { CliIo } from '../io';
import { escapeControls, plainOutput } from '../render/terminal-text';
import { PlanFileError, readPlanFile, writePlanFile } from '../pull/plan-file';
import { PullUsageError } from '../pull/options';
import { describeTrackerError, type PullTarget } from '../pull/tracker-errors';
import { MEASURE_USAGE, parseMeasureArgs, type MeasureRequest } from './options';
import { recordedText } from './record-text';
import { measureSource } from './sources';

const LANGUAGE = { jira: 'jql', ado: 'wiql' } as const;

export async function runMeasure(argv: readonly string[], raw: CliIo): Promise<number> {
  // Ids, queries and the trackers' messages are quoted: never as control codes.
  const io = { ...raw, stdout: plainOutput(raw.stdout), stderr: plainOutput(raw.stderr) };
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(`${MEASURE_USAGE}\n`);
    return 0;
  }
  try {
    return await measure(parseMeasureArgs(argv, io.env), io);
  } catch (e) {
    if (e instanceof PullUsageError) {
      io.stderr.write(`okr measure: ${e.message}\n${e.showUsage ? `\n${MEASURE_USAGE}\n` : ''}`);
      return 2;
    }
    if (e instanceof InvalidInputError) {
      io.stderr.write(`okr measure: ${e.message}\n`);
      return 2;
    }
    if (e instanceof PlanFileError) {
      io.stderr.write(`okr measure: ${e.message.replace('while the work items were being pulled', 'while the measures ran').replace('run the pull again', 'run okr measure again')}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

async function measure(request: MeasureRequest, io: CliIo): Promise<number> {
  const label = `okr measure ${request.system}`;
  const file = await readPlanFile(request.file);
  const measures = planMeasures(file.plan).filter((m) => measureTracker(m.measure) === request.system);
  if (measures.length === 0) {
    io.stderr.write(`${label}: no key result or KPI of ${request.file} is measured by \`${LANGUAGE[request.system]}\`; nothing to run\n`);
    return 0;
  }
  const source = measureSource(request, (ms) => io.stderr.write(`${label}: the tracker asks to slow down; waiting ${Math.ceil(ms / 1000)} s\n`));
  let plan: Plan = file.plan;
  const recorded: PlanMeasure[] = [];
  let failed = 0;
  for (const m of measures) {
    let result: MeasureResult;
    try {
      result = await source.run(m.measure);
    } catch (e) {
      const message = failureText(e, target(request));
      if (message === undefined) throw e;
      io.stderr.write(`${label}: ${escapeControls(m.id)}: ${message}\n`);
      failed++;
      continue;
    }
    io.stdout.write(`${resultLine(m.id, result)}\n`);
    if (result.value === undefined) continue;
    plan = recordMeasured(plan, m.id, { at: request.at, value: result.value, count: result.matched });
    recorded.push(m);
  }
  if (!request.dryRun && recorded.length > 0) {
    const out = recordedText(file.text, file.format, plan, recorded);
    await writePlanFile(file.path, out.text, file.text);
    if (out.fidelity === 'values') {
      io.stderr.write(`${label}: the file's layout could not be kept, so it was rewritten in the standard layout; its comments were lost\n`);
    }
  }
  const what = request.dryRun ? 'dry run, nothing written' : recorded.length > 0 ? `recorded on ${request.at} in ${file.path}` : 'nothing to record';
  io.stderr.write(`${label}: ${recorded.length} of ${measures.length} measure(s) ${what}${failed > 0 ? `; ${failed} failed` : ''}\n`);
  return failed > 0 ? 3 : 0;
}

/** `id  value  (N matched)`; a percent also names its denominator. */
function resultLine(id: string, result: MeasureResult): string {
  const matched = result.denominator === undefined ? `${result.matched} matched` : `${result.matched} of ${result.denominator} matched`;
  const value = result.value === undefined ? `no value: ${noValueText(result.noValue)}` : shown(result.value);
  return `${escapeControls(id)}  ${value}  (${matched})`;
}

/** Up to two decimals on screen; the file keeps the exact value. */
function shown(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function failureText(error: unknown, where: PullTarget): string | undefined {
  if (error instanceof QueryRefusedError) return `the tracker refused the query: ${error.message}`;
  if (error instanceof TooManyResultsError) return error.message;
  return describeTrackerError(error, where);
}

function target(request: MeasureRequest): PullTarget {
  return request.system === 'ado'
    ? { system: 'ado', orgUrl: request.target.orgUrl, project: request.target.project }
    : { system: 'jira', siteUrl: request.target.siteUrl, emailFrom: request.emailFrom };
}
