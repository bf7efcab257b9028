// Azure DevOps state categories → the core status categories (SPEC §6). Every process (Agile,
// Scrum, CMMI, Basic, inherited ones) names its states freely but files each under one of these
// five categories, so mapping the category is what makes custom states work.
import type { WorkItemStatus } from '../../core/model/work-item';

const BY_CATEGORY: Record<string, WorkItemStatus> = {
  Proposed: 'todo',
  InProgress: 'in-progress',
  // "Resolved" means fixed but not yet verified: still work in flight, not done.
  Resolved: 'in-progress',
  Completed: 'done',
  Removed: 'cancelled',
};

/** The status for a state category, or undefined for a category this mapping does not know. */
export function statusOfCategory(category: string | undefined): WorkItemStatus | undefined {
  return category === undefined ? undefined : BY_CATEGORY[category];
}
