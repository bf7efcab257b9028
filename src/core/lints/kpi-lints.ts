// The doctrine on KPIs (SPEC §3, seeds 002–004): KPIs are few steady health metrics; only a
// quantifiable KR can double as one; a breached KPI deserves a KR that focuses on it.
import { holdsValues } from '../model/key-result-kind';
import type { Lint } from '../report/types';
import type { LintRule } from './context';

export const effortKrAsKpi: LintRule = ({ plan }) =>
  plan.objectives.flatMap((o) =>
    o.keyResults
      .filter((kr) => !holdsValues(kr.type) && kr.kpi === true)
      .map((kr) => ({
        code: 'effort-kr-as-kpi',
        severity: 'error',
        subject: kr.id,
        message: `Effort key result "${kr.title}" is marked as a KPI, but finishing work is not a health metric: remove \`kpi: true\`, or track the number this work should move as an outcome KR.`,
      })),
  );

export const everyKrAKpi: LintRule = ({ plan }) =>
  plan.objectives
    .filter((o) => o.keyResults.length >= 2 && o.keyResults.every((kr) => kr.kpi === true))
    .map((o) => ({
      code: 'every-kr-a-kpi',
      severity: 'warning',
      subject: o.id,
      message: `Every key result of "${o.title}" is marked as a KPI: KPIs are the few steady health metrics, KRs the change you focus on now; keep \`kpi: true\` only where the number must stay watched after this period.`,
    }));

export const kpiCount: LintRule = ({ plan, kpis }) => {
  const n = kpis.length;
  if (n <= 7) return [];
  return [{ code: 'kpi-count', severity: 'warning', subject: plan.organization ?? 'plan', message: `The plan has ${n} KPIs (${plan.kpis.length} KPIs and ${n - plan.kpis.length} KRs marked as KPIs); keep at most 7 so each one is really watched.` }];
};

export const kpiIncomplete: LintRule = ({ plan }) =>
  plan.kpis.flatMap((k): Lint[] => {
    const missing = [k.target === undefined && 'a target', (k.source === undefined || k.source.trim() === '') && 'a source', k.frequency === undefined && 'a frequency'].filter(Boolean);
    if (!missing.length) return [];
    return [{ code: 'kpi-incomplete', severity: 'warning', subject: k.id, message: `KPI "${k.title}" lacks ${missing.join(', ')}: a health metric needs a target to judge it, a source to read it from and a frequency to check it.` }];
  });

export const kpiBreached: LintRule = ({ kpis }) =>
  kpis
    .filter((k) => k.source === 'kpi' && k.health === 'breached' && k.focusedBy.length === 0)
    .map((k) => ({
      code: 'kpi-breached',
      severity: 'warning',
      subject: k.id,
      message: `KPI "${k.title}" is breached (${String(k.value)}${k.unit ?? ''} against a target of ${String(k.target)}${k.unit ?? ''}) and no key result focuses on it: add an outcome KR with \`kpiRef: ${k.id}\` to bring it back.`,
    }));
