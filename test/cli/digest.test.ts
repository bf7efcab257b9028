// `okr digest` against a local HTTP receiver standing in for a Slack incoming webhook or a Teams
// workflow: what is posted, and what a refusal (Slack's 4xx codes, 429 Retry-After) gives.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const SAMPLE = 'examples/rain-town-tea.yaml';

interface Received {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/** Answers each request with the next scripted reply (default 200 "ok"), recording what came. */
let replies: ((res: ServerResponse) => void)[] = [];
let received: Received[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(data) as unknown });
      const reply = replies.shift();
      if (reply) reply(res);
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  replies = [];
  received = [];
});

async function okr(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const sleeps: number[] = [];
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    fetch: (url, init) => fetch(url, init),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
  return { code, stdout, stderr, sleeps };
}

describe('okr digest posts to a webhook', () => {
  it('Slack: one Block Kit message with the stale KRs of the sample plan, exit 0', async () => {
    const run = await okr(['digest', SAMPLE, '--at', '2026-11-15', '--webhook', `${base}/services/T/B/x`, '--format', 'slack']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^posted the Slack digest of 2026-11-15: \d+ team and owner sections, \d+ items\n$/);
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r?.path).toBe('/services/T/B/x');
    expect(r?.contentType).toBe('application/json');
    const body = r?.body as { text: string; blocks: { type: string; text?: { type: string; text: string } }[] };
    expect(body.text).toBe('Weekly OKR check-in — Rain Town Tea (2026-11-15)');
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: body.text, emoji: false } });
    const all = body.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(all).toContain('• Reduce lead time for changes from 5 to 3.5 days — last check-in 8 days ago');
    expect(all).toContain('• Grow monthly subscription revenue from $42k to $55k — 19%, 50% expected by now');
    expect(all).toContain('*Team Engineering*');
    expect(all).toContain('_Breached KPIs nobody focuses on_');
    for (const b of body.blocks) expect(['header', 'section', 'divider', 'context']).toContain(b.type);
  });

  it('Teams: the workflow message with an Adaptive Card, and the URL may come from OKR_DIGEST_WEBHOOK', async () => {
    const run = await okr(['digest', SAMPLE, '--at', '2026-11-15', '--format', 'teams'], { OKR_DIGEST_WEBHOOK: `${base}/workflows/abc` });
    expect(run.code, run.stderr).toBe(0);
    const body = received[0]?.body as { type: string; attachments: { contentType: string; content: { type: string; body: { text: string }[] } }[] };
    expect(body.type).toBe('message');
    expect(body.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0]?.content.type).toBe('AdaptiveCard');
    expect(body.attachments[0]?.content.body.map((b) => b.text).join('\n')).toContain('- Sign 12 new café partners — last check-in 10 days ago');
  });

  it('--dry-run prints the payload and posts nothing', async () => {
    const run = await okr(['digest', SAMPLE, '--at', '2026-11-15', '--dry-run']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { blocks: unknown[] }).blocks.length).toBeGreaterThan(1);
    expect(received).toEqual([]);
  });

  it('Slack 400 invalid_payload: exit 3, says what it means', async () => {
    replies = [(res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload')];
    const run = await okr(['digest', SAMPLE, '--at', '2026-11-15', '--webhook', `${base}/s`]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('okr digest: the webhook refused the digest (HTTP 400 invalid_payload): the message was not valid JSON or Block Kit (a Harmony bug: please report it with the plan that produced it)\n');
  });

  it('Slack 404 no_service: exit 3, asks for a new webhook', async () => {
    replies = [(res) => res.writeHead(404).end('no_service')];
    const run = await okr(['digest', SAMPLE, '--webhook', `${base}/s`]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('the webhook was removed or disabled: create a new incoming webhook and save its URL');
  });

  it('429 with Retry-After: waits what it asks (injected sleep), then posts once more', async () => {
    replies = [(res) => res.writeHead(429, { 'retry-after': '2' }).end('rate_limited')];
    const run = await okr(['digest', SAMPLE, '--webhook', `${base}/s`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.sleeps).toEqual([2000]);
    expect(received).toHaveLength(2);
  });

  it('429 three times: gives up with exit 3 and says to try later', async () => {
    replies = [1, 2, 3].map(() => (res: ServerResponse) => res.writeHead(429, { 'retry-after': '1' }).end());
    const run = await okr(['digest', SAMPLE, '--webhook', `${base}/s`]);
    expect(run.code).toBe(3);
    expect(run.sleeps).toEqual([1000, 1000]);
    expect(run.stderr).toContain('HTTP 429) after 3 tries: try again later');
  });

  it('a refusal body with terminal control codes is printed without them', async () => {
    replies = [(res) => res.writeHead(400).end('bad \u001b[31mred\u001b[0m')];
    const run = await okr(['digest', SAMPLE, '--webhook', `${base}/s`]);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toContain('\u001b');
  });

  it.each([
    [['digest', SAMPLE], /missing --webhook URL/],
    [['digest', SAMPLE, '--webhook', 'http://hooks.example.com/x'], /--webhook: the webhook URL must start with https:\/\//],
    [['digest', SAMPLE, '--webhook', 'https://hooks.slack.com/x', '--format', 'email'], /--format: expected slack or teams, got "email"/],
    [['digest', SAMPLE, '--dry-run', '--team', 'nope'], /--team: unknown team "nope"/],
    [['digest', SAMPLE, '--dry-run', '--at', '2026-13-01'], /--at: expected a calendar date/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const run = await okr(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(received).toEqual([]);
  });
});
