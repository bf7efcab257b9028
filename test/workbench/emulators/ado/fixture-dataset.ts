// Test organizations for the Azure DevOps emulator and the adapter tests: a small hand-written one
// covering every state category, estimate field and visibility rule, and a generator for large
// hierarchies (paging and request counts).
import type { AdoDataset, DatasetType, DatasetWorkItem } from '../../../../src/workbench/emulators/ado/dataset';

const agileStory: DatasetType = {
  name: 'User Story',
  states: [
    { name: 'New', category: 'Proposed', color: 'b2b2b2' },
    { name: 'Active', category: 'InProgress', color: '007acc' },
    // A custom state: only its category says what it means.
    { name: 'Blocked on vendor', category: 'InProgress', color: 'cc293d' },
    { name: 'Resolved', category: 'Resolved', color: 'ff9d00' },
    { name: 'Closed', category: 'Completed', color: '339933' },
    { name: 'Removed', category: 'Removed', color: 'ffffff' },
  ],
};

const scrumPbi: DatasetType = {
  name: 'Product Backlog Item',
  states: [
    { name: 'New', category: 'Proposed', color: 'b2b2b2' },
    { name: 'Approved', category: 'Proposed', color: 'b2b2b2' },
    { name: 'Committed', category: 'InProgress', color: '007acc' },
    { name: 'Done', category: 'Completed', color: '339933' },
    { name: 'Removed', category: 'Removed', color: 'ffffff' },
  ],
};

const simple = (name: string): DatasetType => ({
  name,
  states: [
    { name: 'New', category: 'Proposed', color: 'b2b2b2' },
    { name: 'Active', category: 'InProgress', color: '007acc' },
    { name: 'Closed', category: 'Completed', color: '339933' },
    { name: 'Removed', category: 'Removed', color: 'ffffff' },
  ],
});

/**
 * Fabrikam: projects Web and Mobile. ana sees Web whole plus Mobile\Shared; ben sees only
 * Web\Payments; cleo sees nothing.
 */
export function fabrikam(): AdoDataset {
  return {
    org: 'fabrikam',
    projects: ['Web', 'Mobile'],
    users: [
      { name: 'ana', pat: 'ana-token', projects: ['Web'], areaPaths: ['Mobile\\Shared'] },
      { name: 'ben', pat: 'ben-token', areaPaths: ['Web\\Payments'] },
      { name: 'cleo', pat: 'cleo-token' },
    ],
    types: [simple('Epic'), simple('Feature'), agileStory, scrumPbi, simple('Task')],
    workItems: [
      { id: 1, type: 'Epic', title: 'Checkout revamp', state: 'Active', areaPath: 'Web' },
      { id: 2, type: 'Feature', title: 'Card payments', state: 'Active', parentId: 1, areaPath: 'Web\\Payments' },
      { id: 3, type: 'User Story', title: 'Proposed story', state: 'New', parentId: 2, storyPoints: 3, effort: 9, size: 9, areaPath: 'Web\\Payments' },
      { id: 4, type: 'User Story', title: 'In progress story', state: 'Active', parentId: 2, effort: 5, size: 8, areaPath: 'Web\\Payments' },
      { id: 5, type: 'User Story', title: 'Custom state story', state: 'Blocked on vendor', parentId: 2, size: 13, areaPath: 'Web\\Payments' },
      { id: 6, type: 'User Story', title: 'Resolved story', state: 'Resolved', parentId: 2, areaPath: 'Web\\Payments' },
      { id: 7, type: 'User Story', title: 'Completed story', state: 'Closed', parentId: 2, storyPoints: 0, effort: 4, areaPath: 'Web\\Payments' },
      { id: 8, type: 'User Story', title: 'Removed story', state: 'Removed', parentId: 2, storyPoints: 2, areaPath: 'Web\\Payments' },
      { id: 9, type: 'Task', title: 'Wire the card form', state: 'Active', parentId: 4, areaPath: 'Web\\Payments' },
      { id: 10, type: 'Feature', title: "Gift cards ('vouchers')", state: 'New', parentId: 1, areaPath: 'Web\\Gifts' },
      { id: 11, type: 'Product Backlog Item', title: 'Approved item', state: 'Approved', parentId: 10, effort: 8, areaPath: 'Web\\Gifts' },
      { id: 12, type: 'Product Backlog Item', title: 'Committed item', state: 'Committed', parentId: 10, areaPath: 'Web\\Gifts' },
      { id: 13, type: 'Product Backlog Item', title: 'Done item', state: 'Done', parentId: 10, effort: 3, areaPath: 'Web\\Gifts' },
      { id: 20, type: 'Epic', title: 'Mobile app', state: 'New', areaPath: 'Mobile' },
      { id: 21, type: 'Feature', title: 'Shared login', state: 'Active', parentId: 20, areaPath: 'Mobile\\Shared' },
      { id: 22, type: 'User Story', title: 'Secret story', state: 'Active', parentId: 21, areaPath: 'Mobile\\Secret' },
      { id: 23, type: 'User Story', title: 'Shared story', state: 'Closed', parentId: 21, storyPoints: 5, areaPath: 'Mobile\\Shared' },
      { id: 24, type: 'Task', title: 'Task under a secret story', state: 'New', parentId: 22, areaPath: 'Mobile\\Shared' },
    ],
  };
}

export interface TreeShape {
  /** Items per level, top first: [10, 90, 900] is 10 epics, 90 features, 900 stories. */
  levels: number[];
  firstId?: number;
  project?: string;
}

/** A generated hierarchy: each level's items spread evenly over the level above. */
export function generatedTree(shape: TreeShape): { dataset: AdoDataset; roots: number[]; all: number[] } {
  const project = shape.project ?? 'Big';
  const types = ['Epic', 'Feature', 'User Story', 'Task'];
  const states = ['New', 'Active', 'Closed'];
  const items: DatasetWorkItem[] = [];
  let next = shape.firstId ?? 1000;
  let above: number[] = [];
  const roots: number[] = [];
  shape.levels.forEach((count, depth) => {
    const level: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = next++;
      const item: DatasetWorkItem = {
        id,
        type: types[Math.min(depth, types.length - 1)] as string,
        title: `Item ${id} at level ${depth + 1}`,
        state: states[id % states.length] as string,
        areaPath: project,
      };
      if (depth > 0) item.parentId = above[Math.floor((i * above.length) / count)];
      if (id % 2 === 0) item.storyPoints = (id % 5) + 1;
      items.push(item);
      level.push(id);
    }
    if (depth === 0) roots.push(...level);
    above = level;
  });
  return {
    dataset: {
      org: 'contoso',
      projects: [project],
      users: [{ name: 'dev', pat: 'dev-token', projects: [project] }],
      types: types.map(simple),
      workItems: items,
    },
    roots,
    all: items.map((i) => i.id),
  };
}
