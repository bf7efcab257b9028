// Where the extension's app reads work items: Azure DevOps live, as the signed-in user, and Jira
// from the plan's stored snapshot (see snapshot-source.ts).
import { RoutingWorkItemSource } from '../../app/routing-source';
import type { DocumentStore } from '../../core/ports/document-store';
import type { WorkItemSource } from '../../core/ports/work-item-source';
import { StoredSnapshotSource } from './snapshot-source';

export function extensionSource(store: DocumentStore, ado?: WorkItemSource): WorkItemSource {
  return new RoutingWorkItemSource({ ...(ado ? { ado } : {}), jira: new StoredSnapshotSource(store, 'jira') });
}
