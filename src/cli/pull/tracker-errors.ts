// A failed pull, in words that say what to fix: the token, the organization or site URL, the
// project, or just "try later". Only failures of talking to the tracker are described here (exit 3);
// anything else is a defect and is left to crash loudly.
import { RateLimitedError } from '../../core/model/errors';
import { AdoHttpError } from '../../trackers/ado/wit-client';
import { JiraError } from '../../trackers/jira';

export type PullTarget =
  | { system: 'ado'; orgUrl: string; project: string }
  /** `emailFrom` names where the email came from, so the message points at the right knob. */
  | { system: 'jira'; siteUrl: string; emailFrom: string };

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** The message for a tracker failure, or undefined when `error` is not one. */
export function describeTrackerError(error: unknown, target: PullTarget): string | undefined {
  return target.system === 'ado' ? describeAdo(error, target) : describeJira(error, target);
}

function describeAdo(error: unknown, target: Extract<PullTarget, { system: 'ado' }>): string | undefined {
  const org = target.orgUrl;
  if (error instanceof RateLimitedError) return error.message;
  if (error instanceof AdoHttpError) {
    const said = bare(error.message);
    switch (error.status) {
      case 401:
        return (
          `Azure DevOps refused the token (401: ${said}). Check AZURE_DEVOPS_EXT_PAT: it may be mistyped, expired or revoked, ` +
          `or made for another organization than ${org}.`
        );
      case 403:
        return `Azure DevOps does not let this token read work items (403: ${said}). Give the personal access token the Work Items (Read) scope.`;
      case 404:
        return /project/i.test(said)
          ? `Azure DevOps has no project "${target.project}" in ${org} that this token can see (${said}). Check --project.`
          : `Azure DevOps answered 404 (${said}). Check --org (${org}) and --project (${target.project}).`;
      default:
        return `Azure DevOps answered ${error.status}: ${said}`;
    }
  }
  const network = networkCode(error);
  if (network !== undefined) {
    return `Could not reach Azure DevOps at ${org} (${network}). Check --org (https://dev.azure.com/{organization}) and your network or proxy.`;
  }
  // typed-rest-client (under azure-devops-node-api) gives up on a silent server with a bare Error.
  if (error instanceof Error && /^request timeout/i.test(error.message)) {
    return `Azure DevOps at ${org} did not answer in time (${bare(error.message)}). Check --org and your network or proxy, or try again later.`;
  }
  // azure-devops-node-api's words when the URL answers but is no organization: the resource area
  // discovery finds nothing there.
  if (error instanceof Error && /failed to find api location/i.test(error.message)) {
    return `${org} does not answer as an Azure DevOps organization (${bare(error.message)}). Check --org: it should be https://dev.azure.com/{organization}.`;
  }
  return undefined;
}

function describeJira(error: unknown, target: Extract<PullTarget, { system: 'jira' }>): string | undefined {
  const site = target.siteUrl;
  if (error instanceof RateLimitedError) return error.message;
  if (error instanceof JiraError) {
    const said = bare(error.message);
    switch (error.status) {
      case 0:
        return /could not reach|did not answer/i.test(said)
          ? `${said}. Check --site (https://{your-site}.atlassian.net) and your network or proxy.`
          : error.message;
      case 401:
        return (
          `Jira at ${site} refused the credentials (401). Check ${target.emailFrom} and JIRA_API_TOKEN: the token must be an ` +
          'Atlassian API token (https://id.atlassian.com/manage-profile/security/api-tokens) of that very account, not revoked or expired.'
        );
      case 403:
        return `${said}. The account may lack the Browse projects permission, or the site may not allow API tokens.`;
      case 404:
        return `${said}. Check --site: it should be the site's base URL, such as https://{your-site}.atlassian.net.`;
      default:
        return error.message;
    }
  }
  const network = networkCode(error);
  if (network !== undefined) return `Could not reach Jira at ${site} (${network}). Check --site and your network or proxy.`;
  // The adapter's words for an answer that is not what Jira sends (a proxy page, another service).
  if (error instanceof Error && error.message.startsWith('Jira answered')) return `${bare(error.message)}. Check --site.`;
  return undefined;
}

function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR') || code.includes('CERT'))) return code;
  }
  return undefined;
}

/** A message without its closing full stop, to go inside a sentence of ours. */
function bare(message: string): string {
  return message.trim().replace(/\.+$/, '');
}
