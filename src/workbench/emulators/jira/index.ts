// The Jira Cloud REST emulator: what the workbench and tests import.
export { JiraEmulator, type Faults, type LoggedRequest, type PageCaps, type RunningEmulator, type StartOptions } from './emulator';
export type { EmulatedField, EmulatedIssue, EmulatedProject, EmulatedUser, JiraDataset, StatusCategoryKey } from './dataset';
