// The resolvers: one `@forge/resolver` definition per ApiMethods key (the Custom UI calls
// `invoke('<name>', payload)` with exactly those names), plus the settings page's two calls.
// Each call runs the host-neutral app over the Forge store and Jira as the viewer
// (`api.asUser().requestJira`), so nothing the viewer may not browse is ever read, with the
// caller as the app's Actor (jira-actor.ts): the app checks the role each call needs. Progress
// history is never recorded here: on Forge it comes only from the triggers, which count as the
// app over each KR's whole scope. The payload is validated by the app; whatever is thrown
// becomes the envelope's error, never a crash.
// Forge stops a resolver at 25 s: Jira calls get a deadline a margin before that, after which
// the panel answers from the stored snapshots (marked stale) and leaves the KRs marked dirty
// for the triggers to finish.
import type Resolver from '@forge/resolver';
import type { ApiEnvelope, ApiName, PanelView } from '../app/api';
import { C, type ObjectiveDoc } from '../app/collections';
import { createApp, USE_CASES } from '../app/create-app';
import { toApiError } from '../app/errors';
import { todayUtc, type IsoDate } from '../core/model/dates';
import type { DocumentStore } from '../core/ports/document-store';
import type { JiraRequest } from '../trackers/jira/request';
import type { MeasureSource } from '../core/ports/measure-source';
import { JiraWorkItemSource } from '../trackers/jira/work-item-source';
import { NO_HISTORY } from '../app/history';
import { ADMIN_NAMES, getSettings, saveSettings, type AdminName } from './admin-api';
import { WHOLE_KR } from './collections';
import { jiraActor } from './jira-actor';
import { jiraPeople } from './jira-people';
import { Deadline, deadlineSleep, withDeadline, type RemainingTime } from './deadline';
import { meter } from './request-meter';
import { mappingFor, readSettings } from './settings';
import { markDirty } from './triggers/dirty';
import { requestPass } from './triggers/request-pass';

export const API_NAMES = Object.keys(USE_CASES) as ApiName[];

export interface ResolverDeps {
  store: DocumentStore;
  /** Jira as the calling user (`api.asUser().requestJira`). */
  asUser: () => JiraRequest;
  /** Time left in this invocation. */
  remaining: RemainingTime;
  today?: () => IsoDate;
  /** Kept free at the end of the 25 s for the stale fallback and the answer. Default 5 s. */
  marginMs?: number;
  /** Told how many Jira requests each call made (for the figures). */
  onRequests?: (name: string, count: number) => void;
  log?: (message: string, error?: unknown) => void;
  /** Measured values (SPEC §8): the Jira measure source over a request, here as the viewer. */
  measureSource?: (request: JiraRequest) => MeasureSource;
}

type Envelope = ApiEnvelope<unknown>;

export function defineResolvers(resolver: Resolver, deps: ResolverDeps): Resolver {
  for (const name of API_NAMES) resolver.define(name, ({ payload, context }) => runApiCall(deps, name, payload, accountIdOf(context)));
  for (const name of ADMIN_NAMES) resolver.define(name, ({ payload, context }) => runAdminCall(deps, name, payload, accountIdOf(context)));
  return resolver;
}

/** The caller's Atlassian accountId, as Forge puts it in the resolver context. */
function accountIdOf(context: unknown): string {
  const id = (context as { accountId?: unknown } | null)?.accountId;
  return typeof id === 'string' ? id : '';
}

export async function runApiCall(deps: ResolverDeps, name: ApiName, payload: unknown, accountId: string): Promise<Envelope> {
  const log = deps.log ?? ((message, error) => console.error(message, error));
  const today = deps.today ?? (() => todayUtc());
  const deadline = Deadline.before(deps.remaining, deps.marginMs ?? 5_000);
  const counted = meter(withDeadline(deps.asUser(), deadline));
  try {
    const mapping = await mappingFor(deps.store, counted.request);
    const source = new JiraWorkItemSource({ request: counted.request, ...mapping, retry: { maxDelayMs: 10_000, sleep: deadlineSleep(deadline) } });
    const actor = jiraActor({ accountId, asUser: counted.request, settings: await readSettings(deps.store) });
    // Previews and "measure now" read as the viewer, like everything else here.
    const measures = deps.measureSource ? { jira: deps.measureSource(counted.request) } : {};
    const app = createApp({ store: deps.store, source, actor, history: NO_HISTORY, today, measures, people: jiraPeople(counted.request) });
    const doomed = name === 'deleteObjective' ? await krsOfObjective(deps.store, payload) : [];
    const envelope = await app.handle(name, payload);
    if (!envelope.ok) {
      // Jira was too slow for even the part that has no stored fallback (reading the item itself).
      if (deadline.passed && envelope.error.code === 'internal') return slowJira();
      return envelope;
    }
    await afterSuccess(deps.store, name, payload, envelope.data, doomed, today()).catch((e: unknown) => log(`Harmony: could not mark KRs for recomputation after ${name}`, e));
    return envelope;
  } catch (e) {
    if (deadline.passed) return slowJira();
    return { ok: false, error: toApiError(e) };
  } finally {
    deps.onRequests?.(name, counted.count);
  }
}

export async function runAdminCall(deps: ResolverDeps, name: AdminName, payload: unknown, accountId: string): Promise<Envelope> {
  const deadline = Deadline.before(deps.remaining, deps.marginMs ?? 5_000);
  const request = withDeadline(deps.asUser(), deadline);
  try {
    const today = (deps.today ?? (() => todayUtc()))();
    const actor = jiraActor({ accountId, asUser: request, settings: await readSettings(deps.store) });
    const data = name === 'getSettings' ? await getSettings(deps.store, request, payload) : await saveSettings(deps.store, request, actor, payload, today);
    return { ok: true, data };
  } catch (e) {
    if (deadline.passed) return slowJira();
    return { ok: false, error: toApiError(e) };
  }
}

function slowJira(): Envelope {
  return { ok: false, error: { code: 'rate-limited', message: 'Jira is answering too slowly right now; try again in a moment' } };
}

/**
 * What the triggers must redo after a call: a KR whose links changed is recomputed as the app
 * (its issues get or lose the property); a panel that fell back to snapshots leaves its KRs
 * for the triggers to bring up to date; an import asks for a whole reconciliation pass.
 */
async function afterSuccess(store: DocumentStore, name: ApiName, payload: unknown, data: unknown, doomed: string[], today: IsoDate): Promise<void> {
  const whole = (kr: string) => markDirty(store, { kr, ref: WHOLE_KR });
  switch (name) {
    case 'linkWorkItem':
    case 'unlinkWorkItem':
      await whole((payload as { kr: string }).kr);
      return;
    case 'saveKeyResult':
      await whole((data as { id: string }).id);
      return;
    case 'deleteObjective':
      for (const kr of doomed) await whole(kr);
      return;
    // An import, a reopen (its KRs catch up with Jira) and a rollover (carried effort KRs get
    // their scopes, issue 12) ask for a whole pass.
    // Authoring (issue 10 §1): a deleted KR's issues lose its property.
    case 'deleteKeyResult':
      await whole((payload as { id: string }).id);
      return;
    case 'importPlan':
    case 'reopenPeriod':
    case 'rolloverPeriod':
      await requestPass(store, today);
      return;
    case 'getPanel': {
      const panel = data as PanelView;
      if (panel.stale) for (const k of panel.keyResults) if (k.kr.type === 'effort') await whole(k.kr.id);
      return;
    }
    // Reads, and edits that change no KR's scope (outcome check-ins, KPIs, objective fields);
    // a close freezes KRs, which the triggers then skip, and grades change no scope (issue 12).
    case 'searchKeyResults':
    case 'searchWorkItems':
    case 'checkIn':
    case 'getBoard':
    case 'getKeyResult':
    case 'getKpis':
    case 'recordReading':
    case 'focusKpi':
    case 'saveObjective':
    case 'saveKpi':
    case 'exportPlan':
    case 'getPermissions':
    case 'previewClose':
    case 'closePeriod':
    case 'gradeKeyResult':
    case 'previewRollover':
    case 'getReview':
    case 'previewMeasure': // measured values change check-ins and readings, never a scope
    case 'measureNow':
    case 'measureDue':
    case 'getMeasureRuns':
    case 'getPlanOutline':
    case 'saveTeam':
    case 'deleteTeam':
    case 'savePeriod':
    case 'deletePeriod':
    case 'deleteKpi':
    case 'searchPeople':
    case 'resolvePeople':
    case 'correctCheckIn': // cadence: entries, My key results and the digest change no KR's scope
    case 'deleteCheckIn':
    case 'getReadings':
    case 'correctReading':
    case 'deleteReading':
    case 'getMyKeyResults':
    case 'getDigest':
    case 'getDigestSettings':
    case 'saveDigestSettings':
      return;
  }
}

/** The KRs of the objective a deleteObjective payload names, read before it is deleted. */
async function krsOfObjective(store: DocumentStore, payload: unknown): Promise<string[]> {
  const id = (payload as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || id === '') return [];
  const doc = await store.get<ObjectiveDoc>(C.objectives, id);
  return doc ? doc.value.keyResults.filter((k) => k.type === 'effort').map((k) => k.id) : [];
}
