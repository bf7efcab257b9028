// The review as Markdown (SPEC §11: for a wiki page, Confluence or an email), KPIs before the
// objectives. Everything user-written is escaped: a title must not turn into a link, an HTML
// tag, a heading or a broken table row when the minutes are pasted somewhere that renders them.
import type { KeyResultReport, Status } from '../report/types';
import { unitFor } from '../report/unit-text';
import { scoreText } from '../report/score-text';
import { wholePercent } from '../report/whole-percent';
import type { Review, ReviewKpi, ReviewObjective } from './types';

export function reviewMarkdown(r: Review): string {
  const lines: string[] = [`# OKR review, ${r.at}`];
  const scope = [r.team !== undefined ? `team ${md(r.team)} and the teams below it` : undefined, r.period !== undefined ? `period ${md(r.period)}` : undefined].filter(Boolean);
  if (scope.length > 0) lines.push('', `Covering ${scope.join(', ')}.`);

  lines.push('', '## KPIs', '');
  if (r.kpis.length === 0) lines.push('No KPIs in the plan.');
  else {
    lines.push('| KPI | Value | Target | Threshold | Health | Change |', '|---|---:|---:|---:|---|---:|');
    for (const k of r.kpis) lines.push(`| ${md(k.title)} (${md(k.id)}) | ${measure(k.value, k.unit)} | ${measure(k.target, k.unit)} | ${measure(k.threshold, k.unit)} | ${k.health} | ${change(k)} |`);
  }

  lines.push('', '## Objectives');
  if (r.objectives.length === 0) lines.push('', 'No objectives in the periods under review.');
  for (const o of r.objectives) lines.push('', ...objective(o));

  lines.push('', '## Spotlight', '');
  const krs = new Map(r.objectives.flatMap((o) => o.keyResultReports).map((k) => [k.id, k]));
  if (r.spotlight.keyResults.length === 0 && r.spotlight.kpis.length === 0) lines.push('Nothing needs help right now.');
  r.spotlight.keyResults.forEach((id, i) => {
    const k = krs.get(id);
    if (k) lines.push(`${i + 1}. **${md(k.title)}** (${md(k.id)}): ${percent(k.progress)} done, ${percent(k.expected)} expected, ${words(k.status)}${k.owner !== undefined ? `; owner ${md(k.owner)}` : ''}`);
  });
  const kpis = new Map(r.kpis.map((k) => [k.id, k]));
  for (const id of r.spotlight.kpis) {
    const k = kpis.get(id);
    if (k) lines.push(`- KPI **${md(k.title)}** (${md(k.id)}) is breached at ${measure(k.value, k.unit)} (target ${measure(k.target, k.unit)}) and no key result focuses on it.`);
  }

  lines.push('', '## Lints', '', `${r.lints.error} errors, ${r.lints.warning} warnings, ${r.lints.info} notes.`);
  for (const l of r.lints.errors) lines.push(`- ${md(l.subject)}: ${md(l.message)}`);
  return `${lines.join('\n')}\n`;
}

function objective(o: ReviewObjective): string[] {
  const head = `### ${md(o.title)} (${md(o.id)})`;
  const pace = o.score !== undefined ? `score ${scoreText(o.score)}, closed ${o.closed ?? ''}` : `${percent(o.expected)} expected`;
  const facts = `${percent(o.progress)} done, ${pace}: ${words(o.status)}. Team ${md(o.team)}, period ${md(o.period)}${o.owner !== undefined ? `, owner ${md(o.owner)}` : ''}.`;
  return [head, '', facts, '', ...o.keyResultReports.map(keyResult)];
}

function keyResult(k: KeyResultReport): string {
  const detail = ((): string => {
    switch (k.type) {
      case 'outcome':
        return `${measure(k.current, k.unit)} ${k.closed !== undefined ? 'at the close' : 'now'}, from ${measure(k.start, k.unit)} to ${measure(k.target, k.unit)}`;
      case 'effort':
        return `${k.units.done} of ${k.units.total} work items done`;
    }
  })();
  const closing =
    k.score === undefined ? '' : `; score ${scoreText(k.score)}${k.grade !== undefined ? ', graded' : ''}${k.reflection !== undefined && k.reflection.trim() !== '' ? `. Reflection: ${md(k.reflection)}` : ''}`;
  return `- ${md(k.title)} (${md(k.id)}): ${percent(k.progress)}, ${words(k.status)}; ${detail}${closing}`;
}

function words(status: Status): string {
  switch (status) {
    case 'not-started':
      return 'not started';
    case 'on-track':
      return 'on track';
    case 'at-risk':
      return 'at risk';
    case 'off-track':
      return 'off track';
    case 'done':
      return 'done';
    case 'closed':
      return 'closed';
  }
}

function change(k: ReviewKpi): string {
  if (k.change === undefined) return '';
  const sign = k.change > 0 ? '+' : k.change < 0 ? '−' : '±';
  return `${sign}${measure(Math.abs(k.change), k.unit)}`;
}

function percent(x: number): string {
  return `${wholePercent(x)}%`;
}

function measure(value: number | undefined, unit: string | undefined): string {
  if (value === undefined) return '–';
  return unit === '%' ? `${number(value)}%` : `${number(value)}${unit !== undefined ? ` ${md(unitFor(value, unit))}` : ''}`;
}

function number(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

/**
 * Plain text for Markdown: control characters and line breaks become spaces (a line break would
 * end a table row or a list item), HTML's own characters become entities, and the Markdown
 * punctuation that could start a link, emphasis, code, a heading, a list or a table cell is
 * backslash-escaped so it stays literal (parentheses mean nothing without a bracket before them).
 */
export function md(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_{}[\]#+|~]/g, '\\$&')
  );
}
