// One Jira answer held to the published contract. The contract leaves the 400 of the JQL
// operations undescribed, so the general rule checks it as an ErrorCollection, which has no
// `warningMessages`; yet Jira's JQL errors carry that list (`{"errorMessages":[…],
// "warningMessages":[]}`, as Jira Cloud answers). So for those operations only, the list is
// checked to be strings and the rest must be a valid ErrorCollection.
import { assertJiraResponse } from '../../../contracts/jira-contract';

const JQL_OPERATIONS = new Set(['/rest/api/3/search/jql', '/rest/api/3/search/approximate-count']);

export function assertJiraAnswer(method: string, pathname: string, status: number, body: unknown): void {
  if (status === 400 && JQL_OPERATIONS.has(pathname) && body && typeof body === 'object' && 'warningMessages' in body) {
    const { warningMessages, ...rest } = body;
    if (!Array.isArray(warningMessages) || warningMessages.some((w) => typeof w !== 'string')) {
      throw new Error(`400 response of ${method} ${pathname}: warningMessages must be a list of strings`);
    }
    assertJiraResponse(method, pathname, status, rest);
    return;
  }
  assertJiraResponse(method, pathname, status, body);
}
