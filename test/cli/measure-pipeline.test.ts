// docs/azure-pipelines-measure.yml is a ready pipeline: valid YAML, scheduled, running
// `okr measure ado` with a person's PAT (never the build service's token, which may see more
// than the people who read the values), and committing what it recorded before failing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from './built-cli';

interface Step {
  script?: string;
  env?: Record<string, string>;
  condition?: string;
}

describe('docs/azure-pipelines-measure.yml', () => {
  const pipeline = parse(readFileSync(`${root}docs/azure-pipelines-measure.yml`, 'utf8')) as { schedules: { cron: string }[]; steps: Step[]; trigger: unknown };

  it('runs on a schedule only', () => {
    expect(pipeline.trigger).toBe('none');
    expect(pipeline.schedules[0]?.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
  });

  it('measures with a person PAT, commits the values, then fails on a measure that could not be read', () => {
    const scripts = pipeline.steps.map((s) => s.script ?? '');
    const measure = pipeline.steps.findIndex((s) => /npx okr measure ado /.test(s.script ?? ''));
    const commit = scripts.findIndex((s) => s.includes('git commit'));
    const fail = pipeline.steps.findIndex((s) => s.condition?.includes('MEASURE_EXIT'));
    expect(measure).toBeGreaterThanOrEqual(0);
    expect(pipeline.steps[measure]?.env).toEqual({ AZURE_DEVOPS_EXT_PAT: '$(OKR_MEASURE_PAT)' });
    expect(commit).toBeGreaterThan(measure);
    expect(fail).toBeGreaterThan(commit);
    expect(JSON.stringify(pipeline.steps)).not.toContain('System.AccessToken');
  });
});
