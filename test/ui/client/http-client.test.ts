// The workbench client against a real HTTP server: it posts the payload as JSON to
// /api/<name> and unwraps the envelope, turning refusals into typed ApiErrors.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, problemsFor } from '../../../src/ui/client/api-error';
import { createHttpClient } from '../../../src/ui/client/http-client';

let server: Server;
let base = '';
const seen: { url?: string; method?: string; type?: string; body: unknown }[] = [];

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void body(req).then((payload) => {
      seen.push({ url: req.url, method: req.method, type: req.headers['content-type'], body: payload });
      const send = (status: number, answer: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(typeof answer === 'string' ? answer : JSON.stringify(answer));
      };
      switch (req.url ?? '') {
        case '/api/searchKeyResults':
          return send(200, { ok: true, data: [{ id: 'KR1', echo: payload }] });
        case '/api/checkIn':
          return send(400, { ok: false, error: { code: 'invalid-input', message: 'invalid input', problems: [{ path: 'value', message: 'expected a number' }] } });
        case '/api/linkWorkItem':
          return send(409, { ok: false, error: { code: 'conflict', message: 'changed by someone else' } });
        default:
          res.writeHead(502, { 'content-type': 'text/html' });
          return res.end('<html>Bad gateway</html>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createHttpClient', () => {
  it('POSTs the payload as JSON to /api/<name> and returns the envelope data', async () => {
    const api = createHttpClient({ baseUrl: base });
    const hits = await api('searchKeyResults', { text: 'churn', limit: 5 });
    expect(hits).toEqual([{ id: 'KR1', echo: { text: 'churn', limit: 5 } }]);
    expect(seen.at(-1)).toMatchObject({ url: '/api/searchKeyResults', method: 'POST', type: 'application/json' });
  });

  it('throws an ApiError carrying code, message and problems from a refusal', async () => {
    const api = createHttpClient({ baseUrl: base });
    const error = await api('checkIn', { kr: 'KR1', value: Number.NaN }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid-input', status: 400, problems: [{ path: 'value', message: 'expected a number' }] });
    expect(problemsFor(error, 'value')).toEqual(['expected a number']);
    expect(problemsFor(error, 'note')).toEqual([]);
  });

  it('reports a conflict as code "conflict"', async () => {
    const api = createHttpClient({ baseUrl: base });
    await expect(api('linkWorkItem', { kr: 'KR3', ref: 'ado:42' })).rejects.toMatchObject({ code: 'conflict', message: 'changed by someone else' });
  });

  it('turns a body that is not an envelope into an internal error naming the status', async () => {
    const api = createHttpClient({ baseUrl: base });
    await expect(api('exportPlan', { format: 'yaml' })).rejects.toMatchObject({ code: 'internal', status: 502, message: expect.stringContaining('HTTP 502') as unknown });
  });

  it('turns an unreachable server into an internal error', async () => {
    const api = createHttpClient({ baseUrl: 'http://127.0.0.1:1' });
    await expect(api('getKpis', {})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('Could not reach') as unknown });
  });
});
