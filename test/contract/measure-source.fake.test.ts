// The MeasureSource contract for the in-memory fake the app tests use.
import { describe } from 'vitest';
import { FakeMeasureSource, type FakeMeasureItem } from '../fakes/fake-measure-source';
import { measureSourceContract } from './measure-source.contract';
import { JQL_QUERIES } from './measure-source.queries';
import { CONTRACT_ITEMS, type ContractItem } from './work-item-source.dataset';

describe('MeasureSource contract: the fake', () => {
  measureSourceContract(() => {
    const byId = new Map<string, ContractItem>(CONTRACT_ITEMS.map((i) => [String(i.id), i]));
    const of = (item: FakeMeasureItem): ContractItem => byId.get(item.id) as ContractItem;
    const open = (i: ContractItem) => i.status === 'todo' || i.status === 'in-progress';
    const items: FakeMeasureItem[] = CONTRACT_ITEMS.map((i) => ({ id: String(i.id), ...(i.estimate !== undefined ? { estimate: i.estimate } : {}), ...(i.hidden ? { hidden: true } : {}) }));
    const source = new FakeMeasureSource({
      tracker: 'jira',
      items,
      queries: {
        [JQL_QUERIES.tasks]: (i) => of(i).type === 'Task',
        [JQL_QUERIES.openTasks]: (i) => of(i).type === 'Task' && open(of(i)),
        [JQL_QUERIES.epics]: (i) => of(i).type === 'Epic',
        [JQL_QUERIES.nothing]: () => false,
      },
    });
    return Promise.resolve({
      source,
      queries: { ...JQL_QUERIES, refused: { query: JQL_QUERIES.refused.query, says: /knows no query/ } },
      measure: (jql, rest = {}) => ({ jql, ...rest }),
      searchUrl: 'https://tracker.invalid/search?q=',
      cleanup: () => Promise.resolve(),
    });
  });
});
