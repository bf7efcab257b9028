// `okr`: evaluate, lint and browse a plan file from the terminal (SPEC §5).
// Exit codes: 0 fine; 1 `lint` found an error-level lint; 2 invalid input or usage;
// 3 `pull` could not read the tracker.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluate, InvalidInputError, isIsoDate, parsePlanText, todayUtc, type IsoDate, type Plan } from '../core';
import type { CliIo } from './io';
import { runPull } from './pull/command';
import { renderBoard } from './render/board-tree';
import { renderLints, renderReport } from './render/report-table';
import { painter } from './render/style';

const USAGE = `usage:
  okr evaluate PLAN [--at YYYY-MM-DD] [--json]   the report (progress, status, KPIs, lints)
  okr lint PLAN [--json]                         the doctrine lints; exit 1 on any error-level lint
  okr board PLAN [--at YYYY-MM-DD] [--team ID]   the alignment tree: teams, objectives, KRs
  okr pull ado PLAN --org URL --project NAME     refresh PLAN's Azure DevOps work items (AZURE_DEVOPS_EXT_PAT)
  okr pull jira PLAN --site URL [--email ADDR]   refresh PLAN's Jira work items (JIRA_EMAIL, JIRA_API_TOKEN)
PLAN is a YAML or JSON plan file (format and rules: docs/plan-format.md); --at defaults to today (UTC).`;

class UsageError extends Error {}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`okr: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InvalidInputError) {
      io.stderr.write(`okr: ${e.message}\n`);
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
    case 'evaluate': {
      const { plan, values } = await load(rest, { at: { type: 'string' }, json: { type: 'boolean' } });
      const report = evaluate(plan, dateOption(values.at));
      io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(plan, report, painter(io)));
      return 0;
    }
    case 'lint': {
      const { plan, values } = await load(rest, { at: { type: 'string' }, json: { type: 'boolean' } });
      const { lints } = evaluate(plan, dateOption(values.at));
      io.stdout.write(values.json ? `${JSON.stringify(lints, null, 2)}\n` : `${renderLints(lints, painter(io)).join('\n')}\n`);
      return lints.some((l) => l.severity === 'error') ? 1 : 0;
    }
    case 'board': {
      const { plan, values } = await load(rest, { at: { type: 'string' }, team: { type: 'string' } });
      const team = values.team;
      if (typeof team === 'string' && !plan.teams.some((t) => t.id === team)) {
        throw new UsageError(`--team: unknown team "${team}" (teams: ${plan.teams.map((t) => t.id).join(', ')})`);
      }
      io.stdout.write(renderBoard(plan, evaluate(plan, dateOption(values.at)), painter(io), typeof team === 'string' ? team : undefined));
      return 0;
    }
    case 'pull':
      return runPull(rest, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

async function load(args: readonly string[], options: Options): Promise<{ plan: Plan; values: Record<string, string | boolean | undefined> }> {
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
    text = await readFile(file, 'utf8');
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
