// The WorkItemSource contract for the fake the app tests use (test/app/fake-work-item-source.ts):
// it claims to behave like the real sources, so it is held to the same contract, as an Azure
// DevOps source and as a Jira one.
import { describe } from 'vitest';
import { FakeWorkItemSource } from '../app/fake-work-item-source';
import { workItemSourceContract } from './work-item-source.contract';
import { adoRef, fakeItems, isHidden, jiraRef } from './work-item-source.dataset';

function fake(ref: (id: number) => string): FakeWorkItemSource {
  const { items, hidden } = fakeItems(ref);
  return new FakeWorkItemSource(items, hidden);
}

describe('WorkItemSource contract: FakeWorkItemSource (as Azure DevOps)', () => {
  workItemSourceContract(() =>
    Promise.resolve({ source: fake(adoRef), ref: adoRef, nativeId: String, foreignRef: 'jira:ACME-1', cleanup: () => Promise.resolve() }),
  );
});

describe('WorkItemSource contract: FakeWorkItemSource (as Jira)', () => {
  workItemSourceContract(() =>
    Promise.resolve({
      source: fake(jiraRef),
      ref: jiraRef,
      nativeId: (id) => `${isHidden(id) ? 'SECRET' : 'ACME'}-${id}`,
      foreignRef: 'ado:1',
      cleanup: () => Promise.resolve(),
    }),
  );
});
