// fast-check generators of valid plan inputs and work item forests, for the property tests.
// Plans are built with fc.gen() because their parts refer to each other (teams, periods, KPIs,
// work item parents); every generated input is meant to pass validatePlan.
import fc from 'fast-check';
import { dayNumber, fromDayNumber, WORK_ITEM_STATUSES, type IsoDate, type WorkItem } from '../../src/core';

type Gen = fc.GeneratorValue;

/** One typed draw from an arbitrary inside fc.gen(). */
export function pick<T>(g: Gen, arbitrary: fc.Arbitrary<T>): T {
  return g(() => arbitrary);
}

/** Strings that YAML or JSON writers are known to mangle when they forget to quote or escape. */
export const AWKWARD = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'true', 'False', 'null', '~', '', ' ',
  '2024-01-01', '2024-01-01T10:00:00Z', '12:30', '1:30:00', '0x10', '0o17', '010', '1e3', '.inf', '-.Inf', '.nan', '1_000', '+1', '-0',
  '#x', 'a #b', '- x', ': x', 'a: b', '? q', '*ref', '&anchor', '!tag', '%YAML', '@at', '`tick`', '|', '>', '{a}', '[b]', ',',
  '"double"', "'single'", '\\back', '  leading', 'trailing  ', ' both ', 'line\nbreak', 'tab\there', 'cr\rhere', 'crlf\r\nend',
  'bell\u0007', 'nul\u0000', 'esc\u001b[0m', 'nel\u0085', 'ls\u2028', 'bom\uFEFF', 'zwj\u200D', 'ü 🍵 茶', '\u00A0nbsp',
  '---', '...', '<<', '=',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 8 }) },
);

/** Ids and titles are trimmed and non-empty after validation: generate them that way. */
const idText = text.map((s) => s.trim()).filter((s) => s.length > 0);

/** Finite numbers, including awkward ones; no -0 (JSON has no way to write it). */
const number = fc
  .oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.1, 1e21, 5e-324, -1.5e-7))
  .map((x) => (Object.is(x, -0) ? 0 : x));

const FIRST_DAY = dayNumber('1990-01-01') as number;
const LAST_DAY = dayNumber('2060-12-31') as number;

function day(g: Gen, min = FIRST_DAY, max = LAST_DAY): IsoDate {
  return fromDayNumber(pick(g, fc.integer({ min, max })));
}

function maybe<T>(g: Gen, value: () => T): T | undefined {
  return pick(g, fc.boolean()) ? value() : undefined;
}

/** Copies `from` without its undefined fields (the plan input never carries explicit undefined). */
function defined<T extends object>(from: T): T {
  return Object.fromEntries(Object.entries(from).filter(([, v]) => v !== undefined)) as T;
}

export interface ForestOptions {
  maxItems?: number;
}

/**
 * A forest of work items: each item's parent is an earlier item (so no cycles), none, or a ref
 * outside the snapshot. Refs mix Jira and Azure DevOps.
 */
export function forest(g: Gen, { maxItems = 30 }: ForestOptions = {}): WorkItem[] {
  const n = pick(g, fc.integer({ min: 0, max: maxItems }));
  const refs = Array.from({ length: n }, (_, i) => (i % 3 === 2 ? `ado:${i + 1}` : `jira:T-${i + 1}`));
  return refs.map((ref, i) => {
    const p = pick(g, fc.integer({ min: -2, max: i - 1 }));
    const parent = p === -1 ? undefined : p === -2 ? 'jira:OUT-1' : refs[p];
    return defined<WorkItem>({
      ref,
      status: pick(g, fc.constantFrom(...WORK_ITEM_STATUSES)),
      estimate: maybe(g, () => pick(g, fc.oneof(fc.integer({ min: 0, max: 13 }), fc.double({ min: 0, max: 100, noNaN: true })))),
      parent,
    });
  });
}

/** Links into a forest: known refs (some twice), and now and then unknown ones. */
export function linksInto(g: Gen, items: readonly WorkItem[]): string[] {
  const refs = items.map((w) => w.ref);
  const picked = refs.length ? pick(g, fc.array(fc.constantFrom(...refs), { maxLength: 6 })) : [];
  return [...picked, ...pick(g, fc.subarray(['jira:GONE-9', 'jira:GONE-10', 'ado:999']))];
}

export interface PlanOptions {
  /** Awkward strings everywhere text is free (round trips); plain ids otherwise. */
  awkward?: boolean;
  maxItems?: number;
}

export type PlanInput = Record<string, unknown> & { workItems: WorkItem[] };

/** A valid plan input: periods, a team tree, objectives with outcome and effort KRs, KPIs, work items. */
export function planInput(g: Gen, { awkward = false, maxItems = 25 }: PlanOptions = {}): PlanInput {
  const free = () => (awkward ? pick(g, text) : 'text');
  const ids = (min: number, max: number, prefix: string): string[] =>
    awkward ? pick(g, fc.uniqueArray(idText, { minLength: min, maxLength: max })) : Array.from({ length: pick(g, fc.integer({ min, max })) }, (_, i) => `${prefix}${i}`);
  const title = () => (awkward ? pick(g, idText) : 'title');

  const periods = ids(1, 3, 'P').map((id) => {
    const start = day(g);
    return { id, start, end: fromDayNumber((dayNumber(start) as number) + pick(g, fc.integer({ min: 0, max: 400 }))) };
  });
  const teamIds = ids(1, 4, 'T');
  const teams = teamIds.map((id, i) => defined({ id, name: title(), parent: i > 0 && pick(g, fc.boolean()) ? teamIds[pick(g, fc.integer({ min: 0, max: i - 1 }))] : undefined }));

  // Objectives, KRs and KPIs share one namespace.
  const names = ids(1, 14, 'N');
  const kpiIds = names.slice(0, pick(g, fc.integer({ min: 0, max: Math.min(3, names.length - 1) })));
  const rest = names.slice(kpiIds.length);

  const workItems = forest(g, { maxItems });
  const dates = () => pick(g, fc.uniqueArray(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), { maxLength: 4 })).map(fromDayNumber);
  // §8: a measure in any of its valid shapes, and the source/count a run records.
  const measure = () => {
    const query = title();
    const jira = pick(g, fc.boolean());
    const q = jira ? { jql: query } : { wiql: `SELECT [System.Id] FROM WorkItems WHERE [System.Title] = '${query}'` };
    const aggregate = pick(g, fc.constantFrom(undefined, 'count', 'sum', 'average', 'percent'));
    const field = aggregate === 'sum' || aggregate === 'average' ? pick(g, fc.constantFrom('estimate', 'customfield_10016', title())) : undefined;
    const of = aggregate === 'percent' ? (jira ? title() : 'SELECT [System.Id] FROM WorkItems') : undefined;
    return defined({ ...q, aggregate, field, of });
  };
  const measured = () => (pick(g, fc.boolean()) ? {} : defined({ source: pick(g, fc.constantFrom('manual', 'measured')), count: maybe(g, () => pick(g, fc.nat(30000))) }));

  const kpis = kpiIds.map((id) => {
    const direction = pick(g, fc.constantFrom('up', 'down'));
    const target = maybe(g, () => pick(g, number));
    // A guardrail lies on the bad side of the target.
    const threshold = target === undefined ? undefined : maybe(g, () => (direction === 'down' ? target + pick(g, fc.nat(50)) : target - pick(g, fc.nat(50))));
    return defined({
      id,
      title: title(),
      unit: maybe(g, free),
      direction,
      target,
      threshold,
      frequency: maybe(g, () => pick(g, fc.constantFrom('weekly', 'monthly', 'quarterly'))),
      source: maybe(g, free),
      owner: maybe(g, free),
      team: maybe(g, () => pick(g, fc.constantFrom(...teamIds))),
      readings: maybe(g, () => dates().map((at) => defined({ at, value: pick(g, number), note: maybe(g, free), ...measured() }))),
      measure: maybe(g, measure),
    });
  });

  const objectives: Record<string, unknown>[] = [];
  const alignable: string[] = [];
  for (let i = 0; i < rest.length; ) {
    const id = rest[i] as string;
    const krIds = rest.slice(i + 1, i + 1 + pick(g, fc.integer({ min: 0, max: 4 })));
    i += 1 + krIds.length;
    const keyResults = krIds.map((krId) => {
      const common = {
        id: krId,
        title: title(),
        owner: maybe(g, free),
        weight: maybe(g, () => pick(g, fc.double({ min: 0.01, max: 10, noNaN: true }))),
        kpi: maybe(g, () => pick(g, fc.boolean())),
        links: maybe(g, () => linksInto(g, workItems)),
      };
      if (pick(g, fc.boolean())) return defined({ ...common, type: 'effort', weighting: maybe(g, () => pick(g, fc.constantFrom('count', 'estimate'))) });
      const kpiRef = kpiIds.length && pick(g, fc.boolean()) ? pick(g, fc.constantFrom(...kpiIds)) : undefined;
      return defined({
        ...common,
        type: 'outcome',
        start: maybe(g, () => pick(g, number)),
        target: maybe(g, () => pick(g, number)),
        unit: maybe(g, free),
        kpiRef,
        checkIns:
          kpiRef === undefined
            ? maybe(g, () =>
                dates().map((at) =>
                  defined({ at, value: pick(g, number), confidence: maybe(g, () => pick(g, fc.double({ min: 0, max: 1, noNaN: true }))), note: maybe(g, free), by: maybe(g, free), ...measured() }),
                ),
              )
            : undefined,
        measure: kpiRef === undefined ? maybe(g, measure) : undefined,
      });
    });
    // Aligning only to what came before keeps alignment acyclic.
    const aligns = alignable.length && pick(g, fc.boolean()) ? pick(g, fc.constantFrom(...alignable)) : pick(g, fc.constantFrom(undefined, null));
    objectives.push(
      defined({ id, title: title(), team: pick(g, fc.constantFrom(...teamIds)), period: pick(g, fc.constantFrom(...periods.map((p) => p.id))), owner: maybe(g, free), aligns, keyResults }),
    );
    alignable.push(id, ...krIds);
  }

  return defined({ okr: 1, organization: maybe(g, free), periods, teams, objectives, kpis, workItems });
}

export const planInputs = (options: PlanOptions = {}) => fc.gen().map((g) => planInput(g, options));

/** A day around the plans' dates, for evaluation. */
export const evaluationDay = fc.integer({ min: FIRST_DAY - 30, max: LAST_DAY + 500 }).map(fromDayNumber);

/** Deterministic Fisher–Yates driven by a seed, so a failing case replays from fast-check's seed. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
