// `okr pull` arguments and credentials. Secrets come from the environment only (never a flag, so
// they stay out of shell history and process lists), under the names the vendors' own tools use:
// AZURE_DEVOPS_EXT_PAT (the Azure DevOps CLI), JIRA_API_TOKEN with JIRA_EMAIL (or Atlassian's
// GitHub Actions name JIRA_USER_EMAIL, or --email).
import { parseArgs } from 'node:util';
import type { AdoTarget } from './fetch-ado';
import type { JiraTarget } from './fetch-jira';

export const PULL_USAGE = `usage:
  okr pull ado PLAN --org URL --project NAME [--dry-run]
      refresh the plan's Azure DevOps work items; token from AZURE_DEVOPS_EXT_PAT
  okr pull jira PLAN --site URL [--email ADDRESS] [--dry-run]
      refresh the plan's Jira work items; API token from JIRA_API_TOKEN, email from --email or JIRA_EMAIL
Reads every KR link of that tracker, fetches the linked items and all their descendants, and
writes them into PLAN's workItems (the other tracker's items are kept). --dry-run prints the
changes and writes nothing. Exit 0 done; 2 usage, missing credentials or invalid plan; 3 tracker error.`;

export const ENV = {
  adoPat: 'AZURE_DEVOPS_EXT_PAT',
  jiraToken: 'JIRA_API_TOKEN',
  jiraEmail: 'JIRA_EMAIL',
  jiraEmailAlt: 'JIRA_USER_EMAIL',
} as const;

/** Wrong or missing arguments or credentials: exit 2 with what to fix. */
export class PullUsageError extends Error {
  constructor(
    message: string,
    /** Whether the usage text helps (not for a missing environment variable). */
    readonly showUsage = true,
  ) {
    super(message);
  }
}

interface Common {
  file: string;
  dryRun: boolean;
}

export type PullRequest =
  | (Common & { system: 'ado'; target: AdoTarget })
  | (Common & { system: 'jira'; target: JiraTarget; emailFrom: string });

export function parsePullArgs(argv: readonly string[], env: Record<string, string | undefined>): PullRequest {
  const [system, ...rest] = argv;
  if (system !== 'ado' && system !== 'jira') {
    throw new PullUsageError(system === undefined ? 'pull what? name the tracker: ado or jira' : `unknown tracker "${system}": expected ado or jira`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options:
        system === 'ado'
          ? { org: { type: 'string' }, project: { type: 'string' }, 'dry-run': { type: 'boolean' } }
          : { site: { type: 'string' }, email: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new PullUsageError((e as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new PullUsageError('missing PLAN: the path of a YAML or JSON plan file');
  if (extra.length > 0) throw new PullUsageError(`unexpected argument "${extra[0]}"`);
  const dryRun = values['dry-run'] === true;
  if (system === 'ado') {
    const orgUrl = httpUrl(values.org, '--org', 'the organization URL, such as https://dev.azure.com/fabrikam');
    const project = text(values.project);
    if (project === undefined) throw new PullUsageError('missing --project: the Azure DevOps project whose work items the plan links');
    const pat = text(env[ENV.adoPat]);
    if (pat === undefined) {
      throw new PullUsageError(
        `${ENV.adoPat} is not set: set it to a personal access token with the Work Items (Read) scope for ${orgUrl}`,
        false,
      );
    }
    return { system, file, dryRun, target: { orgUrl, project, pat } };
  }
  const siteUrl = httpUrl(values.site, '--site', 'the Jira site URL, such as https://your-site.atlassian.net');
  const fromFlag = text(values.email);
  const fromEnv = text(env[ENV.jiraEmail]);
  const fromAlt = text(env[ENV.jiraEmailAlt]);
  const email = fromFlag ?? fromEnv ?? fromAlt;
  const emailFrom = fromFlag !== undefined ? '--email' : fromEnv !== undefined ? ENV.jiraEmail : ENV.jiraEmailAlt;
  if (email === undefined) {
    throw new PullUsageError(`no Jira account email: pass --email or set ${ENV.jiraEmail} to the email of the Atlassian account that owns the API token`, false);
  }
  const apiToken = text(env[ENV.jiraToken]);
  if (apiToken === undefined) {
    throw new PullUsageError(
      `${ENV.jiraToken} is not set: set it to an Atlassian API token of ${email} (create one at https://id.atlassian.com/manage-profile/security/api-tokens)`,
      false,
    );
  }
  return { system, file, dryRun, target: { siteUrl, email, apiToken }, emailFrom };
}

function text(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function httpUrl(value: string | boolean | undefined, flag: string, what: string): string {
  const raw = text(value);
  if (raw === undefined) throw new PullUsageError(`missing ${flag}: ${what}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PullUsageError(`${flag}: not a URL: "${raw}" (expected ${what})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PullUsageError(`${flag}: expected an http(s) URL, got "${raw}"`);
  if (url.search !== '' || url.hash !== '') throw new PullUsageError(`${flag}: expected ${what}, without a query or fragment`);
  return url.href.replace(/\/+$/, '');
}
