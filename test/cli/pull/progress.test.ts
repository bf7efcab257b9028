// Progress of a pull on stderr: a bar redrawn in place on a terminal, one plain line otherwise.
// The last test runs the whole command in-process with a terminal-like stderr against the
// Azure DevOps emulator, since a child process's stderr is never a terminal.
import { describe, expect, it } from 'vitest';
import { runPull } from '../../../src/cli/pull/command';
import { createProgress } from '../../../src/cli/pull/progress';
import { ADO_PAT, ADO_PROJECT, eachTestWithTrackersAndPlan, type ScratchPlan, type Trackers } from './harness';

function sink(isTTY: boolean): { isTTY: boolean; text: string; write(t: string): boolean } {
  return {
    isTTY,
    text: '',
    write(t: string) {
      this.text += t;
      return true;
    },
  };
}

describe('createProgress', () => {
  it('on a terminal: redraws one line, with a bar once the total is known, then clears it for the final line', () => {
    const err = sink(true);
    let now = 0;
    const progress = createProgress(err, 'ado', 'Azure DevOps', () => now);
    progress.update({ requests: 1, items: 3 });
    now += 100;
    progress.update({ requests: 2, total: 10, processed: 5, items: 5 });
    now += 100;
    progress.throttled(2000);
    progress.finish('okr pull ado: 10 work items in 3 requests');
    // The escape sequences are what a terminal needs: erase to the end of the line, erase the line.
    const frames = err.text.split('\r').filter((f) => f !== '').map((f) => f.replace('\u001b[K', '<EL>').replace('\u001b[2K', '<CL>'));
    expect(frames[0]).toMatch(/^. ado {2}3 work items · 1 request<EL>$/);
    expect(frames[1]).toMatch(/^. ado {2}█{10}░{10} 5\/10 work items · 2 requests<EL>$/);
    expect(frames[2]).toMatch(/· throttled, retrying in 2 s<EL>$/);
    expect(frames.at(-1)).toBe('<CL>okr pull ado: 10 work items in 3 requests\n');
  });

  it('redraws at most every 80 ms, so a fast pull does not flood the terminal', () => {
    const err = sink(true);
    const progress = createProgress(err, 'jira', 'Jira', () => 0);
    for (let i = 1; i <= 500; i++) progress.update({ requests: i, items: i });
    progress.finish();
    expect(err.text.split('\r').filter((f) => f !== '' && !f.startsWith('\u001b[2K'))).toHaveLength(1);
  });

  it('piped: nothing but the final line, and a plain line when throttled', () => {
    const err = sink(false);
    const progress = createProgress(err, 'jira', 'Jira', () => 0);
    progress.update({ requests: 3, items: 40 });
    progress.throttled(1500);
    progress.finish('okr pull jira: 40 work items in 3 requests');
    expect(err.text).toBe('okr pull jira: Jira asked to slow down (429); retrying in 2 s\nokr pull jira: 40 work items in 3 requests\n');
  });
});

describe('okr pull ado with stderr on a terminal', () => {
  let trackers: Trackers;
  let plan: ScratchPlan;
  eachTestWithTrackersAndPlan('mixed-plan.yaml', (t, p) => {
    trackers = t;
    plan = p;
  });

  it('shows the bar up to every id read, then the summary', async () => {
    const out = sink(false);
    const err = sink(true);
    const code = await runPull(['ado', plan.path, '--org', trackers.ado.orgUrl, '--project', ADO_PROJECT], {
      stdout: out,
      stderr: err,
      env: { AZURE_DEVOPS_EXT_PAT: ADO_PAT },
    });
    expect(code, err.text).toBe(0);
    // Ids asked for: the links 300, 100 and 200 plus the five descendants.
    expect(err.text).toMatch(/█{20} 8\/8 work items · \d+ requests/);
    expect(err.text).toContain('\r\u001b[2Kokr pull ado: 7 work items in');
    expect(out.text).toContain('Azure DevOps work items updated');
  });
});
