// Reading Forge's module context: what each surface needs, whatever the host leaves out.
import { describe, expect, it } from 'vitest';
import { forgeContext, gadgetConfig } from '../../../src/forge/ui/forge-context';

describe('forgeContext', () => {
  it('reads the issue of an issue panel, the project, and the colour mode Jira reports', () => {
    const context = forgeContext({
      moduleKey: 'harmony-okr-panel',
      theme: { colorMode: 'dark' },
      extension: { type: 'jira:issuePanel', issue: { key: 'CS-1', id: '10001', type: 'Epic' }, project: { id: '10000', key: 'CS', type: 'software' } },
    });
    expect(context).toEqual({ type: 'jira:issuePanel', issueKey: 'CS-1', projectKey: 'CS', gadget: { show: { kpis: true, objectives: true } }, colorMode: 'dark' });
  });

  it('reads a gadget in its edit view with its saved configuration', () => {
    const context = forgeContext({ extension: { type: 'jira:dashboardGadget', entryPoint: 'edit', gadgetConfiguration: { team: 'cs', show: { kpis: true, objectives: false } } } });
    expect(context.entryPoint).toBe('edit');
    expect(context.gadget).toEqual({ team: 'cs', show: { kpis: true, objectives: false } });
    expect(context.colorMode).toBe('light');
  });

  it('survives a context with nothing useful in it', () => {
    for (const raw of [undefined, null, 'context', { extension: null }, { extension: { issue: { key: 42 } } }]) {
      const context = forgeContext(raw);
      expect(context.issueKey).toBeUndefined();
      expect(context.type).toBe('unknown');
    }
  });
});

describe('gadgetConfig', () => {
  it('shows everything for all teams when the gadget was never configured', () => {
    expect(gadgetConfig(undefined)).toEqual({ show: { kpis: true, objectives: true } });
    expect(gadgetConfig({})).toEqual({ show: { kpis: true, objectives: true } });
  });

  it('ignores malformed values and never hides both parts', () => {
    expect(gadgetConfig({ team: '  ', show: { kpis: 'no', objectives: false } })).toEqual({ show: { kpis: true, objectives: false } });
    expect(gadgetConfig({ team: 'sales', show: { kpis: false, objectives: false } })).toEqual({ team: 'sales', show: { kpis: true, objectives: true } });
  });
});
