// Raw HTTP against the emulator, as any client would send it (basic auth with a PAT, api-version).
import { SwaggerContract } from '../../../contracts/swagger';
import { contractFile } from '../../../contracts/paths';

export const ADO_CONTRACT_FILE = contractFile('ado-wit-7.2.swagger.json');

let contract: SwaggerContract | undefined;
/** Microsoft's Work Item Tracking 7.2 description, loaded once per test file. */
export function adoContract(): SwaggerContract {
  contract ??= SwaggerContract.load(ADO_CONTRACT_FILE);
  return contract;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  apiVersion?: string | null;
  query?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const url = new URL(baseUrl + path);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? 'ana-token' : options.token;
  if (token !== null) headers.Authorization = `Basic ${Buffer.from(`:${token}`).toString('base64')}`;
  const version = options.apiVersion === undefined ? '7.2-preview' : options.apiVersion;
  headers.Accept = version === null ? 'application/json' : `application/json;api-version=${version}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** The keys of every Azure DevOps error body. */
export const ADO_ERROR_KEYS = ['$id', 'errorCode', 'eventId', 'innerException', 'message', 'typeKey', 'typeName'];
