// The plan-edit routes of okr close/rollover: the in-place edit when the layout allows it, else
// the yaml Document (comments kept), else the core's export; each result reads back as intended.
import { describe, expect, it } from 'vitest';
import { closePeriod, parsePlanText, rolloverPlan, toIsoDate } from '../../src/core';
import { rewriteWithEdits, type Edit } from '../../src/cli/close/plan-edit';

function close(text: string) {
  const plan = parsePlanText(text, 'yaml');
  const closed = closePeriod(plan, 'Q3', toIsoDate('2024-10-01'));
  const edits: Edit[] = [{ kind: 'set', path: ['periods', 0], key: 'closed', value: '2024-10-01' }];
  plan.objectives.forEach((o, i) => o.keyResults.forEach((_, j) => edits.push({ kind: 'set', path: ['objectives', i, 'keyResults', j], key: 'final', value: closed.objectives[i]?.keyResults[j]?.final })));
  return { ...rewriteWithEdits(text, 'yaml', edits, closed), closed };
}

const HEAD = 'okr: 1\nteams: [{ id: c, name: C }]\n';

describe('close edits', () => {
  it('adds a key at the end of a block mapping, at its keys\' column, CRLF kept', () => {
    const text = `${HEAD}periods:\r\n  - id: Q3\r\n    start: 2024-07-01\r\n    end: 2024-09-30 # inclusive\r\nobjectives:\r\n  - id: O\r\n    title: O\r\n    team: c\r\n    period: Q3\r\n    keyResults:\r\n    - id: K\r\n      title: K\r\n      type: outcome\r\n      start: 0\r\n      target: 2\r\n`;
    const out = close(text);
    expect(out.fidelity).toBe('exact');
    expect(out.text).toBe(text.replace('# inclusive\r\n', '# inclusive\r\n    closed: 2024-10-01\r\n').replace('target: 2\r\n', 'target: 2\r\n      final: { progress: 0, current: 0 }\r\n'));
  });

  it('a file without a final newline gets one before the new line', () => {
    const text = `${HEAD}periods: [{ id: Q3, start: 2024-07-01, end: 2024-09-30 }]\nobjectives:\n  - id: O\n    title: O\n    team: c\n    period: Q3\n    keyResults:\n      - id: K\n        title: K\n        type: effort`;
    const out = close(text);
    expect(out.text.endsWith('type: effort\n        final: { progress: 0, units: { done: 0, total: 0 } }\n')).toBe(true);
    expect(parsePlanText(out.text, 'yaml')).toEqual(out.closed);
  });
});

describe('rollover edits', () => {
  const closedText = `${HEAD}periods:\n  - { id: Q3, start: 2024-07-01, end: 2024-09-30, closed: 2024-10-01 }\nobjectives: [{ id: O, title: O, team: c, period: Q3, keyResults: [{ id: K, title: "yes", type: outcome, kpi: true, start: 0, target: 2, final: { progress: 0.5, current: 1 } }] }]   # flow list\n`;

  it('a flow list of objectives goes through the yaml Document: values exact, comments kept', () => {
    const plan = parsePlanText(closedText, 'yaml');
    const after = rolloverPlan(plan, { from: 'Q3', to: 'Q4', start: toIsoDate('2024-10-01'), end: toIsoDate('2024-12-31') });
    const edits: Edit[] = [
      { kind: 'append', path: ['periods'], value: after.periods[1] },
      { kind: 'append', path: ['objectives'], value: after.objectives[1] },
    ];
    const out = rewriteWithEdits(closedText, 'yaml', edits, after);
    expect(out.fidelity).toBe('comments');
    expect(out.text).toContain('# flow list');
    const back = parsePlanText(out.text, 'yaml');
    expect(back).toEqual(after);
    // "yes" stays a string for YAML 1.1 readers too.
    expect(back.objectives[1]?.keyResults[0]?.title).toBe('yes');
    expect(out.text).toMatch(/title: "yes"/);
  });

  it('an edit the file cannot take falls back to the export, never to a wrong file', () => {
    const plan = parsePlanText(closedText, 'yaml');
    const after = rolloverPlan(plan, { from: 'Q3', to: 'Q4', start: toIsoDate('2024-10-01'), end: toIsoDate('2024-12-31') });
    // An edit list that does not match the intended plan: every careful route reads back wrong.
    const out = rewriteWithEdits(closedText, 'yaml', [], after);
    expect(out.fidelity).toBe('values');
    expect(parsePlanText(out.text, 'yaml')).toEqual(after);
  });
});
