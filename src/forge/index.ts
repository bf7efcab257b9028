// The Forge functions of manifest.yml (`handler: forge/index.<name>`): the Forge store on the
// app's custom entities, Jira through @forge/api, and the time Forge says is left.
import api, { fetch, getAppContext } from '@forge/api';
import { ForgeKvsDocumentStore } from '../stores/forge-kvs-document-store';
import { createHandlers } from './handlers';
import { forgeMeasureSource } from './measure-source';

/** When the runtime cannot say (e.g. an old tunnel), assume the resolver limit: the safe side. */
const FALLBACK_REMAINING_MS = 25_000;

function remaining(): number {
  try {
    return getAppContext().invocationRemainingTimeInMillis();
  } catch {
    return FALLBACK_REMAINING_MS;
  }
}

// @forge/api's fetch reaches only the hosts manifest.yml declares under external.fetch.backend.
const handlers = createHandlers({ store: new ForgeKvsDocumentStore(), api, remaining, measureSource: forgeMeasureSource, fetch });

export const resolver = handlers.resolver;
export const issueEvents = handlers.issueEvents;
export const reconcile = handlers.reconcile;
export const drain = handlers.drain;
export const measure = handlers.measure;
export const digest = handlers.digest;
