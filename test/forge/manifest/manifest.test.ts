// Issue 4, packaging: "the manifest validates offline with validate() from @forge/manifest and
// the client-side linters of @forge/lint (not PermissionLinter), as part of the test command".
// The repository's own manifest must pass with no error and no warning (after building the
// Custom UI resources it names), every broken copy must fail, and the manifest must keep the
// project's policy: least-privilege scopes, no unsafe-inline, nodejs22.x, the storage entities
// the Forge store was tested with, and the JQL-searchable issue property the triggers write.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PROPERTY_KEY } from '../../../src/forge/triggers/issue-property';
import { ISSUE_EVENTS } from '../../../src/forge/triggers/issue-events';
import { copyApp, RESOURCE_DIRS, ROOT, type AppCopy } from './app-copy';
// The same build (and lock) as the Custom UI tests: one place decides when the builds are stale.
import { ensureForgeBuilt } from '../../browser/helpers/build-forge';
import { checkManifest } from './check-manifest';

interface Module {
  key: string;
  resource?: string;
  resolver?: { function: string };
  function?: string;
  handler?: string;
  events?: string[];
  interval?: string;
  propertyKey?: string;
  values?: { path: string; type: string; searchAlias?: string }[];
  timeoutSeconds?: number;
}

const manifestText = () => readFileSync(join(ROOT, 'manifest.yml'), 'utf8');
const manifest = () =>
  parse(manifestText()) as {
    app: { runtime: { name: string }; storage: unknown };
    modules: Record<string, Module[]>;
    resources: { key: string; path: string }[];
    permissions: { scopes: Record<string, { allowImpersonation?: boolean }>; content?: unknown };
  };

beforeAll(() => ensureForgeBuilt(), 600_000);

describe('manifest.yml', () => {
  test('passes validate() and the client-side linters with no error and no warning', async () => {
    const result = await checkManifest(ROOT);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  }, 300_000); // the linters type-check the Forge sources: minutes on a loaded 2-core machine

  test('asks only for the scopes Harmony uses, runs on nodejs22.x and allows no inline script or style', () => {
    const m = manifest();
    expect(m.app.runtime.name).toBe('nodejs22.x');
    expect(Object.keys(m.permissions.scopes).sort()).toEqual(['read:jira-user', 'read:jira-work', 'storage:app', 'write:jira-work']);
    // Offline impersonation only where the scheduled measure reads (SPEC §8), never for writes.
    const impersonating = Object.entries(m.permissions.scopes).filter(([, options]) => options.allowImpersonation === true).map(([scope]) => scope);
    expect(impersonating).toEqual(['read:jira-work']);
    expect(m.permissions.content).toBeUndefined();
    const values = (v: unknown): string[] =>
      typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(values) : v && typeof v === 'object' ? Object.values(v).flatMap(values) : [];
    expect(values(m).filter((v) => /unsafe-inline|unsafe-eval/.test(v))).toEqual([]);
  });

  test('names every surface, each a Custom UI resource served by the one resolver function', () => {
    const m = manifest();
    const byResource = new Map(m.resources.map((r) => [r.key, r.path]));
    expect([...byResource.values()].sort()).toEqual([...RESOURCE_DIRS].sort());
    for (const type of ['jira:issuePanel', 'jira:globalPage', 'jira:projectPage', 'jira:dashboardGadget', 'jira:adminPage']) {
      const modules = m.modules[type] ?? [];
      expect(modules.length, type).toBeGreaterThan(0);
      for (const module of modules) {
        expect(byResource.has(module.resource ?? ''), `${module.key} resource`).toBe(true);
        expect(module.resolver?.function, `${module.key} resolver`).toBe('resolver');
      }
    }
    const handlers = new Map((m.modules.function ?? []).map((f) => [f.key, f.handler]));
    expect(handlers.get('resolver')).toBe('forge/index.resolver');
  });

  test('subscribes to issue created, updated and deleted, reconciles daily and drains hourly', () => {
    const m = manifest();
    const [trigger] = m.modules.trigger ?? [];
    expect([...(trigger?.events ?? [])].sort()).toEqual([...ISSUE_EVENTS].sort());
    const intervals = (m.modules.scheduledTrigger ?? []).map((t) => `${t.function}:${t.interval}`).sort();
    // measure: the hourly measured values pass (SPEC §8), each measure as its owner; digest: the weekly digest.
    expect(intervals).toEqual(['digest:week', 'drain:hour', 'measure:hour', 'reconcile:day']);
    const timeouts = new Map((m.modules.function ?? []).map((f) => [f.key, f.timeoutSeconds]));
    expect(timeouts.get('reconcile')).toBe(900);
    expect(timeouts.get('measure')).toBe(900);
    // Product events and resolvers are held to 25 s; only scheduled functions may run longer.
    expect(timeouts.get('issue-events')).toBeUndefined();
  });

  test('indexes the harmony-okr issue property the triggers write, so JQL finds contributing issues', () => {
    const [property] = manifest().modules['jira:entityProperty'] ?? [];
    expect(property?.propertyKey).toBe(PROPERTY_KEY);
    expect(property?.values).toEqual([{ path: 'keyResults', type: 'string', searchAlias: 'okrKeyResult' }]);
  });

  test('declares exactly the custom entities the Forge store was tested with (docs/forge-entities.yml)', () => {
    const tested = (parse(readFileSync(join(ROOT, 'docs', 'forge-entities.yml'), 'utf8')) as { storage: unknown }).storage;
    expect(manifest().app.storage).toEqual(tested);
  });
});

describe('the check fails on a broken app', () => {
  let copy: AppCopy | undefined;
  afterEach(() => copy?.remove());

  const broken = async (change: (app: AppCopy) => void) => {
    copy = copyApp();
    change(copy);
    const result = await checkManifest(copy.dir);
    return [...result.errors, ...result.warnings].join('\n');
  };

  test('a module type that does not exist', async () => {
    const problems = await broken((app) => {
      const m = app.manifest() as { modules: Record<string, unknown> };
      m.modules['jira:issuePanle'] = m.modules['jira:issuePanel'];
      delete m.modules['jira:issuePanel'];
      app.writeManifest(m);
    });
    expect(problems).toMatch(/jira:issuePanle/);
  }, 300_000); // the linters type-check the Forge sources: minutes on a loaded 2-core machine

  test('a scope with a typo', async () => {
    const problems = await broken((app) => app.edit('manifest.yml', (t) => t.replace('read:jira-work:', 'read:jira-wrok:')));
    expect(problems).toMatch(/read:jira-wrok/);
  }, 300_000); // the linters type-check the Forge sources: minutes on a loaded 2-core machine

  test('a runtime Forge does not offer', async () => {
    const problems = await broken((app) => app.edit('manifest.yml', (t) => t.replace('name: nodejs22.x', 'name: nodejs18.x')));
    expect(problems).toMatch(/runtime|nodejs18/i);
  }, 300_000); // the linters type-check the Forge sources: minutes on a loaded 2-core machine

  test('a resource whose build is missing', async () => {
    const problems = await broken((app) => app.edit('manifest.yml', (t) => t.replace('path: static/forge-kpis/build', 'path: static/forge-kpi/build')));
    expect(problems).toMatch(/static\/forge-kpi\/build/);
  }, 300_000); // the linters type-check the Forge sources: minutes on a loaded 2-core machine

  test('a handler the function file does not export', async () => {
    const problems = await broken((app) => app.edit('src/forge/index.ts', (t) => t.replace('export const drain =', 'export const drainAll =')));
    expect(problems).toMatch(/"drain"/);
  }, 300_000); // the linters type-check the Forge sources: minutes on a loaded 2-core machine

  test('a trigger naming a function that is not declared', async () => {
    const problems = await broken((app) => app.edit('manifest.yml', (t) => t.replace('function: issue-events\n', 'function: issue-event\n')));
    expect(problems).toMatch(/issue-event/);
  }, 300_000); // the linters type-check the Forge sources: minutes on a loaded 2-core machine
});
