// The work item snapshot is most of a large plan (100k+ items) and zod copies every object it
// checks, which alone costs more than JSON.parse of the whole file. This predicate accepts exactly
// what `workItem` in schema.ts accepts, without copying; when any item fails it, the caller runs
// zod for the precise, path-by-path messages. A property test keeps the two in agreement.
import { isWorkItemRef, WORK_ITEM_STATUSES, type WorkItem } from '../model/work-item';

const FIELDS = new Set(['ref', 'title', 'type', 'status', 'estimate', 'parent']);
const STATUSES = new Set<string>(WORK_ITEM_STATUSES);

export function isValidWorkItem(value: unknown): value is WorkItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const item = value as Record<string, unknown>;
  for (const key in item) if (!FIELDS.has(key)) return false;
  const { ref, title, type, status, estimate, parent } = item;
  return (
    typeof ref === 'string' &&
    isWorkItemRef(ref) &&
    typeof status === 'string' &&
    STATUSES.has(status) &&
    (title === undefined || typeof title === 'string') &&
    (type === undefined || typeof type === 'string') &&
    (estimate === undefined || (typeof estimate === 'number' && Number.isFinite(estimate) && estimate >= 0)) &&
    (parent === undefined || (typeof parent === 'string' && isWorkItemRef(parent)))
  );
}

export function allValidWorkItems(value: unknown): value is WorkItem[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isValidWorkItem(item)) return false;
  return true;
}
