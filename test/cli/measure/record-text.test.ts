// The plan text after `okr measure` records values: only the recorded entries change, in YAML
// (comments, quoting and layout kept) and JSON (key order and indentation kept); a text that
// would not read back as the intended plan falls back to the lossless export.
import { describe, expect, it } from 'vitest';
import { parsePlanText, planMeasures, recordMeasured, toIsoDate, type Plan } from '../../../src/core';
import { recordedText } from '../../../src/cli/measure/record-text';

const YAML = `# the plan
okr: 1
periods:
  - { id: Q4, start: 2026-10-01, end: 2026-12-31 }
teams:
  - id: cs
    name: "CS" # quoted on purpose
objectives:
  - id: O
    title: O
    team: cs
    period: Q4
    keyResults:
      - id: KR
        title: Open bugs
        type: outcome
        start: 10
        target: 0
        measure: { jql: project = CS } # flow style stays
        checkIns:
          - at: 2026-11-01 # typed
            value: 5
kpis:
  - id: K
    title: K
    direction: up
    measure:
      wiql: SELECT [System.Id] FROM WorkItems
`;

function record(text: string, format: 'yaml' | 'json', values: [string, number][]): { plan: Plan; out: ReturnType<typeof recordedText> } {
  let plan = parsePlanText(text, format);
  for (const [id, value] of values) plan = recordMeasured(plan, id, { at: toIsoDate('2026-11-15'), value, count: value });
  const measures = planMeasures(plan).filter((m) => values.some(([id]) => id === m.id));
  return { plan, out: recordedText(text, format, plan, measures) };
}

describe('recordedText', () => {
  it('adds the entries to YAML and changes nothing else', () => {
    const { plan, out } = record(YAML, 'yaml', [['KR', 3], ['K', 7]]);
    expect(out.fidelity).toBe('kept');
    expect(parsePlanText(out.text, 'yaml')).toEqual(plan);
    // Exactly the old text with the two new entries added.
    const expected = YAML.replace('            value: 5\n', '            value: 5\n          - at: 2026-11-15\n            value: 3\n            source: measured\n            count: 3\n').replace(
      '      wiql: SELECT [System.Id] FROM WorkItems\n',
      '      wiql: SELECT [System.Id] FROM WorkItems\n    readings:\n      - at: 2026-11-15\n        value: 7\n        source: measured\n        count: 7\n',
    );
    expect(out.text).toBe(expected);
  });

  it('replaces the same day entry in place on a second run', () => {
    const first = record(YAML, 'yaml', [['KR', 3]]).out.text;
    const { plan, out } = record(first, 'yaml', [['KR', 2]]);
    expect(out.fidelity).toBe('kept');
    expect(parsePlanText(out.text, 'yaml')).toEqual(plan);
    expect(out.text.match(/2026-11-15/g)).toHaveLength(1);
  });

  it('keeps JSON key order and indentation', () => {
    const json = `${JSON.stringify(parsePlanText(YAML, 'yaml'), null, 4)}\n`;
    const { plan, out } = record(json, 'json', [['K', 7]]);
    expect(out.fidelity).toBe('kept');
    expect(parsePlanText(out.text, 'json')).toEqual(plan);
    expect(out.text).toContain('\n    "okr": 1,\n');
    expect(out.text.endsWith('}\n')).toBe(true);
  });

  it('falls back to the export when the text cannot be edited in place', () => {
    const text = YAML.replace('okr: 1\n', 'okr: 1\nextra: &a { x: 1 }\n');
    // Not a valid plan text to start from: the fallback writes the intended plan itself.
    const plan = recordMeasured(parsePlanText(YAML, 'yaml'), 'KR', { at: toIsoDate('2026-11-15'), value: 3, count: 3 });
    const out = recordedText(text, 'yaml', plan, planMeasures(plan).filter((m) => m.id === 'KR'));
    expect(out.fidelity).toBe('values');
    expect(parsePlanText(out.text, 'yaml')).toEqual(plan);
  });
});
