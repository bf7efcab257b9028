// YAML anchors and aliases in a plan file (SPEC §1): ordinary reuse reads as if written out; a
// nested alias bomb ("billion laughs") is refused as invalid input, not a crash (issue 8, finding 7).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, parsePlanText } from '../../src/core';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('YAML aliases in a plan file', () => {
  it('a plan that reuses a few values through aliases parses to the values written out', () => {
    const plan = parsePlanText(fixture('yaml-aliases.yaml'), 'yaml');
    const [o1, o2] = plan.objectives;
    expect(o2).toMatchObject({ team: 'company', period: '2026-Q4', owner: 'maria' });
    expect(o1?.keyResults.map((kr) => kr.owner)).toEqual(['maria', undefined, 'maria']);
    expect(o1?.keyResults[1]).toMatchObject({ type: 'effort', links: ['jira:APP-1'] });
    expect(o2?.keyResults[0]).toMatchObject({ links: ['jira:APP-1'] });
    expect(o2?.keyResults[1]).toMatchObject({ start: 10, target: 80 });
  });

  it('a billion-laughs file is an InvalidInputError that says what to fix', () => {
    let error: unknown;
    try {
      parsePlanText(fixture('alias-bomb.yaml'), 'yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toMatch(/^the plan cannot be read as YAML:/);
    const problems = (error as InvalidInputError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('');
    expect(problems[0]?.message).toMatch(/aliases \(\*name\) expand to more than 100 copies .*write the values out instead of nesting aliases/);
  });

  it('the same file is refused when its format is not named (JSON is tried first)', () => {
    expect(() => parsePlanText(fixture('alias-bomb.yaml'))).toThrow(InvalidInputError);
  });
});
