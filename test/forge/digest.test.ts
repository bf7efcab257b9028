// The weekly digest on Forge: the scheduled trigger posts to the saved webhook, as the app, with
// effort progress from the stored snapshots; no webhook saved, nothing posted; a refusal is
// logged without the URL (the secret).
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { NO_HISTORY } from '../../src/app/history';
import { postWeeklyDigest } from '../../src/forge/digest';
import { MemoryDocumentStore } from '../../src/stores/memory-document-store';
import { toIsoDate } from '../../src/core';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { ADMIN } from '../app/actors';
import { DEMO_TEXT, DEMO } from '../app/harness';

const TODAY = toIsoDate('2026-11-15');

async function setup(webhook?: string) {
  const store = new MemoryDocumentStore();
  const app = createApp({ store, source: new FakeWorkItemSource(DEMO.workItems), actor: ADMIN(), history: NO_HISTORY, today: () => TODAY });
  await app.call('importPlan', { text: DEMO_TEXT, format: 'yaml' });
  if (webhook) await app.call('saveDigestSettings', { webhook });
  const posts: { url: string; body: unknown }[] = [];
  const logs: string[] = [];
  let status = 200;
  const deps = {
    store,
    fetch: (url: string, init: { body: string }) => {
      posts.push({ url, body: JSON.parse(init.body) as unknown });
      return Promise.resolve({ status, headers: { get: () => null }, text: () => Promise.resolve(status === 200 ? 'ok' : 'no_service') });
    },
    sleep: () => Promise.resolve(),
    today: () => TODAY,
    log: (m: string) => logs.push(m),
  };
  return { deps, posts, logs, fail: () => (status = 404) };
}

describe('the Forge weekly digest', () => {
  it('posts the Slack message to the saved webhook', async () => {
    const { deps, posts } = await setup('https://hooks.slack.com/services/T/B/s3cret');
    expect(await postWeeklyDigest(deps)).toBe('posted');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe('https://hooks.slack.com/services/T/B/s3cret');
    expect(JSON.stringify(posts[0]?.body)).toContain('Need a check-in');
  });

  it('with no webhook saved it posts nothing', async () => {
    const { deps, posts } = await setup();
    expect(await postWeeklyDigest(deps)).toBe('not-configured');
    expect(posts).toEqual([]);
  });

  it('a refusal is logged with what to do, never with the URL', async () => {
    const { deps, logs, fail } = await setup('https://example.logic.azure.com/workflows/s3cret');
    fail();
    expect(await postWeeklyDigest(deps)).toBe('refused');
    expect(logs.join('\n')).toContain('the webhook was removed or disabled');
    expect(logs.join('\n')).not.toContain('s3cret');
  });
});
