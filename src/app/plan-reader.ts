// Reads parts of the stored plan for one use case call. A panel needs a handful of objectives,
// not the whole plan, so reads are by id and by index, memoized for the length of one call
// (make a new reader after writing).
import { NotFoundError } from '../core/model/errors';
import type { Kpi, Objective, Period, Plan, Team } from '../core/model/plan';
import type { DocumentStore, StoredDoc } from '../core/ports/document-store';
import {
  C,
  SETTINGS_ID,
  type SettingsDoc,
  type CheckInDoc,
  type KeyResultDef,
  type KeyResultIndexDoc,
  type KpiDoc,
  type LinkDoc,
  type ObjectiveDoc,
  type PeriodDoc,
  type ReadingDoc,
  type TeamDoc,
} from './collections';
import { listAll } from './list-all';
import { groupLinks, hydrateKpi, hydrateObjective } from './plan-docs';

/** One step of an objective's alignment chain, the objective itself first. */
export interface ChainStep {
  kind: 'objective' | 'key-result';
  id: string;
  /** The objective itself, or the objective that owns the key result. */
  objective: string;
}

export class PlanReader {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(readonly store: DocumentStore) {}

  private memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.cache.set(key, hit);
    }
    return hit;
  }

  objective(id: string): Promise<StoredDoc<ObjectiveDoc> | undefined> {
    return this.memo(`o:${id}`, () => this.store.get<ObjectiveDoc>(C.objectives, id));
  }

  async requireObjective(id: string): Promise<StoredDoc<ObjectiveDoc>> {
    const doc = await this.objective(id);
    if (!doc) throw new NotFoundError('objective', id);
    return doc;
  }

  objectiveOfKr(kr: string): Promise<string | undefined> {
    return this.memo(`k:${kr}`, async () => (await this.store.get<KeyResultIndexDoc>(C.keyResults, kr))?.value.objective);
  }

  async keyResult(kr: string): Promise<{ objective: StoredDoc<ObjectiveDoc>; def: KeyResultDef } | undefined> {
    const objectiveId = await this.objectiveOfKr(kr);
    if (objectiveId === undefined) return undefined;
    const objective = await this.objective(objectiveId);
    const def = objective?.value.keyResults.find((k) => k.id === kr);
    return objective && def ? { objective, def } : undefined;
  }

  async requireKeyResult(kr: string): Promise<{ objective: StoredDoc<ObjectiveDoc>; def: KeyResultDef }> {
    const found = await this.keyResult(kr);
    if (!found) throw new NotFoundError('key result', kr);
    return found;
  }

  teams(): Promise<TeamDoc[]> {
    return this.memo('teams', async () => (await listAll<TeamDoc>(this.store, C.teams)).map((d) => d.value).sort((a, b) => a.order - b.order));
  }

  period(id: string): Promise<PeriodDoc | undefined> {
    return this.memo(`p:${id}`, async () => (await this.store.get<PeriodDoc>(C.periods, id))?.value);
  }

  kpi(id: string): Promise<StoredDoc<KpiDoc> | undefined> {
    return this.memo(`kpi:${id}`, () => this.store.get<KpiDoc>(C.kpis, id));
  }

  async requireKpi(id: string): Promise<StoredDoc<KpiDoc>> {
    const doc = await this.kpi(id);
    if (!doc) throw new NotFoundError('KPI', id);
    return doc;
  }

  linksOf(kr: string): Promise<StoredDoc<LinkDoc>[]> {
    return this.memo(`l:${kr}`, () => listAll<LinkDoc>(this.store, C.links, { index: 'kr', value: kr }));
  }

  linksTo(ref: string): Promise<StoredDoc<LinkDoc>[]> {
    return this.memo(`r:${ref}`, () => listAll<LinkDoc>(this.store, C.links, { index: 'ref', value: ref }));
  }

  checkInsOf(kr: string): Promise<StoredDoc<CheckInDoc>[]> {
    return this.memo(`c:${kr}`, () => listAll<CheckInDoc>(this.store, C.checkIns, { index: 'kr', value: kr }));
  }

  readingsOf(kpi: string): Promise<StoredDoc<ReadingDoc>[]> {
    return this.memo(`rd:${kpi}`, () => listAll<ReadingDoc>(this.store, C.readings, { index: 'kpi', value: kpi }));
  }

  /** Whether an id is taken: objectives, key results and KPIs share one namespace (SPEC §1). */
  async idTaken(id: string): Promise<boolean> {
    const [o, k, kpi] = await Promise.all([this.objective(id), this.objectiveOfKr(id), this.kpi(id)]);
    return o !== undefined || k !== undefined || kpi !== undefined;
  }

  async hydratedObjective(doc: ObjectiveDoc): Promise<Objective> {
    const links = new Map<string, string[]>();
    const checkIns = new Map<string, CheckInDoc[]>();
    await Promise.all(
      doc.keyResults.map(async (kr) => {
        const [l, c] = await Promise.all([this.linksOf(kr.id), kr.type === 'outcome' ? this.checkInsOf(kr.id) : []]);
        links.set(kr.id, groupLinks(l.map((d) => d.value)).get(kr.id) ?? []);
        checkIns.set(kr.id, c.map((d) => d.value));
      }),
    );
    const stripped = new Map([...checkIns].map(([kr, list]) => [kr, list.map(({ kr: _kr, ...c }) => c)]));
    return hydrateObjective(doc, links, stripped);
  }

  async hydratedKpi(doc: KpiDoc): Promise<Kpi> {
    const readings = await this.readingsOf(doc.id);
    return hydrateKpi(doc, readings.map(({ value: { kpi: _kpi, ...r } }) => r));
  }

  /**
   * A plan holding only these objectives, with what evaluating them needs: every team (for
   * names), their periods, and the KPIs their KRs focus on. Work items are left empty for the
   * caller to fill from the live source.
   */
  async partialPlan(objectiveIds: Iterable<string>): Promise<Plan> {
    const docs = (await Promise.all([...new Set(objectiveIds)].map((id) => this.objective(id)))).filter((d) => d !== undefined);
    docs.sort((a, b) => a.value.order - b.value.order);
    const objectives = await Promise.all(docs.map((d) => this.hydratedObjective(d.value)));
    const periodIds = [...new Set(objectives.map((o) => o.period))];
    const kpiIds = [...new Set(objectives.flatMap((o) => o.keyResults.flatMap((kr) => (kr.type === 'outcome' && kr.kpiRef ? [kr.kpiRef] : []))))];
    const [teams, periods, kpiDocs] = await Promise.all([
      this.teams(),
      Promise.all(periodIds.map((id) => this.period(id))),
      Promise.all(kpiIds.map((id) => this.kpi(id))),
    ]);
    const kpis = await Promise.all(kpiDocs.filter((d) => d !== undefined).map((d) => this.hydratedKpi(d.value)));
    // The plan's cadence (SPEC §7), so a partial evaluation judges check-ins as the whole one does.
    const checkInDays = (await this.store.get<SettingsDoc>(C.settings, SETTINGS_ID))?.value.checkInDays;
    return {
      okr: 1,
      ...(checkInDays !== undefined ? { checkInDays } : {}),
      periods: periods.filter((p) => p !== undefined).map(stripOrder<Period>),
      teams: teams.map(stripOrder<Team>),
      objectives,
      kpis,
      workItems: [],
    };
  }

  /** The objective, then what it aligns to (a KR, then that KR's objective, ...), up to the top. */
  async chain(objectiveId: string): Promise<ChainStep[]> {
    const steps: ChainStep[] = [];
    const seen = new Set<string>();
    let next: string | null | undefined = objectiveId;
    while (next != null && !seen.has(next)) {
      seen.add(next);
      const objective = await this.objective(next);
      if (objective) {
        steps.push({ kind: 'objective', id: next, objective: next });
        next = objective.value.aligns;
        continue;
      }
      const owner = await this.objectiveOfKr(next);
      if (owner === undefined) break;
      steps.push({ kind: 'key-result', id: next, objective: owner });
      next = owner;
    }
    return steps;
  }
}

function stripOrder<T>(doc: T & { order: number }): T {
  const { order: _order, ...rest } = doc;
  return rest as T;
}
