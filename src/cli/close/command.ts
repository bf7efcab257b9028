// `okr close PLAN --period P [--at DATE]` and `okr rollover PLAN --from P --to Q [--start DATE
// --end DATE] [--unfinished]` (SPEC §9–§10). The core decides; this reads the file, writes it back
// as `okr pull` does (atomically, the rest of the file as it was) and prints a summary. A refusal
// writes nothing: exit 2 with what to fix on stderr.
import { parseArgs } from 'node:util';
import { closePeriod, evaluate, InvalidInputError, isIsoDate, previewRollover, rolloverPlan, todayUtc, validatePlan, type IsoDate, type Plan } from '../../core';
import type { CliIo } from '../io';
import { PlanFileError, readPlanFile, writePlanFile, type PlanFile } from '../pull/plan-file';
import { plainOutput, terminalSafe } from '../render/terminal-text';
import { rewriteWithEdits, type Edit } from './plan-edit';
import { closeSummary, rolloverSummary } from './summary';

export const CLOSE_USAGE = `usage:
  okr close PLAN --period ID [--at YYYY-MM-DD]
      closes the period on --at (default today, UTC) and freezes each of its key results'
      evaluation as of the earlier of that day and the period's end (its \`final\`)
  okr rollover PLAN --from ID --to ID [--start YYYY-MM-DD --end YYYY-MM-DD] [--unfinished]
      carries the closed period's KPI key results (and with --unfinished every key result below
      100%) into the next period, which --start and --end add when the plan lacks it
More: docs/cli.md`;

class CloseUsageError extends Error {}

export async function runCloseCommand(command: 'close' | 'rollover', argv: readonly string[], raw: CliIo): Promise<number> {
  // Titles and ids come from the plan file: never as control codes.
  const io = { ...raw, stdout: plainOutput(raw.stdout), stderr: plainOutput(raw.stderr) };
  const label = `okr ${command}`;
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(`${CLOSE_USAGE}\n`);
    return 0;
  }
  try {
    return command === 'close' ? await close(argv, io) : await rollover(argv, io);
  } catch (e) {
    if (e instanceof CloseUsageError) {
      io.stderr.write(`${label}: ${e.message}\n\n${CLOSE_USAGE}\n`);
      return 2;
    }
    if (e instanceof InvalidInputError) {
      io.stderr.write(`${label}: ${e.message}\nNothing was written.\n`);
      return 2;
    }
    if (e instanceof PlanFileError) {
      // writePlanFile words its "changed under us" refusal for a pull.
      const message = e.message.replace('while the work items were being pulled; nothing was written, run the pull again', `while okr ${command} ran; nothing was written, run it again`);
      io.stderr.write(`${label}: ${message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

async function close(argv: readonly string[], io: CliIo): Promise<number> {
  const { file, values } = parse(argv, { period: { type: 'string' }, at: { type: 'string' } });
  const period = required(values, 'period', 'the id of the period to close');
  const at = values.at === undefined ? todayUtc() : date(values.at, '--at');
  const plan = await readPlanFile(file);
  const closed = closePeriod(plan.plan, period, at);
  const index = plan.plan.periods.findIndex((p) => p.id === period);
  const edits: Edit[] = [{ kind: 'set', path: ['periods', index], key: 'closed', value: at }];
  plan.plan.objectives.forEach((o, i) => {
    if (o.period !== period) return;
    closed.objectives[i]?.keyResults.forEach((kr, j) => edits.push({ kind: 'set', path: ['objectives', i, 'keyResults', j], key: 'final', value: kr.final }));
  });
  await write(plan, closed, edits, io, 'okr close');
  io.stdout.write(closeSummary(terminalSafe(evaluate(closed, at)), terminalSafe(closed.periods[index]), file));
  return 0;
}

async function rollover(argv: readonly string[], io: CliIo): Promise<number> {
  const { file, values } = parse(argv, { from: { type: 'string' }, to: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, unfinished: { type: 'boolean' } });
  const options = {
    from: required(values, 'from', 'the id of the closed period to carry from'),
    to: required(values, 'to', 'the id of the period to carry into'),
    ...(values.start !== undefined ? { start: date(values.start, '--start') } : {}),
    ...(values.end !== undefined ? { end: date(values.end, '--end') } : {}),
    unfinished: values.unfinished === true,
  };
  const plan = await readPlanFile(file);
  const preview = previewRollover(plan.plan, options);
  const after = rolloverPlan(plan.plan, options);
  const edits: Edit[] = [
    ...(preview.addsPeriod ? [{ kind: 'append' as const, path: ['periods'], value: preview.period }] : []),
    ...preview.objectives.map((o): Edit => ({ kind: 'append', path: ['objectives'], value: o.objective })),
  ];
  if (edits.length > 0) await write(plan, after, edits, io, 'okr rollover');
  io.stdout.write(rolloverSummary(terminalSafe(preview), options.from, options.unfinished, edits.length > 0 ? file : undefined));
  return 0;
}

async function write(file: PlanFile, intended: Plan, edits: readonly Edit[], io: CliIo, label: string): Promise<void> {
  // Whatever route writes it, the file must hold a valid plan.
  validatePlan(intended);
  const rewrite = rewriteWithEdits(file.text, file.format, edits, intended);
  await writePlanFile(file.path, rewrite.text, file.text);
  if (rewrite.fidelity === 'values') {
    io.stderr.write(`${label}: the file's layout could not be kept, so it was rewritten in the standard layout; its comments were lost\n`);
  }
}

type Values = Record<string, string | boolean | undefined>;

function parse(argv: readonly string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']): { file: string; values: Values } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CloseUsageError((e as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new CloseUsageError('missing PLAN: the path of a YAML or JSON plan file');
  if (extra.length) throw new CloseUsageError(`unexpected argument "${extra[0]}"`);
  return { file, values: parsed.values };
}

function required(values: Values, name: string, what: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CloseUsageError(`missing --${name}: ${what}`);
  return value;
}

function date(value: string | boolean, option: string): IsoDate {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new CloseUsageError(`${option}: expected a calendar date YYYY-MM-DD, got "${String(value)}"`);
  return value;
}
