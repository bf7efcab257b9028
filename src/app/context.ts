// What every use case runs against: the two ports and a clock. Hosts build it once per viewer
// (the work item source reads as the viewing user).
import type { IsoDate } from '../core/model/dates';
import type { DocumentStore } from '../core/ports/document-store';
import type { WorkItemSource } from '../core/ports/work-item-source';

export interface AppDeps {
  store: DocumentStore;
  source: WorkItemSource;
  /** Today as a UTC calendar day; injected so tests and demos can pin the date. */
  today?: () => IsoDate;
}

export interface AppContext {
  store: DocumentStore;
  source: WorkItemSource;
  today: () => IsoDate;
}
