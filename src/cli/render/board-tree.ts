// `okr board`: the alignment tree, team → objectives → key results, with progress. Takes text
// already escaped for the terminal.
import type { Plan, Report, Team } from '../../core';
import { bar, percent, statusColour, type Paint } from './style';
import { scoreText } from '../../core/report/score-text';

const score = (value: number | undefined): string => (value === undefined ? '' : ` score ${scoreText(value)}`);

export function renderBoard(plan: Pick<Plan, 'organization' | 'teams'>, report: Report, paint: Paint, rootTeam?: string): string {
  const children = new Map<string | undefined, Team[]>();
  for (const t of plan.teams) {
    const key = t.parent !== undefined && plan.teams.some((p) => p.id === t.parent) ? t.parent : undefined;
    children.set(key, [...(children.get(key) ?? []), t]);
  }
  const objectivesOf = new Map<string, Report['objectives']>();
  for (const o of report.objectives) objectivesOf.set(o.team, [...(objectivesOf.get(o.team) ?? []), o]);
  const krs = new Map(report.keyResults.map((k) => [k.id, k]));

  const lines: string[] = [paint('bold', `${plan.organization ?? 'OKRs'} — alignment as of ${report.at}`)];
  const roots = rootTeam !== undefined ? plan.teams.filter((t) => t.id === rootTeam) : (children.get(undefined) ?? []);

  const walk = (team: Team, prefix: string, last: boolean, top: boolean) => {
    const branch = top ? '' : last ? '└─ ' : '├─ ';
    lines.push(`${prefix}${branch}${paint('bold', team.name)} ${paint('dim', `(${team.id})`)}`);
    const inner = top ? '' : prefix + (last ? '   ' : '│  ');
    const objectives = objectivesOf.get(team.id) ?? [];
    const subteams = children.get(team.id) ?? [];
    objectives.forEach((o, i) => {
      const lastO = i === objectives.length - 1 && subteams.length === 0;
      const aligns = o.aligns ? paint('dim', ` ↑ ${o.aligns}`) : '';
      lines.push(`${inner}${lastO ? '└─ ' : '├─ '}${o.id} ${o.title}  ${bar(o.progress, 10)} ${percent(o.progress)} ${paint(statusColour(o.status), o.status)}${score(o.score)}${paint('dim', ` ${o.period}`)}${aligns}`);
      const krPrefix = inner + (lastO ? '   ' : '│  ');
      o.keyResults.forEach((id, j) => {
        const kr = krs.get(id);
        if (!kr) return;
        const lastK = j === o.keyResults.length - 1;
        lines.push(`${krPrefix}${lastK ? '└─ ' : '├─ '}${kr.id} ${kr.title}  ${bar(kr.progress, 10)} ${percent(kr.progress)} ${paint(statusColour(kr.status), kr.status)}${score(kr.score)}`);
      });
    });
    subteams.forEach((t, i) => walk(t, inner, i === subteams.length - 1, false));
  };
  roots.forEach((t) => walk(t, '', true, true));
  return `${lines.join('\n')}\n`;
}
