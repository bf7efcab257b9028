// What `tfx extension create` does not check (ARCHITECTURE.md: it accepts unknown contribution
// types and missing pages), checked on the .vsix itself: every contribution's page and the
// scripts and styles it loads are in the package, contribution types and targets are ones Azure
// DevOps defines, the icons are there and are PNGs of the right size, and the scopes are minimal.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureExtensionPackaged, ROOT, vsixPath } from './helpers/build-extension';
import { readZip } from './helpers/zip';

interface Contribution {
  id: string;
  type: string;
  targets: string[];
  properties: Record<string, unknown>;
}

interface VsoManifest {
  scopes: string[];
  contributions: Contribution[];
}

/** Contribution types this extension may use, and the targets each may name (Microsoft's docs). */
const KNOWN: Record<string, readonly string[]> = {
  'ms.vss-work-web.work-item-form-group': ['ms.vss-work-web.work-item-form'],
  'ms.vss-web.hub': ['ms.vss-work-web.work-hub-group'],
  'ms.vss-dashboards-web.widget': ['ms.vss-dashboards-web.widget-catalog'],
  'ms.vss-dashboards-web.widget-configuration': ['ms.vss-dashboards-web.widget-configuration'],
};

/** Every page the product needs, by contribution type. */
const REQUIRED_TYPES = Object.keys(KNOWN);

let files: Map<string, Buffer>;
let vso: VsoManifest;
let vsix: string;

beforeAll(async () => {
  await ensureExtensionPackaged();
  files = readZip(readFileSync(vsixPath()));
  vso = JSON.parse((files.get('extension.vsomanifest') as Buffer).toString('utf8')) as VsoManifest;
  vsix = (files.get('extension.vsixmanifest') as Buffer).toString('utf8');
}, 300_000);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The scripts and stylesheets an HTML page loads, as package paths. */
function pageAssets(pagePath: string, html: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1] as string);
  return refs.map((ref) => posix.normalize(posix.join(posix.dirname(pagePath), ref)));
}

describe('the .vsix built by npm run package', () => {
  it('is a package tfx made from vss-extension.json, small enough to upload (figure printed)', () => {
    expect(files.has('extension.vsixmanifest')).toBe(true);
    expect(files.has('[Content_Types].xml')).toBe(true);
    const size = statSync(vsixPath()).size;
    console.info(`[ado] ${posix.basename(vsixPath())}: ${(size / 1024).toFixed(1)} KB, ${files.size} files`);
    // The Marketplace takes up to 50 MB; a page-only extension this size means nothing stray came along.
    expect(size).toBeLessThan(1024 * 1024);
    expect([...files.keys()].filter((f) => f.includes('node_modules') || f.endsWith('.map') || f.includes('.vite/'))).toEqual([]);
  });

  it('has every contribution page, with the scripts and styles it loads, inside the package', () => {
    const pages = vso.contributions.map((c) => c.properties.uri);
    expect(pages.every((p) => typeof p === 'string')).toBe(true);
    for (const contribution of vso.contributions) {
      const page = contribution.properties.uri as string;
      expect(files.has(page), `${contribution.id}: ${page}`).toBe(true);
      const html = (files.get(page) as Buffer).toString('utf8');
      const assets = pageAssets(page, html);
      expect(assets.some((a) => a.endsWith('.js')), `${page} loads a script`).toBe(true);
      for (const asset of assets) expect(files.has(asset), `${page} → ${asset}`).toBe(true);
      // Relative paths only: the Marketplace serves the files from its own CDN path.
      expect(html).not.toMatch(/(?:src|href)="\//);
    }
  });

  it('uses only contribution types and targets Azure DevOps defines (or its own contributions)', () => {
    const ids = new Set(vso.contributions.map((c) => c.id));
    for (const c of vso.contributions) {
      const allowed = KNOWN[c.type];
      expect(allowed, `${c.id}: unknown type ${c.type}`).toBeDefined();
      for (const target of c.targets) {
        const own = target.startsWith('.') && ids.has(target.slice(1));
        expect(own || (allowed ?? []).includes(target), `${c.id}: target ${target}`).toBe(true);
      }
    }
    expect([...new Set(vso.contributions.map((c) => c.type))].sort()).toEqual([...REQUIRED_TYPES].sort());
    // The widget names its configuration, and that contribution exists.
    const widget = vso.contributions.find((c) => c.type === 'ms.vss-dashboards-web.widget') as Contribution;
    const config = widget.targets.filter((t) => t.startsWith('.')).map((t) => t.slice(1));
    expect(config).toHaveLength(1);
    expect(vso.contributions.find((c) => c.id === config[0])?.type).toBe('ms.vss-dashboards-web.widget-configuration');
    expect(widget.properties.supportedSizes).toEqual(expect.arrayContaining([{ rowSpan: 2, columnSpan: 2 }]));
  });

  it('carries its icons: the 128×128 logo as the package icon, and the widget catalog icon', () => {
    const icon = /<Icon>([^<]+)<\/Icon>/.exec(vsix)?.[1];
    expect(icon).toBeDefined();
    expect(pngSize(files.get(icon as string) as Buffer)).toEqual({ width: 128, height: 128 });
    expect(vsix).toContain(`Type="Microsoft.VisualStudio.Services.Icons.Default" d:Source="File" Path="${icon as string}"`);
    for (const c of vso.contributions) {
      for (const key of ['catalogIconUrl', 'previewImageUrl']) {
        const path = c.properties[key];
        if (path === undefined) continue;
        expect(typeof path).toBe('string');
        expect(files.has(path as string), `${c.id}.${key}: ${path as string}`).toBe(true);
        pngSize(files.get(path as string) as Buffer);
      }
    }
  });

  it('asks for the minimal scope: read work items (vso.work), nothing that writes', () => {
    // Harmony reads work items and keeps its own data in the Extension Data Service, which an
    // extension reaches without a scope; it never writes work items.
    expect(vso.scopes).toEqual(['vso.work']);
    // The bundled REST client has write methods too; what matters is that none is called. The
    // form service could also change the open item (setFieldValue, save).
    const writes = /\b(?:updateWorkItem|createWorkItem|deleteWorkItem|updateWorkItems|setFieldValue|setFieldValues|addWorkItemRelations|removeWorkItemRelations)\s*\(/;
    const sources = ['src/ado', 'src/trackers/ado'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((file) => writes.test(readFileSync(file, 'utf8')))).toEqual([]);
    // The form service is only asked which item is open.
    const formCalls = sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bform\.(\w+)\(/g)].map((m) => m[1]));
    expect(new Set(formCalls)).toEqual(new Set(['getId', 'isNew']));
  });

  it('gives a Marketplace overview and keeps the extension private until shared', () => {
    expect(vsix).toMatch(/Type="Microsoft.VisualStudio.Services.Content.Details" d:Source="File" Path="([^"]+)"/);
    const overview = /Type="Microsoft.VisualStudio.Services.Content.Details" d:Source="File" Path="([^"]+)"/.exec(vsix)?.[1] as string;
    expect(files.get(overview)?.toString('utf8')).toMatch(/^# Harmony OKRs/);
    expect(vsix).not.toMatch(/<GalleryFlags>[^<]*Public/);
  });
});
