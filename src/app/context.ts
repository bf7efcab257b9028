// What every use case runs against: the two ports and a clock. Hosts build it once per viewer
// (the work item source reads as the viewing user).
import type { IsoDate } from '../core/model/dates';
import type { DocumentStore } from '../core/ports/document-store';
import type { WorkItemSource } from '../core/ports/work-item-source';
import type { ListTrackerFields } from './tracker-settings';

export interface AppDeps {
  store: DocumentStore;
  source: WorkItemSource;
  /** Today as a UTC calendar day; injected so tests and demos can pin the date. */
  today?: () => IsoDate;
  /** The tracker's field list (Jira: GET /rest/api/3/field), for the admin's settings; none elsewhere. */
  fields?: ListTrackerFields;
}

export interface AppContext {
  store: DocumentStore;
  source: WorkItemSource;
  today: () => IsoDate;
  fields?: ListTrackerFields;
}
