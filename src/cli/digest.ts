// `okr digest PLAN --webhook URL`: the weekly reminder posted to Slack or Teams from anywhere a
// schedule runs (an Azure Pipelines schedule, a GitHub Actions cron: docs/digest-pipelines.md).
// Exit 0 posted (or printed with --dry-run); 2 usage or invalid plan; 3 the webhook refused it.
import { parseArgs } from 'node:util';
import { buildDigest, evaluate, isIsoDate, parsePlanText, slackMessage, teamsMessage, todayUtc, InvalidInputError, type DigestFormat } from '../core';
import { checkWebhookUrl, deliver, WebhookError } from '../app/digest/deliver';
import { readFileSync } from 'node:fs';
import type { CliIo } from './io';
import { escapeControls, terminalJson } from './render/terminal-text';

export class DigestUsageError extends Error {}

/** Slack's webhooks live on hooks.slack.com; anything else is taken for a Teams workflow. */
export function guessFormat(url: string): DigestFormat {
  try {
    return new URL(url).hostname === 'hooks.slack.com' ? 'slack' : 'teams';
  } catch {
    return 'slack';
  }
}

export async function runDigest(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        webhook: { type: 'string' },
        at: { type: 'string' },
        format: { type: 'string' },
        team: { type: 'string' },
        link: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new DigestUsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (file === undefined) throw new DigestUsageError('missing PLAN: the path of a YAML or JSON plan file');
  if (extra.length) throw new DigestUsageError(`unexpected argument "${escapeControls(extra[0] ?? '')}"`);
  const dryRun = values['dry-run'] === true;
  // The URL is a secret: a pipeline passes it in OKR_DIGEST_WEBHOOK rather than on the command line.
  const webhook = values.webhook ?? io.env.OKR_DIGEST_WEBHOOK;
  if (webhook === undefined && !dryRun) throw new DigestUsageError('missing --webhook URL (or OKR_DIGEST_WEBHOOK): the Slack or Teams webhook to post to');
  if (webhook !== undefined) {
    const problem = checkWebhookUrl(webhook);
    if (problem) throw new DigestUsageError(`--webhook: ${problem}`);
  }
  const format = values.format ?? (webhook !== undefined ? guessFormat(webhook) : 'slack');
  if (format !== 'slack' && format !== 'teams') throw new DigestUsageError(`--format: expected slack or teams, got "${escapeControls(format)}"`);
  if (values.at !== undefined && !isIsoDate(values.at)) throw new DigestUsageError(`--at: expected a calendar date YYYY-MM-DD, got "${escapeControls(values.at)}"`);
  if (values.link !== undefined && !/^https?:\/\//.test(values.link)) throw new DigestUsageError('--link: expected the board\'s address, starting with https://');
  const at = values.at ?? todayUtc();

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DigestUsageError(code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file}: ${(e as Error).message}`);
  }
  let plan;
  try {
    plan = parsePlanText(text, /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : undefined);
  } catch (e) {
    if (e instanceof InvalidInputError) throw new InvalidInputError(e.problems, `${file}: ${e.message.split(':')[0]}`);
    throw e;
  }
  const team = values.team;
  if (team !== undefined && !plan.teams.some((t) => t.id === team)) {
    throw new DigestUsageError(`--team: unknown team "${escapeControls(team)}" (teams: ${plan.teams.map((t) => escapeControls(t.id)).join(', ')})`);
  }
  const digest = buildDigest(plan, evaluate(plan, at), team !== undefined ? { team } : {});
  const payload = format === 'slack' ? slackMessage(digest, values.link) : teamsMessage(digest, values.link);
  if (dryRun || webhook === undefined) {
    io.stdout.write(`${terminalJson(payload)}\n`);
    return 0;
  }
  try {
    await deliver(webhook, payload, { fetch: io.fetch ?? globalThis.fetch, sleep: io.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))) });
  } catch (e) {
    if (e instanceof WebhookError) {
      io.stderr.write(`okr digest: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
  const items = digest.groups.filter((g) => g.kind === 'team').reduce((n, g) => n + g.needCheckIn.length + g.offTrack.length + g.breachedKpis.length, 0);
  io.stdout.write(`posted the ${format === 'slack' ? 'Slack' : 'Teams'} digest of ${at}: ${String(digest.groups.length)} team and owner sections, ${String(items)} items\n`);
  return 0;
}
