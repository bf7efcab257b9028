// The weekly digest on Forge (issue 10 §2): a weekly scheduled trigger posts to the webhook a
// Harmony admin saved (getDigestSettings). It runs as the app with no user, so it reads no
// tracker: outcome KRs and KPIs come from the plan, effort KRs' progress from the last snapshot
// the reconciliation stored (kept current as the app, at most a day old), so only percentages,
// never item counts or titles from Jira, reach the channel.
import { buildDigest, slackMessage, teamsMessage } from '../core/digest';
import { statusOf } from '../core/evaluate/status';
import type { IsoDate } from '../core/model/dates';
import type { DocumentStore } from '../core/ports/document-store';
import { evaluate } from '../core/report/evaluate';
import type { KeyResultReport, Report } from '../core/report/types';
import { C, DIGEST_SETTINGS_ID, type DigestSettingsDoc, type SnapshotDoc } from '../app/collections';
import { deliver, WebhookError, type WebhookFetch } from '../app/digest/deliver';
import { loadPlan } from '../app/load-plan';

export interface DigestDeps {
  store: DocumentStore;
  fetch: WebhookFetch;
  sleep: (ms: number) => Promise<void>;
  today: () => IsoDate;
  log: (message: string, error?: unknown) => void;
}

export type DigestOutcome = 'posted' | 'not-configured' | 'refused';

export async function postWeeklyDigest(deps: DigestDeps): Promise<DigestOutcome> {
  const settings = await deps.store.get<DigestSettingsDoc>(C.notify, DIGEST_SETTINGS_ID);
  if (!settings) return 'not-configured';
  const at = deps.today();
  const { plan } = await loadPlan(deps.store);
  const report = await withStoredEffortProgress(deps.store, plan, evaluate(plan, at));
  const digest = buildDigest(plan, report);
  const { webhook, format, link } = settings.value;
  const payload = format === 'slack' ? slackMessage(digest, link) : teamsMessage(digest, link);
  try {
    await deliver(webhook, payload, { fetch: deps.fetch, sleep: deps.sleep });
    return 'posted';
  } catch (e) {
    // Never log the URL: it is the secret that lets anyone post to the channel.
    if (e instanceof WebhookError) {
      deps.log(`Harmony weekly digest was not posted: ${e.message}`);
      return 'refused';
    }
    throw e;
  }
}

/** Effort KRs take the progress the reconciliation last stored (the plan's own snapshot may be old). */
async function withStoredEffortProgress(store: DocumentStore, plan: Parameters<typeof evaluate>[0], report: Report): Promise<Report> {
  const periods = new Map(plan.periods.map((p) => [p.id, p]));
  const periodOf = new Map(plan.objectives.map((o) => [o.id, periods.get(o.period)]));
  const keyResults = await Promise.all(
    report.keyResults.map(async (kr): Promise<KeyResultReport> => {
      if (kr.type !== 'effort') return kr;
      const head = (await store.get<SnapshotDoc>(C.snapshotHeads, kr.id))?.value;
      const period = periodOf.get(kr.objective);
      if (!head || !period) return kr;
      return { ...kr, progress: head.progress, status: statusOf(head.progress, kr.expected, period, report.at) };
    }),
  );
  return { ...report, keyResults };
}
