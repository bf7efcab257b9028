// What a Harmony dashboard widget shows, as kept by the dashboard in `customSettings.data`:
// the health of the KPIs (optionally one team's), or one objective's progress.
export type WidgetSettingsData = { show: 'kpis'; team?: string } | { show: 'objective'; objective?: string };

export const DEFAULT_SETTINGS: WidgetSettingsData = { show: 'kpis' };

/** Settings from the dashboard; anything unreadable (a new widget has none) is the default. */
export function parseSettings(data: string | undefined | null): WidgetSettingsData {
  if (!data) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (raw === null || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const r = raw as { show?: unknown; team?: unknown; objective?: unknown };
  if (r.show === 'objective') return typeof r.objective === 'string' && r.objective !== '' ? { show: 'objective', objective: r.objective } : { show: 'objective' };
  return typeof r.team === 'string' && r.team !== '' ? { show: 'kpis', team: r.team } : DEFAULT_SETTINGS;
}

export function serializeSettings(settings: WidgetSettingsData): { data: string; version: { major: number; minor: number; patch: number } } {
  return { data: JSON.stringify(settings), version: { major: 1, minor: 0, patch: 0 } };
}
