// A web page open in the same browser as the workbench must not be able to change or read its
// data: a page on another origin tries what a browser lets any page do without a preflight
// (a no-cors text/plain POST, an HTML form post) and a CORS read; a page under a DNS name that
// resolves to the workbench's own address (DNS rebinding, played with chromium's resolver
// rules) tries same-origin calls. The plan is read back afterwards over the workbench's API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/ui/client/http-client';
import { startWorkbench, type RunningWorkbench } from '../../src/workbench/server';
import { day } from '../builders';
import { launchChromium } from './helpers/browser';

const REBIND_NAME = 'rebind.attacker.example';

const attackerPage = (target: string) => `<!doctype html><meta charset="utf-8"><title>cute cats</title>
<form id="f" method="POST" action="${target}/api/importPlan" enctype="text/plain" target="sink">
<input name='{"text":"okr: 1\\nperiods: []\\nteams: []\\nobjectives: []\\n","x":"' value='"}'></form>
<iframe name="sink"></iframe>
<script>
window.results = (async () => {
  const out = {};
  const body = JSON.stringify({ text: 'okr: 1\\nperiods: []\\nteams: []\\nobjectives: []\\n', format: 'yaml' });
  try { await fetch('${target}/api/importPlan', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }); out.noCors = 'sent'; } catch (e) { out.noCors = 'failed'; }
  try { const r = await fetch('${target}/api/exportPlan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":"json"}' }); out.read = await r.text(); } catch (e) { out.read = 'blocked'; }
  // The form post is answered inside the sink frame; its load event says the answer came back.
  const sink = document.querySelector('iframe[name=sink]');
  const posted = new Promise((r) => sink.addEventListener('load', r, { once: true }));
  document.getElementById('f').submit();
  await posted;
  out.form = 'answered';
  return out;
})();
</script>`;

describe('a page on another origin cannot drive the workbench', () => {
  let dataDir: string;
  let wb: RunningWorkbench;
  let attacker: Server;
  let attackerUrl: string;
  let browser: Browser;
  let wbPort: string;

  const objectiveIds = async () => (await createHttpClient({ baseUrl: wb.url })('exportPlan', { format: 'json' })).plan.objectives.map((o) => o.id);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'harmony-xorigin-'));
    wb = await startWorkbench({ port: 0, dataDir, today: () => day('2026-11-15') });
    wbPort = new URL(wb.url).port;
    attacker = createServer((req, res) => {
      // Served twice: on its own origin (another port), and as the rebinding name's page.
      const target = req.url === '/rebind' ? '' : wb.url;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackerPage(target));
    });
    await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    browser = await launchChromium([`--host-resolver-rules=MAP ${REBIND_NAME} 127.0.0.1`]);
  });

  afterAll(async () => {
    await browser.close();
    await new Promise<void>((done) => attacker.close(() => done()));
    await wb.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses the cross-origin writes and reads: the plan is unchanged and nothing was read', async () => {
    const before = await objectiveIds();
    expect(before.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(attackerUrl);
    const results = await page.evaluate(() => (window as unknown as { results: Promise<{ noCors: string; read: string; form: string }> }).results);
    expect(results.form).toBe('answered');
    expect(results.noCors).toBe('sent'); // the browser did send it: the server must refuse it
    expect(results.read).toBe('blocked'); // no CORS approval, so the page cannot read an answer
    await page.close();
    expect(await objectiveIds()).toEqual(before);
  });

  it('refuses a rebinding name that resolves to the workbench: same-origin calls get 403', async () => {
    const before = await objectiveIds();
    const page = await browser.newPage();
    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/')) answers.push(r.status());
    });
    // The rebinding name points at the workbench's own port, so the page and the API share an
    // origin in the browser's eyes; only the Host header gives it away.
    const response = await page.goto(`http://${REBIND_NAME}:${wbPort}/`);
    expect(response?.status()).toBe(403);
    const read = await page.evaluate(async () => {
      const r = await fetch('/api/exportPlan', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"format":"json"}' });
      return { status: r.status, text: await r.text() };
    });
    expect(read.status).toBe(403);
    expect(read.text).not.toContain('Rain Town');
    const write = await page.evaluate(async () => {
      const body = JSON.stringify({ text: 'okr: 1\nperiods: []\nteams: []\nobjectives: []\n', format: 'yaml' });
      return (await fetch('/api/importPlan', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status;
    });
    expect(write).toBe(403);
    expect(answers.every((s) => s === 403)).toBe(true);
    await page.close();
    expect(await objectiveIds()).toEqual(before);
  });
});
