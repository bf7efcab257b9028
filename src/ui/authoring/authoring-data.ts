// What the authoring forms choose from: the plan's teams, periods and KPIs (with versions), and
// everything an objective may align to. Loaded once per open form and reloaded after a save.
import { useCallback, useRef } from 'react';
import type { ApiClient, PlanOutline } from '../../app/api';
import { useApi } from '../client/api-context';
import { useLoad } from '../hooks/use-load';
import type { AlignTarget } from './Pickers';

export function useOutline() {
  const api = useApi();
  return useLoad(() => api('getPlanOutline', {}), [api]);
}

/** Objectives and KRs of the whole plan (unfiltered), fetched on first use per form. */
export function useAlignTargets(): () => Promise<AlignTarget[]> {
  const api = useApi();
  const cached = useRef<Promise<AlignTarget[]>>(undefined);
  return useCallback(() => (cached.current ??= alignTargets(api)), [api]);
}

async function alignTargets(api: ApiClient): Promise<AlignTarget[]> {
  const board = await api('getBoard', {});
  return board.teams.flatMap((team) =>
    team.objectives.flatMap((o) => [
      { id: o.id, title: o.title, kind: 'objective' as const, detail: `${team.name} · ${o.period}` },
      ...o.keyResults.flatMap((kr) => {
        const report = board.keyResults[kr];
        return report ? [{ id: kr, title: report.title, kind: 'key result' as const, detail: `${o.title} · ${team.name}` }] : [];
      }),
    ]),
  );
}

export const teamOptions = (outline: PlanOutline | undefined) => (outline?.teams ?? []).map((t) => ({ value: t.id, label: t.name }));
export const periodOptions = (outline: PlanOutline | undefined) => (outline?.periods ?? []).map((p) => ({ value: p.id, label: `${p.id} (${p.start} – ${p.end})` }));
