// What `okr close` and `okr rollover` print: what was frozen or carried, with the scores as
// 0.0–1.0 and as a percentage. Takes text already escaped for the terminal.
import type { Period, Report, RolloverPreview } from '../../core';
import { scoreText } from '../../core/report/score-text';
import { formatNumber, percent } from '../render/style';

export function closeSummary(report: Report, period: Period | undefined, file: string): string {
  if (period?.closed === undefined) return '';
  const asOf = period.closed < period.end ? period.closed : period.end;
  const lines = [`Closed period ${period.id} (${period.start} – ${period.end}) on ${period.closed}; numbers frozen as of ${asOf}. Wrote ${file}.`];
  const krs = new Map(report.keyResults.map((k) => [k.id, k]));
  for (const o of report.objectives.filter((x) => x.period === period.id)) {
    lines.push(`  ${o.id}  ${o.title}: score ${scoreText(o.score ?? o.progress)}, progress ${percent(o.progress).trim()}, ${o.status}`);
    for (const id of o.keyResults) {
      const k = krs.get(id);
      if (k === undefined) continue;
      const value = k.type === 'effort' ? `${k.units.done}/${k.units.total} units` : `${formatNumber(k.current)}${k.unit !== undefined ? ` ${k.unit}` : ''}`;
      const graded = k.grade !== undefined ? ' (graded)' : '';
      lines.push(`    ${k.id}  ${k.title}: score ${scoreText(k.score ?? k.progress)}${graded}, progress ${percent(k.progress).trim()} (${value}), ${k.status}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function rolloverSummary(preview: RolloverPreview, from: string, unfinished: boolean, file: string | undefined): string {
  const p = preview.period;
  const krCount = preview.objectives.reduce((n, o) => n + o.keyResults.length, 0);
  const into = `${p.id} (${p.start} – ${p.end}${preview.addsPeriod ? ', added to the plan' : ''})`;
  const why = unfinished ? 'no KPI key result and none unfinished' : `no KPI key result${preview.notCarried.length > 0 ? ' (--unfinished carries the unfinished ones too)' : ''}`;
  const lines = [
    krCount === 0 ? `Nothing carried from ${from} into ${into}: ${why}.` : `Carried ${plural(preview.objectives.length, 'objective')} and ${plural(krCount, 'key result')} from ${from} into ${into}.`,
    file !== undefined ? `Wrote ${file}.` : 'Nothing was written.',
  ];
  for (const o of preview.objectives) {
    lines.push(`  ${o.objective.id} ← ${o.from}  ${o.objective.title}${o.objective.aligns != null ? ` (aligns to ${o.objective.aligns})` : ''}`);
    for (const k of o.keyResults) {
      const kr = k.keyResult;
      const range = kr.type === 'outcome' ? `, from ${kr.start !== undefined ? formatNumber(kr.start) : '?'} to ${kr.target !== undefined ? formatNumber(kr.target) : '?'}${kr.unit !== undefined ? ` ${kr.unit}` : ''}` : '';
      lines.push(`    ${kr.id} ← ${k.from}  ${kr.title}: ${reasonText(k.reason)}, scored ${scoreText(k.score)}${range}`);
    }
  }
  if (krCount > 0 && preview.notCarried.length > 0) lines.push(`  Stayed in ${from}: ${preview.notCarried.map((k) => `${k.id} ${scoreText(k.score)}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function reasonText(reason: RolloverPreview['objectives'][number]['keyResults'][number]['reason']): string {
  switch (reason) {
    case 'kpi':
      return 'KPI';
    case 'unfinished':
      return 'unfinished';
    case 'chosen':
      return 'chosen';
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
