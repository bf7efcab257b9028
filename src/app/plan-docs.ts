// Plan ↔ documents: the two halves of the storage layout in collections.ts. Pure functions, so
// the round trip (import → export gives the same plan) is checked without any store.
import { assertNever } from '../core/model/assert-never';
import type { CheckIn, KeyResult, Kpi, Objective, Plan, Reading } from '../core/model/plan';
import type { IndexValues } from '../core/ports/document-store';
import {
  C,
  linkId,
  seqId,
  SETTINGS_ID,
  type CheckInDoc,
  type KeyResultDef,
  type KeyResultIndexDoc,
  type KpiDoc,
  type LinkDoc,
  type ObjectiveDoc,
  type PeriodDoc,
  type ReadingDoc,
  type SettingsDoc,
  type TeamDoc,
  type WorkItemDoc,
} from './collections';

export interface DocWrite {
  collection: string;
  id: string;
  value: unknown;
  indexes?: IndexValues;
}

export function planToDocs(plan: Plan): DocWrite[] {
  const docs: DocWrite[] = [];
  const settings: SettingsDoc = {
    ...(plan.organization !== undefined ? { organization: plan.organization } : {}),
    ...(plan.checkInDays !== undefined ? { checkInDays: plan.checkInDays } : {}),
  };
  docs.push({ collection: C.settings, id: SETTINGS_ID, value: settings });
  plan.periods.forEach((p, order) => docs.push({ collection: C.periods, id: p.id, value: { ...p, order } satisfies PeriodDoc }));
  plan.teams.forEach((t, order) => docs.push({ collection: C.teams, id: t.id, value: { ...t, order } satisfies TeamDoc }));
  plan.objectives.forEach((o, order) => docs.push(...objectiveToDocs(o, order)));
  plan.kpis.forEach((k, order) => docs.push(...kpiToDocs(k, order)));
  plan.workItems.forEach((w, order) => docs.push({ collection: C.workItems, id: w.ref, value: { ...w, order } satisfies WorkItemDoc }));
  return docs;
}

export function objectiveToDocs(objective: Objective, order: number): DocWrite[] {
  const docs: DocWrite[] = [{ collection: C.objectives, id: objective.id, value: objectiveDoc(objective, order), indexes: objectiveIndexes(objective) }];
  for (const kr of objective.keyResults) {
    docs.push({ collection: C.keyResults, id: kr.id, value: { objective: objective.id } satisfies KeyResultIndexDoc });
    (kr.links ?? []).forEach((ref, seq) =>
      docs.push({ collection: C.links, id: linkId(kr.id, ref), value: { kr: kr.id, ref, seq } satisfies LinkDoc, indexes: { kr: kr.id, ref } }),
    );
    if (kr.type === 'outcome') {
      (kr.checkIns ?? []).forEach((c, seq) =>
        docs.push({ collection: C.checkIns, id: seqId(kr.id, seq), value: { ...c, kr: kr.id } satisfies CheckInDoc, indexes: { kr: kr.id } }),
      );
    }
  }
  return docs;
}

export function objectiveDoc(objective: Objective, order: number): ObjectiveDoc {
  return { ...objective, order, keyResults: objective.keyResults.map(keyResultDef) };
}

export function objectiveIndexes(objective: Pick<Objective, 'team' | 'period'>): IndexValues {
  return { team: objective.team, period: objective.period };
}

/** The KR without what lives in other collections; an empty list stays, to round-trip exactly. */
export function keyResultDef(kr: KeyResult): KeyResultDef {
  switch (kr.type) {
    case 'outcome': {
      const { links, checkIns, ...rest } = kr;
      return { ...rest, ...(links?.length === 0 ? { links: [] } : {}), ...(checkIns?.length === 0 ? { checkIns: [] } : {}) };
    }
    case 'effort': {
      const { links, ...rest } = kr;
      return { ...rest, ...(links?.length === 0 ? { links: [] } : {}) };
    }
    default:
      return assertNever(kr);
  }
}

function kpiToDocs(kpi: Kpi, order: number): DocWrite[] {
  const { readings, ...rest } = kpi;
  const def: KpiDoc = { ...rest, order, ...(readings?.length === 0 ? { readings: [] } : {}) };
  const docs: DocWrite[] = [{ collection: C.kpis, id: kpi.id, value: def }];
  (readings ?? []).forEach((r, seq) =>
    docs.push({ collection: C.readings, id: seqId(kpi.id, seq), value: { ...r, kpi: kpi.id } satisfies ReadingDoc, indexes: { kpi: kpi.id } }),
  );
  return docs;
}

/** The stored documents of a plan, by collection, each list in id order as a store lists them. */
export interface PlanDocs {
  settings?: SettingsDoc;
  periods: PeriodDoc[];
  teams: TeamDoc[];
  objectives: ObjectiveDoc[];
  kpis: KpiDoc[];
  workItems: WorkItemDoc[];
  links: LinkDoc[];
  checkIns: { id: string; value: CheckInDoc }[];
  readings: { id: string; value: ReadingDoc }[];
}

export function docsToPlan(docs: PlanDocs): Plan {
  const linksByKr = groupLinks(docs.links);
  const checkInsByKr = groupSeq(docs.checkIns, (c) => c.kr, ({ kr: _kr, ...c }) => c);
  const readingsByKpi = groupSeq(docs.readings, (r) => r.kpi, ({ kpi: _kpi, by: _by, ...r }) => r);
  const plan: Plan = {
    okr: 1,
    ...(docs.settings?.organization !== undefined ? { organization: docs.settings.organization } : {}),
    ...(docs.settings?.checkInDays !== undefined ? { checkInDays: docs.settings.checkInDays } : {}),
    periods: byOrder(docs.periods).map(withoutOrder),
    teams: byOrder(docs.teams).map(withoutOrder),
    objectives: byOrder(docs.objectives).map((o) => hydrateObjective(o, linksByKr, checkInsByKr)),
    kpis: byOrder(docs.kpis).map((k) => hydrateKpi(k, readingsByKpi.get(k.id))),
    workItems: byOrder(docs.workItems).map(withoutOrder),
  };
  return plan;
}

export function hydrateObjective(
  doc: ObjectiveDoc,
  linksByKr: ReadonlyMap<string, string[]>,
  checkInsByKr: ReadonlyMap<string, CheckIn[]>,
): Objective {
  const { order: _order, keyResults, ...rest } = doc;
  return { ...rest, keyResults: keyResults.map((def) => hydrateKeyResult(def, linksByKr.get(def.id), checkInsByKr.get(def.id))) };
}

export function hydrateKeyResult(def: KeyResultDef, links: string[] | undefined, checkIns: CheckIn[] | undefined): KeyResult {
  const withLinks = links?.length ? { ...def, links } : def;
  if (withLinks.type === 'outcome' && checkIns?.length) return { ...withLinks, checkIns };
  return withLinks;
}

export function hydrateKpi(doc: KpiDoc, readings: Reading[] | undefined): Kpi {
  const { order: _order, ...rest } = doc;
  return readings?.length ? { ...rest, readings } : rest;
}

export function groupLinks(links: readonly LinkDoc[]): Map<string, string[]> {
  const byKr = new Map<string, LinkDoc[]>();
  for (const l of links) {
    const list = byKr.get(l.kr);
    if (list) list.push(l);
    else byKr.set(l.kr, [l]);
  }
  return new Map([...byKr].map(([kr, list]) => [kr, [...list].sort((a, b) => a.seq - b.seq).map((l) => l.ref)]));
}

/** Groups seq-numbered documents by owner; ids sort in creation order (collections.ts seqId, appendId). */
export function groupSeq<D, T>(docs: readonly { id: string; value: D }[], owner: (d: D) => string, strip: (d: D) => T): Map<string, T[]> {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Map<string, T[]>();
  for (const d of sorted) {
    const key = owner(d.value);
    const list = out.get(key);
    if (list) list.push(strip(d.value));
    else out.set(key, [strip(d.value)]);
  }
  return out;
}

function byOrder<T extends { order: number }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => a.order - b.order);
}

function withoutOrder<T extends { order: number }>(doc: T): Omit<T, 'order'> {
  const { order: _order, ...rest } = doc;
  return rest;
}
