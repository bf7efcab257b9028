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

export const doubleCountedWork: LintRule = ({ effort, knownRefs }) => {
  // Scopes are subtrees of a forest, so two KRs can share a unit only when a link of one is an
  // ancestor-or-self of a link of the other. Walking up from each link finds those KRs cheaply;
  // only their unit lists are compared, instead of indexing every unit of every KR.
  const krsByLink = new Map<string, string[]>();
  for (const kr of effort.values()) for (const ref of kr.links) if (knownRefs.has(ref)) push(krsByLink, ref, kr.id);
  const involved = new Set<string>();
  for (const kr of effort.values()) {
    for (const link of kr.links) {
      const seen = new Set<string>();
      for (let cur: string | undefined = link; cur !== undefined && !seen.has(cur); cur = knownRefs.get(cur)?.parent) {
        seen.add(cur);
        for (const other of krsByLink.get(cur) ?? []) {
          if (other === kr.id) continue;
          involved.add(other);
          involved.add(kr.id);
        }
      }
    }
  }
  const krsOfUnit = new Map<string, string[]>();
  for (const kr of effort.values()) {
    if (involved.has(kr.id)) for (const unit of kr.explanation.units) push(krsOfUnit, unit.ref, kr.id);
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

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
