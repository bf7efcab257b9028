// Wraps a JiraRequest so every request body the adapter sends and every answer it gets are held
// to Jira's published OpenAPI; a violation fails the call, and so the test that made it.
import type { JiraRequest } from '../../../src/trackers/jira';
import { assertJiraRequest } from '../../contracts/jira-contract';
import { assertJiraAnswer } from '../../workbench/emulators/jira/jira-answer';

export function contractChecked(inner: JiraRequest): JiraRequest {
  return async (path, init) => {
    const { pathname } = new URL(path, 'http://jira.invalid');
    assertJiraRequest(init.method, pathname, init.body === undefined ? undefined : (JSON.parse(init.body) as unknown));
    const response = await inner(path, init);
    const text = await response.text();
    assertJiraAnswer(init.method, pathname, response.status, text === '' ? undefined : (JSON.parse(text) as unknown));
    return {
      status: response.status,
      headers: response.headers,
      text: () => Promise.resolve(text),
      json: () => Promise.resolve(JSON.parse(text) as unknown),
    };
  };
}
