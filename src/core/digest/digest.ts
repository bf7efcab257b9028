// The weekly reminder (issue 10 §2): per team and per owner, the KRs that need a check-in
// (SPEC §7), the off-track KRs and the breached KPIs nobody focuses on. Pure: built from the plan
// and its report, so the CLI, the Forge scheduled trigger and a test get the same digest.
import { overdueCheckIns } from '../lints/cadence';
import type { IsoDate } from '../model/dates';
import type { Plan } from '../model/plan';
import { teamSubtree, treeOrder } from '../model/team-tree';
import type { KpiReport, Report } from '../report/types';
import { isRunningPeriodOf } from './running';

export interface DigestKeyResult {
  id: string;
  title: string;
  objective: string;
  objectiveTitle: string;
  team: string;
  owner?: string;
  progress: number;
  expected: number;
  /** Needs a check-in: the latest one (undefined: never) and how many days ago. */
  lastCheckIn?: IsoDate;
  days?: number;
}

export interface DigestKpi {
  id: string;
  title: string;
  value?: number;
  target?: number;
  unit?: string;
  owner?: string;
  team?: string;
}

export interface DigestGroup {
  kind: 'team' | 'owner';
  /** The team id, or the owner as the plan writes it. */
  id: string;
  /** The team's name, or the owner's display name when the host knows it. */
  name: string;
  needCheckIn: DigestKeyResult[];
  offTrack: DigestKeyResult[];
  breachedKpis: DigestKpi[];
}

export interface Digest {
  at: IsoDate;
  organization?: string;
  /** Teams in tree order, then owners by name; only groups with something to say. */
  groups: DigestGroup[];
}

export interface DigestOptions {
  /** Owner id → display name (a host that knows its people); the id is shown otherwise. */
  ownerNames?: ReadonlyMap<string, string>;
  /** Only this team and the teams below it (a team's own channel); owners of what remains. */
  team?: string;
}

export function buildDigest(plan: Plan, report: Report, options: DigestOptions = {}): Digest {
  const at = report.at;
  const objectives = new Map(plan.objectives.map((o) => [o.id, o]));
  const krReports = new Map(report.keyResults.map((k) => [k.id, k]));
  const running = isRunningPeriodOf(plan, at);
  const scope = options.team === undefined ? undefined : teamSubtree(plan.teams, options.team);
  const inScope = (team: string | undefined) => scope === undefined || (team !== undefined && scope.has(team));

  const entry = (krId: string, objectiveId: string): DigestKeyResult => {
    const o = objectives.get(objectiveId);
    const r = krReports.get(krId);
    return {
      id: krId,
      title: r?.title ?? krId,
      objective: objectiveId,
      objectiveTitle: o?.title ?? objectiveId,
      team: o?.team ?? '',
      ...(r?.owner !== undefined ? { owner: r.owner } : {}),
      progress: r?.progress ?? 0,
      expected: r?.expected ?? 0,
    };
  };

  const needCheckIn = overdueCheckIns(plan, at)
    .filter((s) => inScope(objectives.get(s.objective)?.team))
    .map((s) => ({
    ...entry(s.kr.id, s.objective),
    days: s.days,
    ...(s.lastAt !== undefined ? { lastCheckIn: s.lastAt } : {}),
  }));
  const offTrack = report.keyResults
    .filter((k) => k.status === 'off-track' && running(k.objective) && inScope(objectives.get(k.objective)?.team))
    .map((k) => entry(k.id, k.objective));
  const kpiDefs = new Map(plan.kpis.map((k) => [k.id, k]));
  const breachedKpis = report.kpis
    .filter((k): k is KpiReport => k.source === 'kpi' && k.health === 'breached' && k.focusedBy.length === 0)
    .map((k): DigestKpi => {
      const def = kpiDefs.get(k.id);
      return {
        id: k.id,
        title: k.title,
        ...(k.value !== undefined ? { value: k.value } : {}),
        ...(k.target !== undefined ? { target: k.target } : {}),
        ...(k.unit !== undefined ? { unit: k.unit } : {}),
        ...(def?.owner !== undefined ? { owner: def.owner } : {}),
        ...(def?.team !== undefined ? { team: def.team } : {}),
      };
    })
    .filter((k) => scope === undefined || inScope(k.team) || (k.team === undefined && options.team !== undefined && roots(plan).has(options.team)));

  // A KPI without a team belongs to the whole organisation: it goes to the top team(s) digest
  // (our choice), so it is never left out of every team's message.
  const ordered = treeOrder(plan.teams).filter((t) => inScope(t.id));
  const top = roots(plan);
  const groups: DigestGroup[] = [];
  for (const team of ordered) {
    const group: DigestGroup = {
      kind: 'team',
      id: team.id,
      name: team.name,
      needCheckIn: needCheckIn.filter((k) => k.team === team.id),
      offTrack: offTrack.filter((k) => k.team === team.id),
      breachedKpis: breachedKpis.filter((k) => k.team === team.id || (k.team === undefined && top.has(team.id))),
    };
    if (hasNews(group)) groups.push(group);
  }
  const owners = [...new Set([...needCheckIn, ...offTrack, ...breachedKpis].flatMap((x) => (x.owner !== undefined ? [x.owner] : [])))];
  const nameOf = (owner: string) => options.ownerNames?.get(owner) ?? owner;
  owners.sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || a.localeCompare(b));
  for (const owner of owners) {
    groups.push({
      kind: 'owner',
      id: owner,
      name: nameOf(owner),
      needCheckIn: needCheckIn.filter((k) => k.owner === owner),
      offTrack: offTrack.filter((k) => k.owner === owner),
      breachedKpis: breachedKpis.filter((k) => k.owner === owner),
    });
  }
  return { at, ...(plan.organization !== undefined ? { organization: plan.organization } : {}), groups };
}

export function hasNews(group: DigestGroup): boolean {
  return group.needCheckIn.length + group.offTrack.length + group.breachedKpis.length > 0;
}

function roots(plan: Plan): Set<string> {
  return new Set(plan.teams.filter((t) => t.parent === undefined).map((t) => t.id));
}
