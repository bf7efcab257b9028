// The refs of one tracker that a plan's key results link, each once, in plan order.
import { parseRef, type Plan, type TrackerSystem, type WorkItemRef } from '../../core';

export function linkedRefs(plan: Plan, system: TrackerSystem): WorkItemRef[] {
  const refs = new Set<WorkItemRef>();
  for (const objective of plan.objectives) {
    for (const kr of objective.keyResults) {
      for (const ref of kr.links ?? []) if (parseRef(ref)?.system === system) refs.add(ref);
    }
  }
  return [...refs];
}
