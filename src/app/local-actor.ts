// The one user of a single-user host (the workbench, a test, a script over a local store): an
// admin, and so an editor, who may edit every work item the source lets them read. It still goes
// through the same checks as any other actor, so the permission model runs here too.
import type { WorkItemSource } from '../core/ports/work-item-source';
import type { Actor } from './permissions';

export function localActor(name: string, source: WorkItemSource): Actor {
  return {
    id: name,
    ownerIds: [name],
    isAdmin: () => Promise.resolve(true),
    isEditor: () => Promise.resolve(true),
    async mayEditWorkItems(refs) {
      if (refs.length === 0) return new Set();
      return new Set((await source.getItems(refs)).items.map((i) => i.ref));
    },
  };
}
