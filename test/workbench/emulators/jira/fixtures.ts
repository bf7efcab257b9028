// Datasets for the Jira emulator and adapter tests: a small site covering every status and
// resolution case and three permission shapes, and a generated epic of any size.
import type { EmulatedIssue, JiraDataset } from '../../../../src/workbench/emulators/jira';

/** alice browses CS, OPS and SECRET; bob browses CS only. */
export const ALICE = { email: 'alice@rain.town', apiToken: 'alice-token' };
export const BOB = { email: 'bob@rain.town', apiToken: 'bob-token' };

export function siteDataset(): JiraDataset {
  return {
    projects: [
      { key: 'CS', name: 'Customer Success' },
      { key: 'OPS', name: 'Operations' },
      { key: 'SECRET', name: 'Secret Plans' },
    ],
    users: [
      { accountId: '5b10a2844c20165700ede21a', displayName: 'Alice Admin', ...ALICE, projects: ['CS', 'OPS', 'SECRET'] },
      { accountId: '5b10a2844c20165700ede21b', displayName: 'Bob Builder', ...BOB, projects: ['CS'] },
    ],
    issues: [
      { key: 'CS-1', summary: 'CRM rollout', issuetype: 'Epic', statusCategory: 'indeterminate' },
      { key: 'CS-2', summary: 'Pick a CRM vendor', issuetype: 'Story', statusCategory: 'done', resolution: 'Done', parent: 'CS-1', storyPoints: 3 },
      { key: 'CS-3', summary: 'Migrate customer contacts', issuetype: 'Story', statusCategory: 'indeterminate', parent: 'CS-1', storyPoints: 5 },
      { key: 'CS-4', summary: 'Export old contacts', issuetype: 'Sub-task', statusCategory: 'done', resolution: 'Done', parent: 'CS-3' },
      { key: 'CS-5', summary: 'Import contacts into the new CRM', issuetype: 'Sub-task', statusCategory: 'new', parent: 'CS-3', storyPoints: null },
      { key: 'CS-6', summary: 'Train support staff', issuetype: 'Story', statusCategory: 'done', resolution: "Won't Do", parent: 'CS-1', storyPoints: 2 },
      { key: 'CS-7', summary: 'Training, second ticket', issuetype: 'Story', statusCategory: 'done', resolution: 'Duplicate', parent: 'CS-1' },
      { key: 'CS-8', summary: 'Sync fails at midnight', issuetype: 'Bug', statusCategory: 'done', resolution: 'Cannot Reproduce', parent: 'CS-1' },
      { key: 'CS-9', summary: 'Custom CRM theme', issuetype: 'Story', statusCategory: 'done', resolution: 'Declined', parent: 'CS-1' },
      { key: 'CS-10', summary: 'Set up outreach automation', issuetype: 'Task', statusCategory: 'done', statusName: 'Closed', resolution: 'Fixed', parent: 'CS-1', storyPoints: 8 },
      { key: 'CS-11', summary: 'Outreach templates', issuetype: 'Story', statusCategory: 'indeterminate', statusName: 'In Review', parent: 'CS-1', storyPoints: 1.5 },
      // A resolution only cancels a done issue (SPEC §6); this one is still being worked on.
      { key: 'CS-12', summary: 'Retire the old CRM', issuetype: 'Story', statusCategory: 'indeterminate', resolution: "Won't Do", parent: 'CS-1' },
      { key: 'CS-13', summary: 'Uncategorised legacy status', issuetype: 'Task', statusCategory: 'undefined', statusName: 'Legacy', parent: 'CS-1' },
      { key: 'CS-14', summary: 'Write the "quoted" back\\slash guide', issuetype: 'Task', statusCategory: 'new' },
      { key: 'CS-15', summary: 'Hire a CRM consultant', issuetype: 'Story', statusCategory: 'new', parent: 'SECRET-2' },
      { key: 'OPS-1', summary: 'Reliable deploys', issuetype: 'Epic', statusCategory: 'new' },
      { key: 'OPS-2', summary: 'Automate CRM backups', issuetype: 'Story', statusCategory: 'new', parent: 'OPS-1' },
      { key: 'SECRET-1', summary: 'Secret CRM pricing deal', issuetype: 'Story', statusCategory: 'new', parent: 'CS-1' },
      { key: 'SECRET-2', summary: 'Secret acquisition of a CRM vendor', issuetype: 'Epic', statusCategory: 'indeterminate' },
    ],
    extraFields: [
      { id: 'customfield_10026', name: 'Story Points', type: 'number' },
      { id: 'customfield_10099', name: 'story points', type: 'string' },
    ],
  };
}

/** An epic `EPIC-1` with `stories` stories of `subtasks` sub-tasks each. */
export function epicDataset(stories: number, subtasks: number): JiraDataset {
  const issues: EmulatedIssue[] = [{ key: 'BIG-1', summary: 'The big epic', issuetype: 'Epic', statusCategory: 'indeterminate' }];
  let n = 2;
  for (let s = 0; s < stories; s++) {
    const story = `BIG-${n++}`;
    issues.push({ key: story, summary: `Story ${s + 1}`, issuetype: 'Story', statusCategory: 'indeterminate', parent: 'BIG-1', storyPoints: (s % 5) + 1 });
    for (let t = 0; t < subtasks; t++) {
      const done = t % 3 === 0;
      issues.push({
        key: `BIG-${n++}`,
        summary: `Sub-task ${t + 1} of story ${s + 1}`,
        issuetype: 'Sub-task',
        statusCategory: done ? 'done' : 'new',
        resolution: done ? 'Done' : null,
        parent: story,
      });
    }
  }
  return {
    projects: [{ key: 'BIG', name: 'Big programme' }],
    users: [{ accountId: '5b10a2844c20165700ede21c', displayName: 'Carol', email: 'carol@rain.town', apiToken: 'carol-token', projects: ['BIG'] }],
    issues,
  };
}
