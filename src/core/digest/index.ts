export { buildDigest, hasNews, type Digest, type DigestGroup, type DigestKeyResult, type DigestKpi, type DigestOptions } from './digest';
export { slackMessage, digestTitle, SLACK_LIMITS, type SlackMessage, type SlackBlock } from './slack';
export { teamsMessage, TEAMS_LIMITS, type TeamsMessage, type AdaptiveCard } from './teams';
export { slackText, teamsText } from './escape';

export type DigestFormat = 'slack' | 'teams';
