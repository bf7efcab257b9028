// importPlan with a YAML alias bomb ("billion laughs"): the app answers invalid-input (a 400 on
// HTTP hosts) and changes nothing, instead of failing as an internal error (issue 8, finding 7).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/core/plan/parse';
import { DEMO, dumpStore, harness } from './harness';

const bomb = readFileSync(new URL('../fixtures/alias-bomb.yaml', import.meta.url), 'utf8');
const aliases = readFileSync(new URL('../fixtures/yaml-aliases.yaml', import.meta.url), 'utf8');

describe('importPlan and YAML aliases', () => {
  it('refuses a billion-laughs file as invalid-input, with a message, storing nothing', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const error = await h.fail('importPlan', { text: bomb, format: 'yaml' });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/aliases \(\*name\) expand to more than 100 copies/);
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('imports a plan that reuses values through a few aliases', async () => {
    // The importer must see what the file links (imports check every link as the importer).
    const h = await harness({ items: [...DEMO.workItems, ...parsePlanText(aliases).workItems] });
    expect(await h.call('importPlan', { text: aliases, format: 'yaml' })).toEqual({ objectives: 2, keyResults: 6, kpis: 0 });
    expect((await h.exported()).objectives[1]).toMatchObject({ team: 'company', period: '2026-Q4', owner: 'maria' });
  });
});
