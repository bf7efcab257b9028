// The Jira Cloud tracker adapter: what hosts import.
export { JiraWorkItemSource, BULK_FETCH_LIMIT, SEARCH_PAGE_MAX, type JiraSourceOptions } from './work-item-source';
export { JiraClient, JIRA_RETRY_POLICY, type JiraClientOptions, type JiraRequestEvent, type RetryPolicy } from './client';
export { DEFAULT_CANCELLED_RESOLUTIONS, type JiraMappingConfig } from './config';
export { discoverStoryPointFields, STORY_POINT_FIELD_NAMES } from './story-points';
export { fetchJiraRequest, type JiraCredentials, type FetchJiraOptions } from './fetch-request';
export { JiraError } from './errors';
export type { JiraRequest, JiraRequestInit, JiraResponse, JiraMethod } from './request';
