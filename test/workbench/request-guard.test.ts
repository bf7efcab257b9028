// The workbench refuses what a web page on another origin, or behind a rebinding DNS name, could
// send it: checked here over raw HTTP (exact headers, as a browser would send them) against a
// real workbench, with the plan read back after every refused write.
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardView } from '../../src/app/api';
import { allowedHosts, checkRequest, type GuardRequest } from '../../src/workbench/request-guard';
import { startWorkbench, type RunningWorkbench } from '../../src/workbench/server';
import { day } from '../builders';

const EMPTY_PLAN = JSON.stringify({ text: 'okr: 1\nperiods: []\nteams: []\nobjectives: []\n', format: 'yaml' });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(wb: RunningWorkbench, path: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const { port } = new URL(wb.url);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(init.body);
  });
}

describe('request guard (pure)', () => {
  const hosts = allowedHosts('127.0.0.1', 4610);
  const api = (over: Partial<GuardRequest>): GuardRequest => ({
    method: 'POST', host: '127.0.0.1:4610', origin: 'http://127.0.0.1:4610', fetchSite: 'same-origin', contentType: 'application/json', isApi: true, ...over,
  });

  it('names the loopback aliases of a loopback bind, and only the bound name otherwise', () => {
    expect([...hosts].sort()).toEqual(['127.0.0.1:4610', '[::1]:4610', 'localhost:4610']);
    expect([...allowedHosts('::1', 80)].sort()).toEqual(['127.0.0.1:80', '[::1]:80', 'localhost:80']);
    expect([...allowedHosts('192.0.2.7', 4610)]).toEqual(['192.0.2.7:4610']);
  });

  it('lets the workbench\'s own pages call the API (positive control)', () => {
    expect(checkRequest(api({}), hosts)).toEqual({ ok: true });
    expect(checkRequest(api({ host: 'LOCALHOST:4610', origin: 'http://localhost:4610', contentType: 'application/json; charset=utf-8' }), hosts)).toEqual({ ok: true });
    // Node and command-line clients send neither Origin nor fetch metadata.
    expect(checkRequest(api({ origin: undefined, fetchSite: undefined }), hosts)).toEqual({ ok: true });
  });

  it('refuses a foreign Host, a foreign or null Origin, cross-site fetch metadata and non-JSON bodies', () => {
    expect(checkRequest(api({ host: 'rebind.attacker.example:4610' }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ host: undefined }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ host: '127.0.0.1:4611' }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ origin: 'http://evil.example' }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ origin: 'http://127.0.0.1:5173' }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ origin: 'null' }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ origin: 'https://127.0.0.1:4610' }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ origin: undefined, fetchSite: 'cross-site' }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ origin: undefined, fetchSite: 'same-site' }), hosts)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest(api({ contentType: 'text/plain' }), hosts)).toMatchObject({ ok: false, status: 415 });
    expect(checkRequest(api({ contentType: undefined }), hosts)).toMatchObject({ ok: false, status: 415 });
    expect(checkRequest(api({ contentType: 'application/x-www-form-urlencoded' }), hosts)).toMatchObject({ ok: false, status: 415 });
  });

  it('serves pages to links from elsewhere, but not under a foreign Host', () => {
    const page = { method: 'GET', contentType: undefined, isApi: false, origin: undefined } as const;
    expect(checkRequest({ ...page, host: '127.0.0.1:4610', fetchSite: 'cross-site' }, hosts)).toEqual({ ok: true });
    expect(checkRequest({ ...page, host: 'rebind.attacker.example:4610', fetchSite: 'same-origin' }, hosts)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('workbench over HTTP', () => {
  let dataDir: string;
  let wb: RunningWorkbench;
  let own: string;

  const objectives = async () => {
    const answer = await raw(wb, '/api/getBoard', { method: 'POST', headers: { host: own, 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(200);
    const board = (JSON.parse(answer.body) as { data: BoardView }).data;
    return board.teams.flatMap((t) => t.objectives.map((o) => o.id)).sort();
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'harmony-guard-'));
    wb = await startWorkbench({ port: 0, dataDir, today: () => day('2026-11-15') });
    own = new URL(wb.url).host;
  });
  afterAll(async () => {
    await wb.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses the no-cors text/plain import a foreign page can send, and the plan stays whole', async () => {
    const before = await objectives();
    expect(before.length).toBeGreaterThan(0);
    const attack = await raw(wb, '/api/importPlan', {
      method: 'POST',
      headers: { host: own, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain;charset=UTF-8' },
      body: EMPTY_PLAN,
    });
    expect(attack.status).toBe(403);
    expect(JSON.parse(attack.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Even from the workbench's own origin, a body that is not declared JSON is not parsed.
    const plain = await raw(wb, '/api/importPlan', { method: 'POST', headers: { host: own, origin: `http://${own}`, 'content-type': 'text/plain' }, body: EMPTY_PLAN });
    expect(plain.status).toBe(415);
    expect(await objectives()).toEqual(before);
  });

  it('refuses every request under a rebinding Host name, reads included', async () => {
    const port = new URL(wb.url).port;
    const read = await raw(wb, '/api/exportPlan', { method: 'POST', headers: { host: `rebind.attacker.example:${port}`, 'content-type': 'application/json' }, body: '{"format":"json"}' });
    expect(read.status).toBe(403);
    expect(read.body).not.toContain('Rain Town');
    const page = await raw(wb, '/', { headers: { host: `rebind.attacker.example:${port}` } });
    expect(page.status).toBe(403);
  });

  it('answers its own pages\' JSON calls (positive control) with nosniff and frame-ancestors headers', async () => {
    const answer = await raw(wb, '/api/exportPlan', {
      method: 'POST',
      headers: { host: own, origin: `http://${own}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: '{"format":"json"}',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    const page = await raw(wb, '/board', { headers: { host: own } });
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
