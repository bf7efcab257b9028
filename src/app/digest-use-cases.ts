// The weekly digest in the apps: a preview any viewer may see (built from what they may see),
// and the webhook settings, admin-only both ways because the URL is a secret.
import { z } from 'zod';
import { buildDigest } from '../core/digest';
import { InvalidInputError } from '../core/model/errors';
import { C, DIGEST_SETTINGS_ID, type DigestSettingsDoc } from './collections';
import type { DigestSettingsView } from './api';
import { checkWebhookUrl } from './digest/deliver';
import { evaluateLive } from './live-scope';
import { loadPlan } from './load-plan';
import { admin, viewer } from './permissions';
import type { UseCase } from './use-case';
import { id, isoDate } from './validate';

export const getDigest: UseCase<'getDigest'> = {
  input: z.strictObject({ at: isoDate.optional(), team: id.optional() }),
  requires: viewer,

  async run(ctx, input) {
    const at = input.at ?? ctx.today();
    const { plan } = await loadPlan(ctx.store);
    if (input.team !== undefined && !plan.teams.some((t) => t.id === input.team)) {
      throw new InvalidInputError([{ path: 'team', message: `unknown team "${input.team}"` }]);
    }
    const { report, plan: seen } = await evaluateLive(ctx.source, plan, at);
    return buildDigest(seen, report, input.team !== undefined ? { team: input.team } : {});
  },
};

export const getDigestSettings: UseCase<'getDigestSettings'> = {
  input: z.strictObject({}),
  requires: admin,

  async run(ctx) {
    const doc = await ctx.store.get<DigestSettingsDoc>(C.notify, DIGEST_SETTINGS_ID);
    return doc ? view(doc.value) : {};
  },
};

export const saveDigestSettings: UseCase<'saveDigestSettings'> = {
  input: z.strictObject({
    webhook: z.string().trim().nullable(),
    format: z.enum(['slack', 'teams'], { error: 'expected "slack" or "teams"' }).optional(),
    link: z.string().trim().optional(),
  }),
  requires: admin,

  async run(ctx, input) {
    const current = await ctx.store.get<DigestSettingsDoc>(C.notify, DIGEST_SETTINGS_ID);
    if (input.webhook === null || input.webhook === '') {
      if (current) await ctx.store.batch([{ kind: 'delete', collection: C.notify, id: DIGEST_SETTINGS_ID, expected: current.version }]);
      return {};
    }
    const problems = [];
    const bad = checkWebhookUrl(input.webhook);
    if (bad) problems.push({ path: 'webhook', message: bad });
    if (input.link && checkWebhookUrl(input.link)) problems.push({ path: 'link', message: 'expected the board\'s address, starting with https://' });
    if (problems.length) throw new InvalidInputError(problems);
    const doc: DigestSettingsDoc = {
      webhook: input.webhook,
      format: input.format ?? (new URL(input.webhook).hostname === 'hooks.slack.com' ? 'slack' : 'teams'),
      ...(input.link ? { link: input.link } : {}),
    };
    await ctx.store.put(C.notify, DIGEST_SETTINGS_ID, doc, { expected: current?.version ?? null });
    return view(doc);
  },
};

function view(doc: DigestSettingsDoc): DigestSettingsView {
  return { webhook: doc.webhook, format: doc.format, ...(doc.link !== undefined ? { link: doc.link } : {}) };
}
