// Actors for app tests: the roles of the permission model, as a host would report them.
import { NO_HISTORY, type HistoryRecorder } from '../../src/app/history';
import type { Actor } from '../../src/app/permissions';
import type { WorkItemRef } from '../../src/core/model/work-item';

export interface ActorOptions {
  id?: string;
  ownerIds?: string[];
  admin?: boolean;
  editor?: boolean;
  /** Items this person may edit in the tracker; `'all'`: every one asked about. */
  editable?: readonly WorkItemRef[] | 'all';
}

export interface FakeActor extends Actor {
  /** How many times the host was asked each question (a call asks each at most once). */
  asked: { admin: number; editor: number; items: number };
}

export function fakeActor(options: ActorOptions = {}): FakeActor {
  const editable = options.editable ?? [];
  const asked = { admin: 0, editor: 0, items: 0 };
  return {
    id: options.id ?? 'someone',
    ownerIds: options.ownerIds ?? [options.id ?? 'someone'],
    asked,
    isAdmin: () => {
      asked.admin++;
      return Promise.resolve(options.admin ?? false);
    },
    isEditor: () => {
      asked.editor++;
      return Promise.resolve(options.editor ?? false);
    },
    mayEditWorkItems: (refs) => {
      asked.items++;
      return Promise.resolve(new Set(editable === 'all' ? refs : refs.filter((r) => editable.includes(r))));
    },
  };
}

export const ADMIN = (): FakeActor => fakeActor({ id: 'ada', admin: true, editable: 'all' });
export const EDITOR = (): FakeActor => fakeActor({ id: 'ed', editor: true });
/** Owns KR-HEALTHY (an outcome KR) and KR-SUCCESS-PLANS in the demo plan; not an editor. */
export const OWNER = (): FakeActor => fakeActor({ id: 'jon' });
export const VIEWER = (): FakeActor => fakeActor({ id: 'vic' });
/** A viewer who may edit every work item in the tracker (but holds no Harmony role). */
export const ITEM_EDITOR = (): FakeActor => fakeActor({ id: 'ivy', editable: 'all' });

/** For tests of something else (a store): an admin who may edit every item, and no history. */
export function localApp(): { actor: Actor; history: HistoryRecorder } {
  return { actor: ADMIN(), history: NO_HISTORY };
}
