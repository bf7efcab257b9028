// What every use case runs against: the two ports, the history recorder, who is calling and a
// clock. Hosts build it once per viewer (the work item source reads as the viewing user, the
// actor answers for that same user).
import type { IsoDate } from '../core/model/dates';
import type { DocumentStore } from '../core/ports/document-store';
import type { PeopleDirectory } from '../core/ports/people-directory';
import type { WorkItemSource } from '../core/ports/work-item-source';
import type { HistoryRecorder } from './history';
import type { MeasureRunners } from './measure/runner';
import type { Actor } from './permissions';

export interface AppDeps {
  store: DocumentStore;
  source: WorkItemSource;
  /** Who is calling; every call is checked against the role its use case requires. */
  actor: Actor;
  /** Where today's evaluations may become progress history; the host decides. */
  history: HistoryRecorder;
  /** Today as a UTC calendar day; injected so tests and demos can pin the date. */
  today?: () => IsoDate;
  /** Measured values (SPEC §8): tracker queries run as the same person as `source`. */
  measures?: MeasureRunners;
  /** The time now, for the run log and the hourly limit of measure runs; injected for tests. */
  now?: () => Date;
  /** The host's people, for picking owners and showing their names; none: owners are plain ids. */
  people?: PeopleDirectory;
}

export interface AppContext {
  store: DocumentStore;
  source: WorkItemSource;
  actor: Actor;
  history: HistoryRecorder;
  today: () => IsoDate;
  measures: MeasureRunners;
  now: () => Date;
  people: PeopleDirectory;
}
