// `okr evaluate` without --json: the report as a readable table with progress bars.
import type { KeyResultReport, Lint, Plan, Report } from '../../core';
import { bar, fit, formatNumber, percent, severityColour, statusColour, type Paint } from './style';

export function renderReport(plan: Plan, report: Report, paint: Paint): string {
  const lines: string[] = [];
  const teams = new Map(plan.teams.map((t) => [t.id, t.name]));
  const krs = new Map(report.keyResults.map((k) => [k.id, k]));
  lines.push(paint('bold', `${plan.organization ?? 'OKRs'} — as of ${report.at}`), '');

  for (const o of report.objectives) {
    lines.push(`${paint('bold', o.id)}  ${o.title}  ${paint('dim', `${teams.get(o.team) ?? o.team} · ${o.period}${o.owner ? ` · ${o.owner}` : ''}`)}`);
    lines.push(`  ${bar(o.progress)} ${percent(o.progress)}  ${paint(statusColour(o.status), o.status.padEnd(11))} ${paint('dim', `expected ${percent(o.expected).trim()}`)}`);
    const idWidth = Math.max(...o.keyResults.map((id) => id.length), 2);
    for (const id of o.keyResults) {
      const kr = krs.get(id);
      if (kr) lines.push(krLine(kr, idWidth, paint));
    }
    if (o.keyResults.length === 0) lines.push(paint('dim', '    (no key results)'));
    lines.push('');
  }

  if (report.kpis.length) {
    lines.push(paint('bold', 'KPIs'));
    const idWidth = Math.max(...report.kpis.map((k) => k.id.length));
    for (const k of report.kpis) {
      const value = k.value === undefined ? '—' : `${formatNumber(k.value)}${k.unit ? ` ${k.unit}` : ''}`;
      const goal = [k.target !== undefined && `target ${formatNumber(k.target)}`, k.threshold !== undefined && `threshold ${formatNumber(k.threshold)}`].filter(Boolean).join(', ');
      const from = k.source === 'kr' ? paint('dim', ' (key result)') : '';
      lines.push(`  ${fit(k.id, idWidth)}  ${fit(k.title, 36)}  ${fit(value, 20)} ${paint(statusColour(k.health), k.health.padEnd(9))} ${paint('dim', goal)}${from}`);
    }
    lines.push('');
  }

  lines.push(...renderLints(report.lints, paint));
  return `${lines.join('\n')}\n`;
}

function krLine(kr: KeyResultReport, idWidth: number, paint: Paint): string {
  const measure =
    kr.type === 'effort'
      ? `${kr.units.done}/${kr.units.total} units${kr.weighting === 'estimate' ? ' (by estimate)' : ''}`
      : `${formatNumber(kr.current)}${kr.unit ? ` ${kr.unit}` : ''}${kr.start !== undefined && kr.target !== undefined ? ` (${formatNumber(kr.start)} → ${formatNumber(kr.target)})` : ''}`;
  const kpi = kr.kpi ? paint('cyan', ' KPI') : '';
  return `    ${fit(kr.id, idWidth)}  ${fit(kr.title, 44)} ${bar(kr.progress, 10)} ${percent(kr.progress)}  ${paint(statusColour(kr.status), kr.status.padEnd(11))} ${paint('dim', measure)}${kpi}`;
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
