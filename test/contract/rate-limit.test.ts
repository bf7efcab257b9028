// The rate-limit contract (rate-limit.contract.ts) at each call site of the one retry policy.
import { describe } from 'vitest';
import { kvs } from '@forge/kvs';
import { DOC_ENTITY, docKey, type DocEntity } from '../../src/stores/forge-kvs-layout';
import { DEFAULT_RETRY_POLICY, withRetry } from '../../src/stores/forge-kvs-retry';
import { createNodeAdoSource } from '../../src/trackers/ado/node-wit-client';
import type { RetryPolicy } from '../../src/core/model/retry-policy';
import { writeIssueProperty } from '../../src/forge/triggers/issue-property';
import { JiraClient, type JiraRequest } from '../../src/trackers/jira';
import { startAdoEmulator } from '../../src/workbench/emulators/ado/server';
import { fabrikam } from '../workbench/emulators/ado/fixture-dataset';
import { forgeEntities } from '../fakes/forge-entities';
import { FakeForgeKvs } from '../fakes/forge-kvs';
import { rateLimitContract } from './rate-limit.contract';

/** A Jira that answers the next `throttle(count)` requests 429, with a Retry-After header or none. */
function throttledJira(call: (request: JiraRequest, retry: Partial<RetryPolicy>) => Promise<unknown>) {
  let throttled = 0;
  let header: string | undefined;
  let sent = 0;
  const request: JiraRequest = () => {
    sent++;
    const limited = throttled > 0;
    if (limited) throttled--;
    const body = limited ? '{"errorMessages":["Rate limit exceeded"]}' : '{"ok":true}';
    const retryAfter = limited ? header : undefined;
    return Promise.resolve({
      status: limited ? 429 : 200,
      headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null) },
      text: () => Promise.resolve(body),
      json: () => Promise.resolve(JSON.parse(body) as unknown),
    });
  };
  return Promise.resolve({
    throttle: (count: number, retryAfter: string | undefined) => {
      throttled = count;
      header = retryAfter;
    },
    call: (retry: Partial<RetryPolicy>) => call(request, retry),
    requests: () => sent,
    reset: () => {
      sent = 0;
      throttled = 0;
    },
    cleanup: () => Promise.resolve(),
  });
}

describe('rate limits: Jira client (429 + Retry-After header)', () => {
  rateLimitContract(() => throttledJira((request, retry) => new JiraClient(request, { retry }).get('/rest/api/3/myself')));
});

describe('rate limits: Forge triggers writing the harmony-okr issue property as the app (429 + Retry-After header)', () => {
  rateLimitContract(() =>
    throttledJira((request, retry) => writeIssueProperty(request, 'jira:CS-1', ['KR-1'], { ...retry, sleep: retry.sleep ?? (() => Promise.resolve()) })),
  );
});

describe('rate limits: Azure DevOps source through azure-devops-node-api (429 + Retry-After header, over HTTP)', () => {
  rateLimitContract(async () => {
    const emu = await startAdoEmulator({ dataset: fabrikam() });
    const isBatch = (r: { path: string }) => /workitemsbatch$/i.test(r.path);
    return {
      throttle: (count, retryAfter) => emu.failNext(count, { retryAfter: retryAfter ?? null, match: isBatch }),
      // A new source each time: discovery and type states are read unthrottled, the batch read is not.
      call: (retry) => createNodeAdoSource({ orgUrl: emu.orgUrl, pat: 'ana-token', project: 'Web', retry }).getItems(['ado:3']),
      requests: () => emu.requests().filter(isBatch).length,
      reset: () => {
        emu.clearFaults();
        emu.clearRequests();
      },
      cleanup: () => emu.close(),
    };
  });
});

describe('rate limits: Forge storage store (429 RATE_LIMIT_EXCEEDED with a retryAfter hint)', () => {
  rateLimitContract(() => {
    let fake = new FakeForgeKvs({ entities: forgeEntities() });
    let uninstall = fake.install();
    return Promise.resolve({
      // Forge's hint is a number of seconds in the error body; other text is passed as it is.
      throttle: (count, retryAfter) =>
        fake.rateLimit(count, retryAfter === undefined ? {} : { retryAfterSeconds: /^-?\d+$/.test(retryAfter) ? Number(retryAfter) : retryAfter }),
      // One storage request through the store's retry wrapper: a store operation reads the journal
      // head beside the document, two requests each retried on its own, which says nothing more
      // about the policy (the store's own tests cover its rate limits).
      call: (retry) => withRetry(() => kvs.entity<DocEntity>(DOC_ENTITY).get(docKey('objectives', 'O1')), { ...DEFAULT_RETRY_POLICY, ...retry }),
      requests: () => fake.count('/api/v1/entity/get'),
      reset: () => {
        uninstall();
        fake = new FakeForgeKvs({ entities: forgeEntities() });
        uninstall = fake.install();
      },
      cleanup: () => Promise.resolve(uninstall()),
    });
  });
});
