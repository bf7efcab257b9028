import { describe, expect, it } from 'vitest';
import { InvalidInputError, parsePlanText, validatePlan, type Problem } from '../../src/core';
import { Q3, effortKr, item, kpi, objective, outcomeKr, type Input } from './builders';

/** The problems of input the core must refuse; fails the test when it is accepted. */
function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (e) {
    if (e instanceof InvalidInputError) return e.problems;
    throw e;
  }
  throw new Error('expected the input to be refused');
}

const problems = (input: unknown) => problemsOf(() => validatePlan(input));

/** A valid plan input to break one field at a time. */
function base(): Input & { periods: Input[]; teams: Input[]; objectives: Input[]; kpis: Input[]; workItems: Input[] } {
  return {
    okr: 1,
    periods: [{ ...Q3 }],
    teams: [{ id: 'company', name: 'Company' }, { id: 'cs', name: 'CS', parent: 'company' }],
    objectives: [
      objective('O1', [outcomeKr('KR1', { checkIns: [{ at: '2024-08-01', value: 3 }] }), outcomeKr('KR2', { kpiRef: 'churn' }), effortKr('KR3', ['jira:CS-1'])]),
      objective('O2', [outcomeKr('KR4')], { team: 'cs', aligns: 'KR1' }),
    ],
    kpis: [kpi('churn', { readings: [{ at: '2024-07-31', value: 11 }] })],
    workItems: [item('jira:CS-1', 'in-progress'), item('jira:CS-2', 'done', { parent: 'jira:CS-1', estimate: 3 })],
  };
}

/** base() with one change applied to a deep copy. */
function broken(change: (p: ReturnType<typeof base>) => void): ReturnType<typeof base> {
  const p = base();
  change(p);
  return p;
}

const at = (list: Input[], i: number): Input => list[i] as Input;
const krsOf = (p: ReturnType<typeof base>, i: number) => at(p.objectives, i).keyResults as Input[];

describe('SPEC §1 validation: the base plan is valid', () => {
  it('validates', () => {
    expect(validatePlan(base()).objectives).toHaveLength(2);
  });

  it('optional collections default to empty lists', () => {
    expect(validatePlan({ okr: 1 })).toEqual({ okr: 1, periods: [], teams: [], objectives: [], kpis: [], workItems: [] });
  });
});

describe('SPEC §1 validation: wrong types, with the path', () => {
  it.each<[string, (p: ReturnType<typeof base>) => void, string, RegExp]>([
    ['a string target', (p) => (at(krsOf(p, 0), 0).target = '75'), 'objectives[0].keyResults[0].target', /expected a number, got string "75"/],
    ['a numeric organization', (p) => (p.organization = 3), 'organization', /expected a string/],
    ['periods as an object', (p) => (p.periods = {} as Input[]), 'periods', /expected an array/],
    ['a numeric team id', (p) => (at(p.teams, 0).id = 7), 'teams[0].id', /expected a string, got number 7/],
    ['a null team name', (p) => (at(p.teams, 1).name = null), 'teams[1].name', /expected a string, got null/],
    ['kpi: "yes"', (p) => (at(krsOf(p, 0), 0).kpi = 'yes'), 'objectives[0].keyResults[0].kpi', /expected a boolean/],
    ['a string check-in value', (p) => (at(at(krsOf(p, 0), 0).checkIns as Input[], 0).value = 'high'), 'objectives[0].keyResults[0].checkIns[0].value', /expected a number/],
    ['confidence above 1', (p) => (at(at(krsOf(p, 0), 0).checkIns as Input[], 0).confidence = 2), 'objectives[0].keyResults[0].checkIns[0].confidence', /between 0 and 1/],
    ['a zero weight', (p) => (at(krsOf(p, 0), 0).weight = 0), 'objectives[0].keyResults[0].weight', /above 0/],
    ['a negative estimate', (p) => (at(p.workItems, 1).estimate = -1), 'workItems[1].estimate', /negative/],
    ['an infinite target (YAML .inf)', (p) => (at(krsOf(p, 0), 0).target = Infinity), 'objectives[0].keyResults[0].target', /finite.*Infinity/],
    ['a NaN check-in value (YAML .nan)', (p) => (at(at(krsOf(p, 0), 0).checkIns as Input[], 0).value = NaN), 'objectives[0].keyResults[0].checkIns[0].value', /finite.*NaN/],
    ['an unknown KR type', (p) => (at(krsOf(p, 0), 0).type = 'outcom'), 'objectives[0].keyResults[0].type', /"outcome" or "effort"/],
    ['an unknown weighting', (p) => (at(krsOf(p, 0), 2).weighting = 'points'), 'objectives[0].keyResults[2].weighting', /count|estimate/],
    ['an unknown direction', (p) => (at(p.kpis, 0).direction = 'sideways'), 'kpis[0].direction', /"up".*"down"/],
    ['an unknown frequency', (p) => (at(p.kpis, 0).frequency = 'daily'), 'kpis[0].frequency', /weekly/],
    ['an unknown work item status', (p) => (at(p.workItems, 0).status = 'open'), 'workItems[0].status', /todo/],
    ['a malformed ref', (p) => (at(p.workItems, 0).ref = 'CS-1'), 'workItems[0].ref', /jira:CS-1/],
    ['a malformed link', (p) => (at(krsOf(p, 0), 2).links = ['jira:cs-1']), 'objectives[0].keyResults[2].links[0]', /work item ref/],
    ['a malformed parent', (p) => (at(p.workItems, 1).parent = 'ado:0'), 'workItems[1].parent', /work item ref/],
    ['format version 2', (p) => (p.okr = 2), 'okr', /okr: 1/],
    ['an empty id', (p) => (at(p.objectives, 0).id = '  '), 'objectives[0].id', /empty/],
    ['a list for keyResults', (p) => (at(p.objectives, 1).keyResults = { id: 'x' }), 'objectives[1].keyResults', /expected an array/],
  ])('%s', (_what, change, path, message) => {
    const found = problems(broken(change));
    expect(found).toContainEqual({ path, message: expect.stringMatching(message) as unknown });
  });

  it('a top level that is not a mapping is refused', () => {
    expect(problems([1, 2])).not.toHaveLength(0);
    expect(problems('okr')).not.toHaveLength(0);
    expect(problems(null)).not.toHaveLength(0);
    expect(problemsOf(() => parsePlanText(''))).not.toHaveLength(0);
  });
});

describe('SPEC §1 validation: missing required fields', () => {
  it.each<[string, (p: ReturnType<typeof base>) => void, string]>([
    ['okr', (p) => delete p.okr, 'okr'],
    ['objective title', (p) => delete at(p.objectives, 0).title, 'objectives[0].title'],
    ['objective team', (p) => delete at(p.objectives, 0).team, 'objectives[0].team'],
    ['objective period', (p) => delete at(p.objectives, 1).period, 'objectives[1].period'],
    ['KR id', (p) => delete at(krsOf(p, 0), 1).id, 'objectives[0].keyResults[1].id'],
    ['KR title', (p) => delete at(krsOf(p, 0), 2).title, 'objectives[0].keyResults[2].title'],
    ['KR type', (p) => delete at(krsOf(p, 1), 0).type, 'objectives[1].keyResults[0].type'],
    ['check-in date', (p) => delete at(at(krsOf(p, 0), 0).checkIns as Input[], 0).at, 'objectives[0].keyResults[0].checkIns[0].at'],
    ['KPI direction', (p) => delete at(p.kpis, 0).direction, 'kpis[0].direction'],
    ['KPI title', (p) => delete at(p.kpis, 0).title, 'kpis[0].title'],
    ['work item status', (p) => delete at(p.workItems, 0).status, 'workItems[0].status'],
    ['work item ref', (p) => delete at(p.workItems, 1).ref, 'workItems[1].ref'],
    ['period start', (p) => delete at(p.periods, 0).start, 'periods[0].start'],
    ['team name', (p) => delete at(p.teams, 0).name, 'teams[0].name'],
  ])('%s', (_what, change, path) => {
    expect(problems(broken(change)).map((p) => p.path)).toContain(path);
  });

  it('says "required" where the field is simply absent', () => {
    expect(problems(broken((p) => delete at(p.objectives, 0).title))).toContainEqual({ path: 'objectives[0].title', message: 'required' });
  });
});

describe('SPEC §1 validation: unknown fields are refused, with a "did you mean" hint', () => {
  it('tagret → target', () => {
    const found = problems(broken((p) => (at(krsOf(p, 0), 0).tagret = 75)));
    expect(found).toEqual([{ path: 'objectives[0].keyResults[0].tagret', message: expect.stringContaining('did you mean "target"?') as unknown }]);
  });

  it.each<[string, (p: ReturnType<typeof base>) => void, string, string]>([
    ['top level', (p) => (p.objective = []), 'objective', 'objectives'],
    ['period', (p) => (at(p.periods, 0).ends = '2024-09-30'), 'periods[0].ends', 'end'],
    ['team', (p) => (at(p.teams, 1).parnet = 'company'), 'teams[1].parnet', 'parent'],
    ['objective', (p) => (at(p.objectives, 0).keyresults = []), 'objectives[0].keyresults', 'keyResults'],
    ['check-in', (p) => (at(at(krsOf(p, 0), 0).checkIns as Input[], 0).valu = 1), 'objectives[0].keyResults[0].checkIns[0].valu', 'value'],
    ['effort KR', (p) => (at(krsOf(p, 0), 2).weigthing = 'count'), 'objectives[0].keyResults[2].weigthing', 'weighting'],
    ['KPI', (p) => (at(p.kpis, 0).treshold = 7.5), 'kpis[0].treshold', 'threshold'],
    ['reading', (p) => (at(at(p.kpis, 0).readings as Input[], 0).vale = 1), 'kpis[0].readings[0].vale', 'value'],
    ['work item', (p) => (at(p.workItems, 0).stauts = 'done'), 'workItems[0].stauts', 'status'],
  ])('in a %s', (_where, change, path, hint) => {
    expect(problems(broken(change))).toContainEqual({ path, message: expect.stringContaining(`did you mean "${hint}"?`) as unknown });
  });

  it('a field far from any known one is refused without a misleading hint', () => {
    expect(problems(broken((p) => (at(p.periods, 0).colour = 'red')))).toEqual([{ path: 'periods[0].colour', message: 'unknown field' }]);
  });

  it('a field of the other KR type is unknown too (effort KRs have no target)', () => {
    expect(problems(broken((p) => (at(krsOf(p, 0), 2).target = 5))).map((p) => p.path)).toEqual(['objectives[0].keyResults[2].target']);
  });
});

describe('SPEC §1 validation: duplicate ids', () => {
  it('periods and teams', () => {
    const found = problems(broken((p) => {
      p.periods.push({ ...Q3 });
      p.teams.push({ id: 'cs', name: 'Again' });
    }));
    expect(found.map((x) => x.path)).toEqual(['periods[1].id', 'teams[2].id']);
  });

  it('objectives, key results and KPIs share one namespace', () => {
    const found = problems(broken((p) => {
      // Without its alignment: with two objectives named O1, "O2 aligns KR1" would become a real self-alignment.
      delete at(p.objectives, 1).aligns;
      at(p.objectives, 1).id = 'O1';
      at(krsOf(p, 1), 0).id = 'KR1';
      p.kpis.push(kpi('KR2'));
    }));
    expect(found.map((x) => x.path)).toEqual(['objectives[1].id', 'objectives[1].keyResults[0].id', 'kpis[1].id']);
    expect(found[0]?.message).toMatch(/duplicate id "O1" \(already used at objectives\[0\]\.id\)/);
  });

  it('work item refs', () => {
    expect(problems(broken((p) => p.workItems.push(item('jira:CS-1', 'done'))))).toEqual([{ path: 'workItems[2].ref', message: expect.stringContaining('duplicate work item "jira:CS-1"') as unknown }]);
  });
});

describe('SPEC §1 validation: references to unknown things', () => {
  it.each<[string, (p: ReturnType<typeof base>) => void, string, RegExp]>([
    ['team of an objective', (p) => (at(p.objectives, 0).team = 'compnay'), 'objectives[0].team', /unknown team "compnay" \(did you mean "company"\?\)/],
    ['period of an objective', (p) => (at(p.objectives, 0).period = '2024-Q9'), 'objectives[0].period', /unknown period "2024-Q9"/],
    ['parent team', (p) => (at(p.teams, 1).parent = 'nobody'), 'teams[1].parent', /unknown team "nobody"/],
    ['team of a KPI', (p) => (at(p.kpis, 0).team = 'ghosts'), 'kpis[0].team', /unknown team/],
    ['aligned objective', (p) => (at(p.objectives, 1).aligns = 'O9'), 'objectives[1].aligns', /unknown objective or key result "O9"/],
    ['aligned key result', (p) => (at(p.objectives, 1).aligns = 'KR9'), 'objectives[1].aligns', /unknown objective or key result "KR9"/],
    ['KPI of a kpiRef', (p) => (at(krsOf(p, 0), 1).kpiRef = 'churm'), 'objectives[0].keyResults[1].kpiRef', /unknown KPI "churm" \(did you mean "churn"\?\)/],
  ])('%s', (_what, change, path, message) => {
    expect(problems(broken(change))).toEqual([{ path, message: expect.stringMatching(message) as unknown }]);
  });

  it('aligning to a KPI id is not aligning to an objective or KR', () => {
    expect(problems(broken((p) => (at(p.objectives, 1).aligns = 'churn'))).map((x) => x.path)).toEqual(['objectives[1].aligns']);
  });

  it('with nothing defined, the message says so', () => {
    expect(problems({ okr: 1, objectives: [objective('O', [])] })).toEqual([
      { path: 'objectives[0].team', message: 'unknown team "company" (none are defined)' },
      { path: 'objectives[0].period', message: 'unknown period "Q3" (none are defined)' },
    ]);
  });

  it('a work item parent outside the snapshot is allowed', () => {
    expect(() => validatePlan(broken((p) => (at(p.workItems, 0).parent = 'jira:CS-999')))).not.toThrow();
  });

  it('a link to a work item outside the snapshot is a lint, not a validation error', () => {
    expect(() => validatePlan(broken((p) => (at(krsOf(p, 0), 2).links = ['jira:CS-404'])))).not.toThrow();
  });
});

describe('SPEC §1 validation: other consistency rules', () => {
  it('a period that ends before it starts', () => {
    expect(problems(broken((p) => (at(p.periods, 0).end = '2024-06-30')))).toEqual([{ path: 'periods[0].end', message: expect.stringContaining('before it starts') as unknown }]);
  });

  it('a KPI guardrail on the good side of its target', () => {
    expect(problems(broken((p) => (at(p.kpis, 0).threshold = 4))).map((x) => x.path)).toEqual(['kpis[0].threshold']);
    expect(problems(broken((p) => Object.assign(at(p.kpis, 0), { direction: 'up', target: 10, threshold: 12 }))).map((x) => x.path)).toEqual(['kpis[0].threshold']);
    expect(() => validatePlan(broken((p) => (at(p.kpis, 0).threshold = 5)))).not.toThrow();
  });

  it('a kpiRef KR takes no check-ins (its value is the KPI reading)', () => {
    expect(problems(broken((p) => (at(krsOf(p, 0), 1).checkIns = [{ at: '2024-08-01', value: 9 }]))).map((x) => x.path)).toEqual(['objectives[0].keyResults[1].checkIns']);
  });
});

describe('SPEC §1 validation: cycles', () => {
  it('an objective aligned to itself', () => {
    expect(problems(broken((p) => (at(p.objectives, 0).aligns = 'O1')))).toEqual([{ path: 'objectives[0].aligns', message: expect.stringContaining('cycle') as unknown }]);
  });

  it('an objective aligned to one of its own key results', () => {
    expect(problems(broken((p) => (at(p.objectives, 1).aligns = 'KR4')))).toEqual([{ path: 'objectives[1].aligns', message: 'alignment forms a cycle: O2 → KR4 → O2' }]);
  });

  it('two objectives aligned to each other through a key result', () => {
    const found = problems(broken((p) => (at(p.objectives, 0).aligns = 'KR4')));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/cycle: .*O1.*KR4.*O2.*KR1|cycle: .*O2.*KR1.*O1.*KR4/);
  });

  it('a longer alignment chain that loops back is reported once', () => {
    const found = problems(broken((p) => {
      p.objectives.push(objective('O3', [outcomeKr('KR5')], { aligns: 'O2' }));
      at(p.objectives, 1).aligns = 'O3';
    }));
    expect(found.filter((x) => /cycle/.test(x.message))).toHaveLength(1);
  });

  it('team parents', () => {
    const found = problems(broken((p) => (at(p.teams, 0).parent = 'cs')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: expect.stringMatching(/^teams\[[01]\]\.parent$/) as unknown, message: expect.stringMatching(/team parents form a cycle: (company → cs → company|cs → company → cs)/) as unknown });
  });

  it('a team that is its own parent', () => {
    expect(problems(broken((p) => (at(p.teams, 0).parent = 'company')))).toEqual([{ path: 'teams[0].parent', message: 'team parents form a cycle: company → company' }]);
  });

  it('work item parents', () => {
    const found = problems(broken((p) => {
      at(p.workItems, 0).parent = 'jira:CS-3';
      p.workItems.push(item('jira:CS-3', 'todo', { parent: 'jira:CS-2' }));
    }));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/work item parents form a cycle: .*jira:CS-1.*jira:CS-3.*jira:CS-2|work item parents form a cycle: .*jira:CS-/);
    expect(found[0]?.message.match(/jira:CS-\d/g)).toHaveLength(4);
  });

  it('a work item that is its own parent', () => {
    expect(problems(broken((p) => (at(p.workItems, 0).parent = 'jira:CS-1')))).toEqual([{ path: 'workItems[0].parent', message: 'work item parents form a cycle: jira:CS-1 → jira:CS-1' }]);
  });

  it('a chain that only leads into a cycle reports the cycle once', () => {
    const found = problems(broken((p) => {
      at(p.workItems, 0).parent = 'jira:CS-2';
      p.workItems.push(item('jira:CS-3', 'todo', { parent: 'jira:CS-2' }), item('jira:CS-4', 'todo', { parent: 'jira:CS-3' }));
    }));
    expect(found).toHaveLength(1);
  });
});

describe('SPEC §1 dates: calendar days, written either way', () => {
  const yaml = (start: string) => `okr: 1\nperiods:\n  - { id: Q3, start: ${start}, end: 2024-09-30 }\n`;

  it('unquoted and quoted YAML dates read the same', () => {
    const plain = parsePlanText(yaml('2024-07-01'));
    expect(plain.periods[0]?.start).toBe('2024-07-01');
    expect(parsePlanText(yaml('"2024-07-01"'))).toEqual(plain);
    expect(parsePlanText(yaml("'2024-07-01'"))).toEqual(plain);
  });

  it('a YAML 1.1 document (unquoted dates become Dates) reads the same as a YAML 1.2 one (they stay strings)', () => {
    const plain = parsePlanText(yaml('2024-07-01'));
    expect(parsePlanText(`%YAML 1.1\n---\n${yaml('2024-07-01')}`)).toEqual(plain);
    expect(parsePlanText(`%YAML 1.2\n---\n${yaml('2024-07-01')}`)).toEqual(plain);
  });

  it('JavaScript Date values fed to validatePlan mean their UTC calendar day', () => {
    const plan = validatePlan({
      okr: 1,
      periods: [{ id: 'Q3', start: new Date('2024-07-01'), end: new Date(Date.UTC(2024, 8, 30)) }],
      kpis: [kpi('k', { readings: [{ at: new Date('2024-12-31T00:00:00Z'), value: 1 }] })],
    });
    expect(plan.periods[0]).toEqual({ id: 'Q3', start: '2024-07-01', end: '2024-09-30' });
    expect(plan.kpis[0]?.readings?.[0]?.at).toBe('2024-12-31');
  });

  it('unquoted dates in check-ins and readings work in YAML', () => {
    const plan = parsePlanText(`okr: 1
periods: [{ id: Q3, start: 2024-07-01, end: 2024-09-30 }]
teams: [{ id: t, name: T }]
objectives:
  - { id: O, title: o, team: t, period: Q3, keyResults: [{ id: K, title: k, type: outcome, start: 0, target: 1, checkIns: [{ at: 2024-08-01, value: 1 }] }] }
kpis:
  - { id: c, title: c, direction: up, readings: [{ at: 2024-02-29, value: 2 }] }
`);
    const kr = plan.objectives[0]?.keyResults[0];
    expect(kr?.type === 'outcome' ? kr.checkIns?.[0]?.at : undefined).toBe('2024-08-01');
    expect(plan.kpis[0]?.readings?.[0]?.at).toBe('2024-02-29');
  });

  it.each([
    ['2024-02-30', /calendar date/],
    ['"2023-02-29"', /calendar date/],
    ['"1/7/2024"', /calendar date/],
    ['"2024-7-1"', /calendar date/],
    ['20240701', /date/],
    ['Invalid', /calendar date/],
  ])('refuses %s with the path', (value, message) => {
    expect(problemsOf(() => parsePlanText(yaml(value)))).toEqual([{ path: 'periods[0].start', message: expect.stringMatching(message) as unknown }]);
  });

  it('refuses an invalid JS Date', () => {
    expect(problems({ okr: 1, periods: [{ id: 'P', start: new Date('nope'), end: '2024-01-01' }] }).map((p) => p.path)).toEqual(['periods[0].start']);
  });
});

describe('SPEC §1 every problem is listed, with its path, in one error', () => {
  it('shape problems across the whole plan come together', () => {
    const input = broken((p) => {
      at(krsOf(p, 0), 0).tagret = 1;
      at(p.teams, 0).id = 3;
      delete at(p.objectives, 1).title;
      at(p.kpis, 0).direction = 'left';
      at(p.workItems, 1).status = 'closed';
    });
    let error: unknown;
    try {
      validatePlan(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const e = error as InvalidInputError;
    expect(e.code).toBe('invalid-input');
    expect(e.problems.map((p) => p.path).sort()).toEqual(['kpis[0].direction', 'objectives[0].keyResults[0].tagret', 'objectives[1].title', 'teams[0].id', 'workItems[1].status']);
    for (const p of e.problems) expect(e.message).toContain(`${p.path}: ${p.message}`);
  });

  it('reference problems come together too', () => {
    const found = problems(broken((p) => {
      at(p.objectives, 0).team = 'x';
      at(p.objectives, 1).period = 'y';
      at(krsOf(p, 0), 1).kpiRef = 'z';
      at(p.teams, 1).parent = 'cs';
      p.workItems.push(item('jira:CS-1', 'todo'));
    }));
    expect(found.map((p) => p.path).sort()).toEqual(['objectives[0].keyResults[1].kpiRef', 'objectives[0].team', 'objectives[1].period', 'teams[1].parent', 'workItems[2].ref']);
  });

  it('shape and reference problems come together in one error', () => {
    const found = problems(broken((p) => {
      at(krsOf(p, 0), 0).tagret = 1;
      at(p.objectives, 1).team = 'nobody';
    }));
    expect(found.map((p) => p.path).sort()).toEqual(['objectives[0].keyResults[0].tagret', 'objectives[1].team']);
  });

  it('through parsePlanText, the path points into the file', () => {
    const text = `okr: 1
periods: [{ id: Q3, start: 2024-07-01, end: 2024-09-30 }]
teams: [{ id: t, name: T }]
objectives:
  - id: O1
    title: o
    team: t
    period: Q3
    keyResults:
      - { id: K1, title: a, type: outcome, start: 1, target: 2 }
      - { id: K2, title: b, type: outcome, start: 1, target: lots }
`;
    expect(problemsOf(() => parsePlanText(text))).toEqual([{ path: 'objectives[0].keyResults[1].target', message: 'expected a number, got string "lots"' }]);
  });
});

describe('SPEC §1 syntax errors are refused as a whole', () => {
  it('invalid YAML, with a line number', () => {
    const found = problemsOf(() => parsePlanText('okr: 1\nperiods: [\n  - x: y\n', 'yaml'));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.path).toMatch(/^line \d+$/);
  });

  it('a YAML mapping with a duplicate key', () => {
    expect(problemsOf(() => parsePlanText('okr: 1\nteams: []\nteams: []\n'))[0]?.message).toMatch(/unique/);
  });

  it('bad indentation in YAML', () => {
    expect(problemsOf(() => parsePlanText('okr: 1\nteams:\n  - id: a\n   name: b\n'))).not.toHaveLength(0);
  });

  it('invalid JSON', () => {
    const found = problemsOf(() => parsePlanText('{"okr": 1, "teams": [}', 'json'));
    expect(found).toEqual([{ path: '', message: expect.stringMatching(/^not valid JSON/) as unknown }]);
  });

  it('JSON is recognised without a format hint, and read the same as YAML', () => {
    const json = JSON.stringify({ okr: 1, periods: [Q3] });
    expect(parsePlanText(json)).toEqual(parsePlanText(`okr: 1\nperiods: [{ id: Q3, start: 2024-07-01, end: 2024-09-30 }]\n`));
  });

  it('a YAML flow mapping is YAML, not broken JSON, without a format hint', () => {
    expect(parsePlanText('{ okr: 1, periods: [{ id: Q3, start: 2024-07-01, end: 2024-09-30 }] }').periods[0]?.start).toBe('2024-07-01');
  });
});

describe('SPEC §1 validation: hints for swapped letters', () => {
  it('suggests "value" for "vlaue" and "churn" for "chrun"', async () => {
    const { validatePlan } = await import('../../src/core');
    const plan = {
      okr: 1,
      periods: [{ id: 'Q1', start: '2025-01-01', end: '2025-03-31' }],
      teams: [{ id: 't', name: 'T' }],
      objectives: [{ id: 'O', title: 'O', team: 't', period: 'Q1', keyResults: [{ id: 'K', title: 'K', type: 'outcome', start: 1, target: 2, kpiRef: 'chrun', checkIns: [] }] }],
      kpis: [{ id: 'churn', title: 'Churn', direction: 'down', readings: [{ at: '2025-01-01', vlaue: 3 }] }],
    };
    expect(() => validatePlan(plan)).toThrow(/kpis\[0\]\.readings\[0\]\.vlaue: unknown field \(did you mean "value"\?\)/);
    const fixed = { ...plan, kpis: [{ id: 'churn', title: 'Churn', direction: 'down' }] };
    expect(() => validatePlan(fixed)).toThrow(/kpiRef: unknown KPI "chrun" \(did you mean "churn"\?\)/);
  });
});
