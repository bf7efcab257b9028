// Posts a digest message to a Slack incoming webhook or a Teams workflow webhook, through the
// host's own fetch (Node's in the CLI, @forge/api's on Forge). A refusal says what to fix: Slack
// answers 4xx with a short code in the body (`invalid_payload`, `no_service`, ...); 429 carries
// Retry-After, which is honoured a few times before giving up.
import { retryAfterMs } from '../../core/model/retry-after';

/** The part of a fetch Response the delivery reads. */
export interface WebhookResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type WebhookFetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<WebhookResponse>;

export interface DeliverOptions {
  fetch: WebhookFetch;
  /** Injected so tests never wait on the clock. */
  sleep: (ms: number) => Promise<void>;
  /** Tries in all, the first included; default 3. */
  attempts?: number;
  /** The longest wait a Retry-After may ask for before giving up; default 60 s. */
  maxWaitMs?: number;
}

export class WebhookError extends Error {
  readonly code = 'webhook';
  constructor(message: string, readonly status: number | undefined) {
    super(message);
    this.name = 'WebhookError';
  }
}

/** What Slack's documented error codes mean for whoever set the webhook. */
const SLACK_HINTS: Record<string, string> = {
  invalid_payload: 'the message was not valid JSON or Block Kit (a Harmony bug: please report it with the plan that produced it)',
  invalid_token: 'the webhook URL is no longer valid: create a new incoming webhook and save its URL',
  no_service: 'the webhook was removed or disabled: create a new incoming webhook and save its URL',
  no_service_id: 'the webhook URL is incomplete: copy the whole URL from Slack',
  no_team: 'the Slack workspace of this webhook no longer exists: create a new incoming webhook',
  team_disabled: 'the Slack workspace of this webhook is disabled',
  channel_not_found: 'the webhook\'s channel no longer exists: create a new incoming webhook for another channel',
  channel_is_archived: 'the webhook\'s channel is archived: unarchive it or create a webhook for another channel',
  action_prohibited: 'a Slack admin restricted posting to this channel',
  posting_to_general_channel_denied: 'only Slack admins may post to #general: use another channel',
  too_many_attachments: 'the message was too large (a Harmony bug: please report it)',
  rollup_error: 'Slack could not post the message; try again later',
};

/** Only https webhooks: the URL carries its own secret, and it must not travel in clear text. */
export function checkWebhookUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'expected the webhook URL as Slack or Teams shows it, starting with https://';
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost'))) {
    return 'the webhook URL must start with https:// (it carries its own secret)';
  }
  return undefined;
}

export async function deliver(url: string, payload: unknown, options: DeliverOptions): Promise<void> {
  const problem = checkWebhookUrl(url);
  if (problem) throw new WebhookError(problem, undefined);
  const attempts = options.attempts ?? 3;
  const maxWait = options.maxWaitMs ?? 60_000;
  const body = JSON.stringify(payload);
  for (let attempt = 1; ; attempt++) {
    let response: WebhookResponse;
    try {
      response = await options.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    } catch (e) {
      throw new WebhookError(`could not reach the webhook (${e instanceof Error ? e.message : String(e)}): check the URL and that this machine may reach it`, undefined);
    }
    if (response.status >= 200 && response.status < 300) return;
    const text = (await response.text().catch(() => '')).trim();
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? 1000 * attempt;
      if (attempt < attempts && wait <= maxWait) {
        await options.sleep(wait);
        continue;
      }
      throw new WebhookError(`the webhook kept answering "too many requests" (HTTP 429) after ${String(attempt)} tries: try again later`, 429);
    }
    if (response.status >= 500 && attempt < attempts) {
      await options.sleep(1000 * attempt);
      continue;
    }
    throw new WebhookError(describe(response.status, text), response.status);
  }
}

function describe(status: number, body: string): string {
  const code = /^[a-z_]+$/.test(body) ? body : undefined;
  const hint = code !== undefined ? SLACK_HINTS[code] : undefined;
  // A remote body may hold terminal control characters: never echo them.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const clean = body.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const shown = clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
  if (hint) return `the webhook refused the digest (HTTP ${String(status)} ${code ?? ''}): ${hint}`;
  if (status === 404 || status === 410) return `the webhook does not exist any more (HTTP ${String(status)}): create a new one and save its URL`;
  if (status === 401 || status === 403) return `the webhook refused the digest (HTTP ${String(status)}${shown ? `: ${shown}` : ''}): check that the URL is the whole webhook URL and still enabled`;
  return `the webhook refused the digest (HTTP ${String(status)}${shown ? `: ${shown}` : ''})`;
}
