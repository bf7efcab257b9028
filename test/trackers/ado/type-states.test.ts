import { describe, expect, it } from 'vitest';
import { TypeStates } from '../../../src/trackers/ado/type-states';
import { AdoHttpError } from '../../../src/trackers/ado/wit-client';
import type { WorkItemStateColor } from '../../../src/trackers/ado/wit-contracts';

function counting(answers: (WorkItemStateColor[] | Error)[]) {
  const calls: string[] = [];
  const fetch = (project: string, type: string): Promise<WorkItemStateColor[]> => {
    calls.push(`${project}/${type}`);
    const next = answers.length > 1 ? answers.shift() : answers[0];
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next ?? []);
  };
  return { calls, fetch };
}

const v1: WorkItemStateColor[] = [
  { name: 'New', category: 'Proposed' },
  { name: 'Done', category: 'Completed' },
];

describe('SPEC §6: status from the type states, read once per project and type', () => {
  it('reads each project and type once, however many items ask, names compared without case', async () => {
    const { calls, fetch } = counting([v1]);
    const states = new TypeStates(fetch);
    const got = await Promise.all([
      states.statusOf('Web', 'Story', 'New'),
      states.statusOf('web', 'STORY', 'done'),
      states.statusOf('Web', 'Story', 'Done'),
      states.statusOf('Mobile', 'Story', 'Done'),
    ]);
    expect(got).toEqual(['todo', 'done', 'done', 'done']);
    expect(calls).toEqual(['Web/Story', 'Mobile/Story']);
  });

  it('reads the type again once when a state is unknown (the process changed), then counts it as todo', async () => {
    const { calls, fetch } = counting([v1, [...v1, { name: 'Dropped', category: 'Removed' }]]);
    const states = new TypeStates(fetch);
    expect(await states.statusOf('Web', 'Story', 'New')).toBe('todo');
    expect(await states.statusOf('Web', 'Story', 'Dropped')).toBe('cancelled');
    expect(await states.statusOf('Web', 'Story', 'Mystery')).toBe('todo');
    expect(await states.statusOf('Web', 'Story', 'Enigma')).toBe('todo');
    expect(calls).toHaveLength(2);
  });

  it('does not keep a failed read, and treats a type the project lacks (404) as having no states', async () => {
    const { calls, fetch } = counting([new AdoHttpError(500, 'boom'), v1]);
    const states = new TypeStates(fetch);
    await expect(states.statusOf('Web', 'Story', 'New')).rejects.toThrow('boom');
    expect(await states.statusOf('Web', 'Story', 'New')).toBe('todo');
    expect(calls).toHaveLength(2);

    const gone = new TypeStates(counting([new AdoHttpError(404, 'no such type')]).fetch);
    expect(await gone.statusOf('Web', 'Saga', 'Done')).toBe('todo');
  });

  it('counts an item without type or state as todo without asking', async () => {
    const { calls, fetch } = counting([v1]);
    const states = new TypeStates(fetch);
    expect(await states.statusOf('Web', undefined, 'Done')).toBe('todo');
    expect(await states.statusOf('Web', 'Story', undefined)).toBe('todo');
    expect(calls).toEqual([]);
  });
});
