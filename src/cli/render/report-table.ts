// `okr evaluate` without --json: the report as a readable table with progress bars, fitted to
// `width` columns (titles wrap, never cut). Takes text already escaped for the terminal.
import { assertNever, type KeyResultReport, type Lint, type Plan, type Report } from '../../core';
import { layoutRows, type Row } from './layout';
import { bar, formatNumber, percent, severityColour, statusColour, type Paint } from './style';
import { unitFor } from '../../core/report/unit-text';

export function renderReport(plan: Pick<Plan, 'organization' | 'teams'>, report: Report, paint: Paint, width: number): string {
  const lines: string[] = [];
  const teams = new Map(plan.teams.map((t) => [t.id, t.name]));
  const krs = new Map(report.keyResults.map((k) => [k.id, k]));
  lines.push(paint('bold', `${plan.organization ?? 'OKRs'} — as of ${report.at}`), '');

  for (const o of report.objectives) {
    const about = `${teams.get(o.team) ?? o.team} · ${o.period}${o.owner ? ` · ${o.owner}` : ''}`;
    lines.push(...layoutRows([{ lead: `${paint('bold', o.id)}  `, title: o.title, tail: ` ${paint('dim', about)}` }], width));
    lines.push(`  ${bar(o.progress)} ${percent(o.progress)}  ${paint(statusColour(o.status), o.status.padEnd(11))} ${paint('dim', `expected ${percent(o.expected).trim()}`)}`);
    const idWidth = Math.max(...o.keyResults.map((id) => id.length), 2);
    const rows = o.keyResults.flatMap((id) => {
      const kr = krs.get(id);
      return kr ? [krRow(kr, idWidth, paint)] : [];
    });
    lines.push(...layoutRows(rows, width));
    if (o.keyResults.length === 0) lines.push(paint('dim', '    (no key results)'));
    lines.push('');
  }

  if (report.kpis.length) {
    lines.push(paint('bold', 'KPIs'));
    const idWidth = Math.max(...report.kpis.map((k) => k.id.length));
    const values = report.kpis.map((k) => (k.value === undefined ? '—' : `${formatNumber(k.value)}${k.unit ? ` ${unitFor(k.value, k.unit)}` : ''}`));
    const valueWidth = Math.max(...values.map((v) => [...v].length));
    const rows = report.kpis.map((k, i): Row => {
      const goal = [k.target !== undefined && `target ${formatNumber(k.target)}`, k.threshold !== undefined && `threshold ${formatNumber(k.threshold)}`].filter(Boolean).join(', ');
      const from = k.source === 'kr' ? paint('dim', ' (key result)') : '';
      const value = (values[i] as string).padEnd(valueWidth);
      return { lead: `  ${k.id.padEnd(idWidth)}  `, title: k.title, tail: ` ${value} ${paint(statusColour(k.health), k.health.padEnd(9))} ${paint('dim', goal)}${from}` };
    });
    lines.push(...layoutRows(rows, width));
    lines.push('');
  }

  lines.push(...renderLints(report.lints, paint));
  return `${lines.join('\n')}\n`;
}

function krRow(kr: KeyResultReport, idWidth: number, paint: Paint): Row {
  const measure = krFigures(kr);
  const kpi = kr.kpi ? paint('cyan', ' KPI') : '';
  return {
    lead: `    ${kr.id.padEnd(idWidth)}  `,
    title: kr.title,
    tail: `${bar(kr.progress, 10)} ${percent(kr.progress)}  ${paint(statusColour(kr.status), kr.status.padEnd(11))} ${paint('dim', measure)}${kpi}`,
  };
}

/** What the KR's progress is made of, after the bar: units done, or the number and its range. */
function krFigures(kr: KeyResultReport): string {
  switch (kr.type) {
    case 'effort':
      return `${kr.units.done}/${kr.units.total} units${kr.weighting === 'estimate' ? ' (by estimate)' : ''}`;
    case 'outcome':
      return `${formatNumber(kr.current)}${kr.unit ? ` ${unitFor(kr.current, kr.unit)}` : ''}${kr.start !== undefined && kr.target !== undefined ? ` (${formatNumber(kr.start)} → ${formatNumber(kr.target)})` : ''}`;
    default:
      return assertNever(kr);
  }
}

/** Lints grouped by severity, errors first. */
export function renderLints(lints: readonly Lint[], paint: Paint): string[] {
  if (lints.length === 0) return [paint('green', 'No lints: the plan follows the doctrine.')];
  const lines: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = lints.filter((l) => l.severity === severity);
    if (!group.length) continue;
    const title = { error: 'Errors', warning: 'Warnings', info: 'Info' }[severity];
    lines.push(paint(['bold', severityColour(severity)], `${title} (${group.length})`));
    for (const l of group) lines.push(`  ${paint(severityColour(severity), l.code)} ${paint('dim', `[${l.subject}]`)} ${l.message}`);
  }
  return lines;
}
