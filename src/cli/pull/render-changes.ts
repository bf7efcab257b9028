// What a pull changes in the plan's work items, for people: one summary line, and with
// --dry-run one line per added (+), changed (~) and removed (-) item.
import type { TrackerSystem, WorkItem } from '../../core';
import type { Merge, WorkItemField } from './merge';

export const TRACKER_NAMES: Record<TrackerSystem, string> = { jira: 'Jira', ado: 'Azure DevOps' };

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export function countChanges(merge: Merge, system: TrackerSystem): ChangeCounts {
  const ofSystem = merge.entries.filter((e) => e.item.ref.startsWith(`${system}:`));
  return {
    added: ofSystem.filter((e) => e.kind === 'added').length,
    changed: ofSystem.filter((e) => e.kind === 'changed').length,
    unchanged: ofSystem.filter((e) => e.kind === 'kept').length,
    removed: merge.removed.length,
  };
}

export function summaryLine(file: string, system: TrackerSystem, counts: ChangeCounts, outcome: 'written' | 'dry-run' | 'up-to-date'): string {
  const tally = `${counts.added} added, ${counts.changed} changed, ${counts.removed} removed, ${counts.unchanged} unchanged`;
  const what = `${TRACKER_NAMES[system]} work items`;
  switch (outcome) {
    case 'written':
      return `${file}: ${what} updated (${tally})`;
    case 'dry-run':
      return `${file}: ${what} would change (${tally}); dry run, nothing written`;
    case 'up-to-date':
      return `${file}: ${what} already up to date (${counts.unchanged} unchanged); nothing written`;
  }
}

export function changeLines(merge: Merge): string[] {
  const lines: string[] = [];
  for (const entry of merge.entries) {
    if (entry.kind === 'added') lines.push(`  + ${entry.item.ref}  ${describe(entry.item)}`);
    if (entry.kind === 'changed') lines.push(`  ~ ${entry.item.ref}  ${entry.fields.map((f) => fieldChange(f, entry.before, entry.item)).join('; ')}`);
  }
  for (const { item } of merge.removed) lines.push(`  - ${item.ref}  ${describe(item)}`);
  return lines;
}

function describe(item: WorkItem): string {
  const parts = [item.type, item.status, item.estimate === undefined ? undefined : `estimate ${item.estimate}`, item.parent && `parent ${item.parent}`];
  const title = item.title === undefined ? '' : `  "${item.title}"`;
  return `${parts.filter((p) => p !== undefined).join(', ')}${title}`;
}

function fieldChange(field: WorkItemField, before: WorkItem, after: WorkItem): string {
  const show = (v: string | number | undefined): string => (v === undefined ? '(none)' : typeof v === 'string' && field === 'title' ? `"${v}"` : String(v));
  return `${field} ${show(before[field])} → ${show(after[field])}`;
}
