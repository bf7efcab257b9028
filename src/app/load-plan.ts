// The whole stored plan, for the views that need all of it (board, KPI readout, export):
// one listing per collection, never one read per document.
import type { Plan } from '../core/model/plan';
import type { DocumentStore, StoredDoc, Version } from '../core/ports/document-store';
import {
  C,
  SETTINGS_ID,
  type CheckInDoc,
  type KpiDoc,
  type LinkDoc,
  type ObjectiveDoc,
  type PeriodDoc,
  type ReadingDoc,
  type SettingsDoc,
  type TeamDoc,
  type WorkItemDoc,
} from './collections';
import { listAll } from './list-all';
import { docsToPlan } from './plan-docs';

export interface LoadedPlan {
  plan: Plan;
  /** Current version of each objective, for edits made from the view. */
  objectiveVersions: Map<string, Version>;
  kpiVersions: Map<string, Version>;
  /** The stored period and objective documents, for use cases that rewrite some (write-plan-change.ts). */
  docs: { periods: StoredDoc<PeriodDoc>[]; objectives: StoredDoc<ObjectiveDoc>[] };
}

export async function loadPlan(store: DocumentStore): Promise<LoadedPlan> {
  const [settings, periods, teams, objectives, kpis, workItems, links, checkIns, readings] = await Promise.all([
    store.get<SettingsDoc>(C.settings, SETTINGS_ID),
    listAll<PeriodDoc>(store, C.periods),
    listAll<TeamDoc>(store, C.teams),
    listAll<ObjectiveDoc>(store, C.objectives),
    listAll<KpiDoc>(store, C.kpis),
    listAll<WorkItemDoc>(store, C.workItems),
    listAll<LinkDoc>(store, C.links),
    listAll<CheckInDoc>(store, C.checkIns),
    listAll<ReadingDoc>(store, C.readings),
  ]);
  const plan = docsToPlan({
    ...(settings ? { settings: settings.value } : {}),
    periods: periods.map((d) => d.value),
    teams: teams.map((d) => d.value),
    objectives: objectives.map((d) => d.value),
    kpis: kpis.map((d) => d.value),
    workItems: workItems.map((d) => d.value),
    links: links.map((d) => d.value),
    checkIns,
    readings,
  });
  return {
    plan,
    objectiveVersions: new Map(objectives.map((d) => [d.id, d.version])),
    kpiVersions: new Map(kpis.map((d) => [d.id, d.version])),
    docs: { periods, objectives },
  };
}
