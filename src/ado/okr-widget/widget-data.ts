// What the widget reads for its settings, through the app API.
import type { ApiClient, KpiReadout } from '../../app/api';
import type { KeyResultReport, ObjectiveReport } from '../../core/report/types';
import type { WidgetSettingsData } from './widget-settings';

export type WidgetData =
  | { show: 'kpis'; team?: string; readout: KpiReadout }
  | { show: 'objective'; at: string; objective: ObjectiveReport; teamName: string; keyResults: KeyResultReport[] }
  /** The objective the widget was set to no longer exists (or the viewer cannot see it). */
  | { show: 'missing'; objective: string };

/** Settings complete enough to show something. */
export type Showable = { show: 'kpis'; team?: string } | { show: 'objective'; objective: string };

export async function readWidgetData(api: ApiClient, settings: Showable): Promise<WidgetData> {
  if (settings.show === 'kpis') {
    const readout = await api('getKpis', settings.team ? { team: settings.team } : {});
    return { show: 'kpis', ...(settings.team ? { team: settings.team } : {}), readout };
  }
  const board = await api('getBoard', {});
  for (const team of board.teams) {
    const objective = team.objectives.find((o) => o.id === settings.objective);
    if (objective) {
      const keyResults = objective.keyResults.flatMap((id) => board.keyResults[id] ?? []);
      return { show: 'objective', at: board.at, objective, teamName: team.name, keyResults };
    }
  }
  return { show: 'missing', objective: settings.objective };
}

/** The widget's settings narrowed to what can be shown, or undefined when it needs configuring. */
export function showable(settings: WidgetSettingsData): Showable | undefined {
  if (settings.show === 'objective') return settings.objective ? { show: 'objective', objective: settings.objective } : undefined;
  return settings;
}
