// `okr measure` arguments: those of `okr pull` (tracker, PLAN, --org/--project or --site/--email,
// --dry-run, and the same credentials from the environment) plus `--at`, the day the values are
// recorded on. Parsed by pull's own parser, so both commands take credentials the same way.
import { isIsoDate, todayUtc, type IsoDate } from '../../core';
import { parsePullArgs, PullUsageError, type PullRequest } from '../pull/options';

export const MEASURE_USAGE = `usage:
  okr measure jira PLAN --site URL [--email ADDRESS] [--at DATE] [--dry-run]
      run the plan's JQL measures; API token from JIRA_API_TOKEN, email from --email or JIRA_EMAIL
  okr measure ado PLAN --org URL --project NAME [--at DATE] [--dry-run]
      run the plan's WIQL measures; token from AZURE_DEVOPS_EXT_PAT
Records each value as a check-in (KR) or reading (KPI) dated --at (default today, UTC), with
source: measured and the matched count; a measured value of that day is replaced, typed values
never are. One line per measure: id, value, matched count. --dry-run prints and writes nothing.
Exit 0 done; 2 usage, missing credentials or invalid plan; 3 a measure could not be read.`;

export type MeasureRequest = PullRequest & { at: IsoDate };

export function parseMeasureArgs(argv: readonly string[], env: Record<string, string | undefined>, today: () => IsoDate = todayUtc): MeasureRequest {
  const [system] = argv;
  if (system !== 'ado' && system !== 'jira') {
    throw new PullUsageError(system === undefined ? 'measure on which tracker? name it: jira or ado' : `unknown tracker "${system}": expected jira or ado`);
  }
  const rest: string[] = [];
  let at: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--at') {
      at = argv[++i];
      if (at === undefined) throw new PullUsageError("option '--at <value>' argument missing");
    } else if (arg.startsWith('--at=')) {
      at = arg.slice('--at='.length);
    } else {
      rest.push(arg);
    }
  }
  if (at !== undefined && !isIsoDate(at)) throw new PullUsageError(`--at: expected a calendar date YYYY-MM-DD, got "${at}"`);
  return { ...parsePullArgs(rest, env), at: at ?? today() };
}
