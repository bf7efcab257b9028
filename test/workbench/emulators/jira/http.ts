// Raw HTTP against the Jira emulator for its own tests. Every answer to a path the published
// contract describes is validated against it before the test sees it.
import { assertJiraRequest, jiraContract } from '../../../contracts/jira-contract';
import { assertJiraAnswer } from './jira-answer';

export interface Credentials {
  email: string;
  apiToken: string;
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = unknown>(
  base: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { user?: Credentials; body?: unknown; rawBody?: string; checkRequest?: boolean } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.user) {
    headers.Authorization = `Basic ${Buffer.from(`${options.user.email}:${options.user.apiToken}`).toString('base64')}`;
  }
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const { pathname } = new URL(path, base);
  if (options.checkRequest !== false && options.body !== undefined) assertJiraRequest(method, pathname, options.body);
  const response = await fetch(base + path, { method, headers, body: payload });
  const text = await response.text();
  const body = (text === '' ? undefined : JSON.parse(text)) as T;
  if (jiraContract().operation(method, pathname)) assertJiraAnswer(method, pathname, response.status, body);
  return { status: response.status, headers: response.headers, body };
}
