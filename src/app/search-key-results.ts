// The link picker's KR search: by KR id, KR title or objective title, newest plan order kept.
// An empty text lists KRs too, so the picker can show choices before the user types. Without a
// period asked for, KRs of periods that have ended are not offered: work done now cannot count
// toward a quarter that is over.
import { foldForSearch } from '../core/model/search-text';
import { z } from 'zod';
import type { KeyResultHit } from './api';
import { C, type ObjectiveDoc, type PeriodDoc } from './collections';
import { listAll } from './list-all';
import { viewer } from './permissions';
import type { UseCase } from './use-case';
import { id, limit } from './validate';

export const searchKeyResults: UseCase<'searchKeyResults'> = {
  input: z.strictObject({ text: z.string(), period: id.optional(), limit: limit.optional() }),
  requires: viewer,

  async run(ctx, { text, period, limit: max = 20 }) {
    const [docs, periods] = await Promise.all([
      listAll<ObjectiveDoc>(ctx.store, C.objectives, period ? { index: 'period', value: period } : undefined),
      period ? Promise.resolve([]) : listAll<PeriodDoc>(ctx.store, C.periods),
    ]);
    const today = ctx.today();
    const ended = new Set(periods.filter((p) => p.value.end < today).map((p) => p.id));
    const needle = foldForSearch(text.trim());
    const hits: KeyResultHit[] = [];
    for (const { value: o } of docs.sort((a, b) => a.value.order - b.value.order)) {
      if (ended.has(o.period)) continue;
      for (const kr of o.keyResults) {
        const haystack = foldForSearch(`${kr.id}\n${kr.title}\n${o.title}`);
        if (needle && !haystack.includes(needle)) continue;
        hits.push({ id: kr.id, title: kr.title, type: kr.type, objective: o.id, objectiveTitle: o.title, team: o.team, period: o.period });
      }
    }
    // KRs whose own id or title match come before those found through their objective.
    const own = (h: KeyResultHit) => (foldForSearch(`${h.id}\n${h.title}`).includes(needle) ? 0 : 1);
    return hits.sort((a, b) => own(a) - own(b)).slice(0, max);
  },
};
