// How each tracker names the neutral statuses (SPEC §6, read backwards) in the frames.
import type { WorkItemStatus } from '../../../core/model/work-item';

export function jiraStatus(status: WorkItemStatus): string {
  switch (status) {
    case 'todo':
      return 'To Do';
    case 'in-progress':
      return 'In Progress';
    case 'done':
      return 'Done';
    case 'cancelled':
      return "Won't Do";
  }
}

export function adoState(status: WorkItemStatus): string {
  switch (status) {
    case 'todo':
      return 'New';
    case 'in-progress':
      return 'Active';
    case 'done':
      return 'Closed';
    case 'cancelled':
      return 'Removed';
  }
}
