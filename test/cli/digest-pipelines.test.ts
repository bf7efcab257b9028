// The ready-made schedules in docs/digest/ run `okr digest` weekly with the webhook from a secret:
// read as YAML, so a broken file or a changed command line fails here, not in someone's CI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (name: string) => parse(readFileSync(new URL(`../../docs/digest/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const WEEKLY = /^0 \d{1,2} \* \* [0-6]$/;

describe('docs/digest pipelines', () => {
  it('Azure Pipelines: a weekly schedule that maps the secret and runs okr digest', () => {
    const p = read('azure-pipelines.yml') as { trigger: string; schedules: { cron: string; always: boolean }[]; steps: { script?: string; env?: Record<string, string> }[] };
    expect(p.trigger).toBe('none');
    expect(p.schedules[0]?.cron).toMatch(WEEKLY);
    expect(p.schedules[0]?.always).toBe(true);
    const step = p.steps.find((s) => s.script?.startsWith('npx okr digest '));
    expect(step?.env).toEqual({ OKR_DIGEST_WEBHOOK: '$(OKR_DIGEST_WEBHOOK)' });
    expect(step?.script).not.toContain('--webhook');
  });

  it('GitHub Actions: a weekly cron that reads the secret and runs okr digest', () => {
    const w = read('github-actions.yml') as { on: { schedule: { cron: string }[] }; jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[] }> };
    expect(w.on.schedule[0]?.cron).toMatch(WEEKLY);
    const step = Object.values(w.jobs).flatMap((j) => j.steps).find((s) => s.run?.startsWith('npx okr digest '));
    expect(step?.env).toEqual({ OKR_DIGEST_WEBHOOK: '${{ secrets.OKR_DIGEST_WEBHOOK }}' });
  });
});
