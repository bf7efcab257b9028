// A large, realistic plan for the benchmarks: teams in a tree, 4 KRs per objective (about two
// thirds effort, one third outcome), each effort KR linked to an epic with 6 stories and
// 33 sub-tasks (40 items), statuses drawn from a seeded generator so every run is the same.
import type { KeyResult, Objective, Plan, WorkItem, WorkItemStatus } from '../src/core';

export function generatePlan(opts: { objectives: number; itemsPerEpic?: number; seed?: number }): Plan {
  const random = mulberry32(opts.seed ?? 42);
  const itemsPerEpic = opts.itemsPerEpic ?? 40;
  const status = (): WorkItemStatus => {
    const r = random();
    return r < 0.45 ? 'done' : r < 0.7 ? 'in-progress' : r < 0.95 ? 'todo' : 'cancelled';
  };
  const teams = [{ id: 'company', name: 'Company' }, ...Array.from({ length: 49 }, (_, i) => ({ id: `t${i}`, name: `Team ${i}`, parent: i < 7 ? 'company' : `t${i % 7}` }))];
  const workItems: WorkItem[] = [];
  const objectives: Objective[] = [];
  let epic = 0;
  let item = 0;
  for (let o = 0; o < opts.objectives; o++) {
    const keyResults: KeyResult[] = [];
    for (let k = 0; k < 4; k++) {
      const id = `KR${o}-${k}`;
      if ((o * 4 + k) % 20 < 13) {
        const epicRef = `jira:E${epic++}-1`;
        workItems.push({ ref: epicRef, title: `Epic ${epic}`, type: 'Epic', status: 'in-progress' });
        const stories: string[] = [];
        for (let s = 0; s < 6; s++) {
          const ref = `ado:${++item}`;
          stories.push(ref);
          workItems.push({ ref, title: `Story ${item}`, type: 'User Story', status: status(), estimate: 1 + Math.floor(random() * 8), parent: epicRef });
        }
        for (let t = 0; t < itemsPerEpic - 7; t++) {
          const ref = `ado:${++item}`;
          workItems.push({ ref, title: `Task ${item}`, type: 'Task', status: status(), parent: stories[t % 6] });
        }
        keyResults.push({ id, title: `Deliver epic ${epic}`, type: 'effort', weighting: k % 2 ? 'estimate' : 'count', links: [epicRef] });
      } else {
        keyResults.push({
          id,
          title: `Move metric ${id}`,
          type: 'outcome',
          start: 10,
          target: 20,
          checkIns: [{ at: '2025-01-15' as never, value: 12 }, { at: '2025-02-15' as never, value: 14 + random() * 4 }],
        });
      }
    }
    objectives.push({ id: `O${o}`, title: `Objective ${o}`, team: teams[o % teams.length]?.id as string, period: 'Q1', keyResults, ...(o % teams.length > 0 ? { aligns: `O${o % 50 === 0 ? 0 : o - (o % 50)}` } : {}) });
  }
  return {
    okr: 1,
    organization: 'Bench Co',
    periods: [{ id: 'Q1', start: '2025-01-01' as never, end: '2025-03-31' as never }],
    teams,
    objectives,
    kpis: [{ id: 'churn', title: 'Churn', direction: 'down', target: 5, threshold: 7.5, frequency: 'monthly', source: 'Billing', readings: [{ at: '2025-01-31' as never, value: 6 }] }],
    workItems,
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
