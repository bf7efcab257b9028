// `okr review --format json` (SPEC §11): the fields the contract names, plus what a reader of the
// minutes needs to make sense of them (titles, targets, units), and none of the per-unit detail
// the report carries (a review is about numbers, not a list of every work item).
import type { Review } from '../../core';

export function reviewJson(r: Review): unknown {
  return {
    at: r.at,
    ...(r.team !== undefined ? { team: r.team } : {}),
    ...(r.period !== undefined ? { period: r.period } : {}),
    kpis: r.kpis.map((k) => ({
      id: k.id,
      title: k.title,
      source: k.source,
      value: k.value,
      valueAt: k.valueAt,
      unit: k.unit,
      target: k.target,
      threshold: k.threshold,
      health: k.health,
      change: k.change,
    })),
    objectives: r.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      team: o.team,
      period: o.period,
      progress: o.progress,
      expected: o.expected,
      status: o.status,
      score: o.score,
      closed: o.closed,
      keyResults: o.keyResultReports.map((k) => ({ id: k.id, title: k.title, type: k.type, progress: k.progress, status: k.status, owner: k.owner, score: k.score, grade: k.grade, reflection: k.reflection })),
    })),
    spotlight: r.spotlight,
    lints: r.lints,
  };
}
