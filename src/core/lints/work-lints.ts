// Lints about linked work (SPEC §3).
import type { Lint } from '../report/types';
import type { LintRule } from './context';

export const unknownWorkItem: LintRule = ({ plan, knownRefs }) =>
  plan.objectives.flatMap((o) =>
    o.keyResults.flatMap((kr) =>
      [...new Set(kr.links ?? [])]
        .filter((ref) => !knownRefs.has(ref))
        .map((ref): Lint => ({
          code: 'unknown-work-item',
          severity: 'error',
          subject: ref,
          message: `Key result "${kr.title}" links ${ref}, which does not exist or which you cannot see: fix the link or remove it.`,
        })),
    ),
  );

export const doubleCountedWork: LintRule = ({ effort }) => {
  const krsOfUnit = new Map<string, string[]>();
  for (const kr of effort.values()) {
    for (const unit of kr.explanation.units) {
      const list = krsOfUnit.get(unit.ref);
      if (list) list.push(kr.id);
      else krsOfUnit.set(unit.ref, [kr.id]);
    }
  }
  return [...krsOfUnit]
    .filter(([, krs]) => krs.length > 1)
    .map(([ref, krs]) => ({
      code: 'double-counted-work',
      severity: 'warning',
      subject: ref,
      message: `${ref} counts toward ${krs.length} key results (${krs.join(', ')}): the same work inflates each of them; link it to the one it really serves.`,
    }));
};
