// The vendored contracts are whole and self-contained: every path the tests rely on is in the
// trimmed Jira description, every $ref in it resolves inside it, and the ADO files are present.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { JIRA_PATHS } from './jira-paths';
import { JIRA_OPENAPI_FILE } from './jira-contract';
import { contractFile } from './paths';
import { collectSchemaRefs } from './trim-openapi';

const jira = JSON.parse(readFileSync(JIRA_OPENAPI_FILE, 'utf8')) as {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, unknown> };
};

describe('the vendored Jira OpenAPI', () => {
  test('describes every listed path', () => {
    expect(JIRA_PATHS.filter((p) => !(p in jira.paths))).toEqual([]);
  });

  test('resolves every schema reference within itself', () => {
    const names = collectSchemaRefs(jira);
    expect(names.length).toBeGreaterThan(0);
    expect([...new Set(names)].filter((n) => !(n in jira.components.schemas))).toEqual([]);
  });

  test('keeps no schema nothing refers to', () => {
    const reached = new Set(collectSchemaRefs(jira.paths));
    for (const name of reached) for (const next of collectSchemaRefs(jira.components.schemas[name])) reached.add(next);
    expect(Object.keys(jira.components.schemas).filter((n) => !reached.has(n))).toEqual([]);
  });
});

describe('the vendored Azure DevOps contract', () => {
  test('the swagger, its licence and the recorded examples are present', () => {
    expect(readFileSync(contractFile('ado-wit-7.2.swagger.json'), 'utf8')).toMatch(/^\uFEFF?\{/);
    expect(readFileSync(contractFile('ado-wit-7.2-LICENSE.txt'), 'utf8')).toMatch(/MIT License/i);
    expect(readdirSync(contractFile('ado-wit-7.2-examples')).length).toBeGreaterThanOrEqual(6);
  });

  test('a missing contract fails loudly, naming the script that restores it', () => {
    expect(() => contractFile('no-such-contract.json')).toThrow(/no-such-contract\.json is missing .*vendor\.ts/);
  });
});
