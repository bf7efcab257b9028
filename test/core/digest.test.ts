// The weekly digest (issue 10 §2): who needs to do what, per team and per owner, and the Slack
// and Teams payloads within the limits their docs set, with user text escaped.
import { describe, expect, it } from 'vitest';
import { buildDigest, evaluate, slackMessage, slackText, SLACK_LIMITS, teamsMessage, teamsText, toIsoDate, type Plan } from '../../src/core';
import { buildPlan, kpi, objective, outcomeKr } from './builders';

const AT = toIsoDate('2024-08-15');
const digestOf = (plan: Plan, team?: string) => buildDigest(plan, evaluate(plan, AT), team !== undefined ? { team } : {});

const plan = buildPlan({
  teams: [
    { id: 'company', name: 'Company' },
    { id: 'cs', name: 'Customer Success', parent: 'company' },
    { id: 'sales', name: 'Sales', parent: 'company' },
  ],
  objectives: [
    objective('O1', [
      // Stale (last check-in 20 days ago) and off-track (0.1 against ~0.49 expected).
      outcomeKr('STALE', { owner: 'maria', checkIns: [{ at: '2024-07-26', value: 1 }] }),
      // Fresh and on track.
      outcomeKr('FRESH', { owner: 'jon', checkIns: [{ at: '2024-08-14', value: 5 }] }),
    ], { team: 'cs' }),
    objective('O2', [outcomeKr('NEVER', { owner: 'jon' })], { team: 'sales' }),
    objective('OLD', [outcomeKr('PAST')], { team: 'sales', period: 'TEN' }),
  ],
  kpis: [
    kpi('churn', { owner: 'ana', readings: [{ at: '2024-08-01', value: 9 }] }),
    kpi('nps', { team: 'sales', direction: 'up', target: 50, readings: [{ at: '2024-08-01', value: 10 }] }),
    kpi('ok', { readings: [{ at: '2024-08-01', value: 1 }] }),
  ],
});

describe('buildDigest', () => {
  const digest = digestOf(plan);
  const group = (kind: string, id: string) => digest.groups.find((g) => g.kind === kind && g.id === id);

  it('teams in tree order, then owners by name; only groups with something to say', () => {
    expect(digest.groups.map((g) => `${g.kind}:${g.id}`)).toEqual(['team:company', 'team:cs', 'team:sales', 'owner:ana', 'owner:jon', 'owner:maria']);
  });

  it('a team gets its stale and off-track KRs; a KR of an ended period is left out', () => {
    expect(group('team', 'cs')).toMatchObject({
      name: 'Customer Success',
      needCheckIn: [{ id: 'STALE', owner: 'maria', lastCheckIn: '2024-07-26', days: 20 }],
      offTrack: [{ id: 'STALE' }],
      breachedKpis: [],
    });
    expect(group('team', 'sales')?.needCheckIn.map((k) => [k.id, k.lastCheckIn, k.days])).toEqual([['NEVER', undefined, 45]]);
    expect(JSON.stringify(digest)).not.toContain('PAST');
  });

  it('breached KPIs without a focus go to their team, or to the top team when they have none; healthy ones nowhere', () => {
    expect(group('team', 'company')?.breachedKpis.map((k) => k.id)).toEqual(['churn']);
    expect(group('team', 'sales')?.breachedKpis.map((k) => k.id)).toEqual(['nps']);
    expect(JSON.stringify(digest)).not.toContain('"ok"');
  });

  it('a team message names each owner; an owner message does not repeat their name', () => {
    const text = slackMessage(digest).blocks.map((b) => (b.type === 'section' ? b.text.text : '')).join('\n');
    expect(text).toContain('*Team Customer Success*\n_Need a check-in_\n• KR STALE — last check-in 20 days ago (maria)');
    expect(text).toContain('*maria (owner)*\n_Need a check-in_\n• KR STALE — last check-in 20 days ago\n');
  });

  it('an owner gets what they own, whatever the team', () => {
    expect(group('owner', 'jon')).toMatchObject({ needCheckIn: [{ id: 'NEVER' }], offTrack: [{ id: 'NEVER' }], breachedKpis: [] });
    expect(group('owner', 'ana')?.breachedKpis.map((k) => k.id)).toEqual(['churn']);
  });

  it('--team keeps that team and the teams below it', () => {
    expect(digestOf(plan, 'sales').groups.map((g) => `${g.kind}:${g.id}`)).toEqual(['team:sales', 'owner:jon']);
    expect(digestOf(plan, 'company').groups).toEqual(digest.groups);
  });

  it('a KPI focused by a KR is not reported as unfocused', () => {
    const focused = buildPlan({ objectives: [objective('O', [outcomeKr('F', { kpiRef: 'churn' })])], kpis: [kpi('churn', { readings: [{ at: '2024-08-01', value: 9 }] })] });
    expect(digestOf(focused).groups.flatMap((g) => g.breachedKpis)).toEqual([]);
  });
});

describe('escaping user text', () => {
  it('Slack mrkdwn: no channel mention, no link, no user mention, no formatting', () => {
    const t = slackText('<!channel> @here <https://evil.example|click> & *bold* _it_ <@U123>');
    expect(t).not.toMatch(/[<>]/);
    expect(t).not.toMatch(/@here\b/);
    expect(t).toContain('&amp;');
    expect(t).not.toMatch(/\*bold\*/);
    expect(t).toContain('&lt;!channel&gt;');
  });

  it('Teams Markdown: links and emphasis are escaped', () => {
    expect(teamsText('[x](https://evil.example) **b** # h')).toBe('\\[x\\]\\(https://evil\\.example\\) \\*\\*b\\*\\* \\# h');
  });

  it('a hostile title reaches both payloads only escaped', () => {
    const hostile = buildPlan({ objectives: [objective('O', [outcomeKr('K', { title: '<!channel> [win](https://evil.example)' })])] });
    const d = digestOf(hostile);
    expect(JSON.stringify(slackMessage(d))).not.toContain('<!channel>');
    expect(JSON.stringify(teamsMessage(d))).not.toContain('[win](');
  });
});

describe('Slack Block Kit limits', () => {
  it('a plan with 300 stale KRs in 120 teams stays within 50 blocks and 3000 characters a section, and says what it left out', () => {
    const teams = [{ id: 'company', name: 'Company' }, ...Array.from({ length: 120 }, (_, i) => ({ id: `t${i}`, name: `Team ${i}`, parent: 'company' }))];
    const big = buildPlan({
      teams,
      objectives: Array.from({ length: 120 }, (_, i) =>
        objective(`O${i}`, Array.from({ length: i === 0 ? 60 : 2 }, (_, j) => outcomeKr(`K${i}-${j}`, { title: `Key result ${i}-${j} `.padEnd(120, 'x') })), { team: `t${i}` }),
      ),
    });
    const message = slackMessage(digestOf(big), 'https://example.test/board');
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const b of message.blocks) {
      if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    }
    const contexts = message.blocks.filter((b) => b.type === 'context').map((b) => b.elements[0]?.text);
    expect(contexts).toEqual([expect.stringMatching(/^…and \d+ more team or owner digests: open the board/), '<https://example.test/board|Open the OKR board>']);
    expect(message.text).toBe('Weekly OKR check-in (2024-08-15)');
  });

  it('nothing to say is said once, not as an empty message', () => {
    const quiet = buildPlan({ objectives: [objective('O', [outcomeKr('K', { checkIns: [{ at: '2024-08-14', value: 5 }] })])] });
    expect(slackMessage(digestOf(quiet)).blocks).toEqual([
      expect.objectContaining({ type: 'header' }),
      { type: 'section', text: { type: 'mrkdwn', text: 'Nothing needs attention this week: every key result is up to date and on track.' } },
    ]);
  });
});

describe('Teams Adaptive Card', () => {
  it('a message with one Adaptive Card attachment, every block a wrapping TextBlock', () => {
    const m = teamsMessage(digestOf(plan), 'https://example.test/board');
    expect(m.type).toBe('message');
    expect(m.attachments).toHaveLength(1);
    const [a] = m.attachments;
    expect(a?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(a?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    for (const b of a?.content.body ?? []) expect(b).toMatchObject({ type: 'TextBlock', wrap: true, text: expect.any(String) as unknown });
    expect(a?.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the OKR board', url: 'https://example.test/board' }]);
    expect(JSON.stringify(m).length).toBeLessThan(28_000);
  });
});
