// Lints about linked work (SPEC §3).
import type { Lint } from '../report/types';
import { compareRefs } from '../evaluate/work-item-index';
import type { LintRule } from './context';

export const unknownWorkItem: LintRule = ({ plan, knownRefs }) =>
  plan.objectives.flatMap((o) =>
    o.keyResults.flatMap((kr) =>
      [...new Set(kr.links ?? [])]
        .filter((ref) => !knownRefs.has(ref))
        .sort(compareRefs)
        .map((ref): Lint => ({
          code: 'unknown-work-item',
          severity: 'error',
          subject: ref,
          message: `Key result "${kr.title}" links ${ref}, which does not exist or which you cannot see: fix the link or remove it.`,
        })),
    ),
  );

export const doubleCountedWork: LintRule = ({ effort }) => {
  // Most units belong to one KR: remember the first owner as a plain string and allocate a list
  // only for the few that are shared (this runs over every unit of every KR).
  const firstKr = new Map<string, string>();
  const shared = new Map<string, string[]>();
  for (const kr of effort.values()) {
    for (const unit of kr.explanation.units) {
      const first = firstKr.get(unit.ref);
      if (first === undefined) firstKr.set(unit.ref, kr.id);
      else if (first !== kr.id) shared.set(unit.ref, [...(shared.get(unit.ref) ?? [first]), kr.id]);
    }
  }
  return [...shared].map(([ref, krs]) => ({
    code: 'double-counted-work',
    severity: 'warning',
    subject: ref,
    message: `${ref} counts toward ${krs.length} key results (${krs.join(', ')}): the same work inflates each of them; link it to the one it really serves.`,
  }));
};
