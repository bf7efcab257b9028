// Which KRs and KPIs are measured by a query, and how old each value is: asked once per
// ApiClient (`getMeasureRuns`, latest run only) and shared by every mark on the page, as
// usePermissions shares its answer. `refreshMeasured` asks again after a run.
import { useEffect, useState } from 'react';
import type { ApiClient, MeasureLogEntry } from '../../app/api';
import { useApi } from '../client/api-context';

export type MeasuredIndex = ReadonlyMap<string, MeasureLogEntry>;

const asked = new WeakMap<ApiClient, Promise<MeasuredIndex>>();
const listeners = new WeakMap<ApiClient, Set<(index: MeasuredIndex) => void>>();

function load(api: ApiClient): Promise<MeasuredIndex> {
  const answer = api('getMeasureRuns', { limit: 1 })
    .then((entries) => new Map(entries.map((e) => [e.id, e])) as MeasuredIndex)
    .catch(() => new Map() as MeasuredIndex);
  asked.set(api, answer);
  void answer.then((index) => listeners.get(api)?.forEach((l) => l(index)));
  return answer;
}

export function refreshMeasured(api: ApiClient): void {
  void load(api);
}

export function useMeasured(): MeasuredIndex | undefined {
  const api = useApi();
  const [index, setIndex] = useState<MeasuredIndex>();
  useEffect(() => {
    let set = listeners.get(api);
    if (!set) listeners.set(api, (set = new Set()));
    set.add(setIndex);
    void (asked.get(api) ?? load(api)).then(setIndex);
    return () => {
      set.delete(setIndex);
    };
  }, [api]);
  return index;
}
