// The Jira Cloud tracker adapter: what hosts import.
export { JiraWorkItemSource, BULK_FETCH_LIMIT, SEARCH_PAGE_MAX, MAX_SEARCH_PAGES, MAX_HIERARCHY_DEPTH, type JiraSourceOptions } from './work-item-source';
export { JiraClient, JIRA_RETRY_POLICY, type JiraClientOptions, type JiraRequestEvent, type RetryPolicy } from './client';
export { DEFAULT_CANCELLED_RESOLUTIONS, isCancellingResolution, type JiraMappingConfig } from './config';
export { discoverStoryPointFields, STORY_POINT_FIELD_NAMES, STORY_POINT_TYPE } from './story-points';
export { discoverSiteFields, EPIC_LINK_TYPE, type SiteFields } from './site-fields';
export { JiraUnclassifiedStatusError, type UnclassifiedStatus } from './status-category';
export { JiraRefusedError } from './refused-error';
export { fetchJiraRequest, type JiraCredentials, type FetchJiraOptions } from './fetch-request';
export { JiraError } from './errors';
export type { JiraRequest, JiraRequestInit, JiraResponse, JiraMethod } from './request';
