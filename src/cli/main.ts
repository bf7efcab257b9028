// `okr`: evaluate, lint and browse a plan file from the terminal (SPEC §5).
// Exit codes: 0 fine; 1 `lint` found an error-level lint; 2 invalid input or usage;
// 3 `pull` or `measure` could not read the tracker.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assertNever, evaluate, InvalidInputError, isIsoDate, parsePlanText, review, reviewMarkdown, todayUtc, type IsoDate, type Plan, type Report } from '../core';
import type { CliIo } from './io';
import { renderBoard } from './render/board-tree';
import { outputWidth } from './render/layout';
import { renderLints, renderReport } from './render/report-table';
import { reviewJson } from './render/review-json';
import { painter } from './render/style';
import { escapeControls, plainOutput, terminalJson, terminalSafe } from './render/terminal-text';
import { version } from './version';
import { DigestUsageError, runDigest } from './digest';

const USAGE = `usage:
  okr evaluate PLAN [--at YYYY-MM-DD] [--json [--explain]]
                                     the report: progress, status, KPIs, lints (--explain: each unit)
  okr lint PLAN [--json]             the doctrine lints; exit 1 on any error-level lint
  okr board PLAN [--at YYYY-MM-DD] [--team ID]
                                     the alignment tree: teams, objectives, KRs
  okr review PLAN [--at YYYY-MM-DD] [--team ID] [--period ID] [--format md|json]
                                     the monthly review: KPIs, objectives, spotlight, lints
  okr close PLAN --period ID [--at YYYY-MM-DD]
                                     close a period: freeze its key results' numbers and scores
  okr rollover PLAN --from ID --to ID [--start YYYY-MM-DD --end YYYY-MM-DD] [--unfinished]
                                     carry a closed period's KPI (and unfinished) key results on
  okr pull ado PLAN --org URL --project NAME
                                     refresh PLAN's Azure DevOps work items (AZURE_DEVOPS_EXT_PAT)
  okr pull jira PLAN --site URL [--email ADDR]
                                     refresh PLAN's Jira work items (JIRA_EMAIL, JIRA_API_TOKEN)
  okr measure jira PLAN --site URL [--email ADDR] [--at DATE] [--dry-run]
  okr measure ado PLAN --org URL --project NAME [--at DATE] [--dry-run]
                                     run PLAN's tracker queries and record their values
  okr digest PLAN --webhook URL [--at YYYY-MM-DD] [--format slack|teams] [--team ID] [--link URL] [--dry-run]
                                     post the weekly check-in digest to Slack or Teams (exit 3: refused)
  okr --version                      the version of okr
PLAN is a YAML or JSON plan file (format and rules: docs/plan-format.md); --at defaults to today (UTC).
More: docs/cli.md`;

class UsageError extends Error {}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Messages quote the plan's text (ids, titles) and the command line: never as control codes.
  const stderr = plainOutput(io.stderr);
  try {
    return await run(argv, { ...io, stderr });
  } catch (e) {
    if (e instanceof UsageError) {
      stderr.write(`okr: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InvalidInputError) {
      stderr.write(`okr: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout).write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case '--version':
    case '-v':
    case 'version':
      io.stdout.write(`${version}\n`);
      return 0;
    case 'evaluate': {
      const { plan, values } = load(rest, { at: { type: 'string' }, json: { type: 'boolean' }, explain: { type: 'boolean' } });
      if (values.explain === true && values.json !== true) throw new UsageError('--explain adds the per-unit explanation to --json output; use both');
      const report = evaluate(plan, dateOption(values.at));
      if (values.json === true) io.stdout.write(`${terminalJson(values.explain === true ? report : withoutExplanation(report))}\n`);
      else io.stdout.write(renderReport(terminalSafe(header(plan)), terminalSafe(withoutExplanation(report)), painter(io), outputWidth(io)));
      return 0;
    }
    case 'lint': {
      const { plan, values } = load(rest, { at: { type: 'string' }, json: { type: 'boolean' } });
      const { lints } = evaluate(plan, dateOption(values.at));
      io.stdout.write(values.json ? `${terminalJson(lints)}\n` : `${renderLints(terminalSafe(lints), painter(io)).join('\n')}\n`);
      return lints.some((l) => l.severity === 'error') ? 1 : 0;
    }
    case 'board': {
      const { plan, values } = load(rest, { at: { type: 'string' }, team: { type: 'string' } });
      const team = values.team;
      if (typeof team === 'string' && !plan.teams.some((t) => t.id === team)) {
        throw new UsageError(`--team: unknown team "${team}" (teams: ${plan.teams.map((t) => t.id).join(', ')})`);
      }
      const report = terminalSafe(withoutExplanation(evaluate(plan, dateOption(values.at))));
      io.stdout.write(renderBoard(terminalSafe(header(plan)), report, painter(io), typeof team === 'string' ? escapeControls(team) : undefined));
      return 0;
    }
    case 'review': {
      const { plan, values } = load(rest, { at: { type: 'string' }, team: { type: 'string' }, period: { type: 'string' }, format: { type: 'string' } });
      const format = values.format ?? 'md';
      if (format !== 'md' && format !== 'json') throw new UsageError(`--format: expected md or json, got "${String(format)}"`);
      const team = known('--team', values.team, plan.teams.map((t) => t.id));
      const period = known('--period', values.period, plan.periods.map((p) => p.id));
      const r = review(plan, evaluate(plan, dateOption(values.at)), { ...(team !== undefined ? { team } : {}), ...(period !== undefined ? { period } : {}) });
      // The Markdown escapes user text for Markdown and drops control characters; escaping it for
      // the terminal as well keeps this path as safe as every other readable output.
      io.stdout.write(format === 'json' ? `${terminalJson(reviewJson(r))}\n` : escapeControlsKeepingLines(reviewMarkdown(r)));
      return 0;
    }
    case 'close':
    case 'rollover':
      return (await import('./close/command')).runCloseCommand(command, rest, io);
    case 'digest':
      try {
        return await runDigest(rest, io);
      } catch (e) {
        if (e instanceof DigestUsageError) throw new UsageError(e.message);
        throw e;
      }
    case 'pull':
      // The trackers' clients are most of the CLI's code: load them only to pull.
      return (await import('./pull/command')).runPull(rest, io);
    case 'measure': // §8 measured values
      return (await import('./measure/command')).runMeasure(rest, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The value of an id option, which must name one of `ids`. */
function known(option: string, value: string | boolean | undefined, ids: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ids.includes(value)) {
    throw new UsageError(`${option}: unknown id "${escapeControls(String(value))}" (known: ${ids.map(escapeControls).join(', ') || 'none'})`);
  }
  return value;
}

function escapeControlsKeepingLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}

/** What the readable views show of the plan itself (the rest comes from the report). */
function header(plan: Plan): Pick<Plan, 'organization' | 'teams'> {
  return { organization: plan.organization, teams: plan.teams };
}

/**
 * The report without each effort KR's per-unit explanation: on a large plan that list is bigger
 * than the plan file itself (every work item again), so `--json` leaves it out unless `--explain`.
 */
function withoutExplanation(report: Report): Report {
  return { ...report, keyResults: report.keyResults.map(withoutOwnExplanation) as Report['keyResults'] };
}

function withoutOwnExplanation(kr: Report['keyResults'][number]): unknown {
  switch (kr.type) {
    case 'effort':
      return omitExplanation(kr);
    case 'outcome':
      return kr;
    default:
      return assertNever(kr);
  }
}

function omitExplanation<T extends { explanation: unknown }>(kr: T): Omit<T, 'explanation'> {
  const { explanation: _explanation, ...rest } = kr;
  return rest;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function load(args: readonly string[], options: Options): { plan: Plan; values: Record<string, string | boolean | undefined> } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('missing PLAN: the path of a YAML or JSON plan file');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file}: ${(e as Error).message}`);
  }
  const format = /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : undefined;
  try {
    return { plan: parsePlanText(text, format), values: parsed.values };
  } catch (e) {
    if (e instanceof InvalidInputError) throw new InvalidInputError(e.problems, `${file}: ${e.message.split(':')[0]}`);
    throw e;
  }
}

function dateOption(value: string | boolean | undefined): IsoDate {
  if (value === undefined) return todayUtc();
  if (typeof value !== 'string' || !isIsoDate(value)) throw new UsageError(`--at: expected a calendar date YYYY-MM-DD, got "${String(value)}"`);
  return value;
}
