// The contract's queries in JQL and WIQL, over the work item contract's dataset.
import type { ContractQueries } from './measure-source.contract';

export const JQL_QUERIES: ContractQueries = {
  tasks: 'type = Task',
  openTasks: 'type = Task AND statusCategory != Done ORDER BY key',
  epics: 'issuetype = Epic',
  nothing: 'type = Task AND summary ~ "nonexistent"',
  refused: { query: 'project = NOPE', says: /The value 'NOPE' does not exist for the field 'project'/ },
};

const WIQL = 'SELECT [System.Id] FROM WorkItems WHERE';

export const WIQL_QUERIES: ContractQueries = {
  tasks: `${WIQL} [System.WorkItemType] = 'Task'`,
  openTasks: `${WIQL} [System.WorkItemType] = 'Task' AND [System.State] IN ('To Do', 'Doing') ORDER BY [System.Id]`,
  epics: `${WIQL} [System.WorkItemType] = 'Epic'`,
  nothing: `${WIQL} [System.Title] CONTAINS 'nonexistent'`,
  refused: { query: `${WIQL} [Custom.Nope] = 1`, says: /TF51005/ },
};
