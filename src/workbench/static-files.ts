// The workbench's pages: the built UI in static/workbench/, with the host-like routes of the
// real products (a Jira issue at /jira/browse/KEY, an ADO work item at /ado/workitem/ID) mapped
// onto the page that frames each.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const ROUTES: readonly [RegExp, string][] = [
  [/^\/$/, 'index.html'],
  [/^\/jira\/browse\/[^/]+\/?$/, 'jira-issue.html'],
  [/^\/ado\/workitem\/[^/]+\/?$/, 'ado-workitem.html'],
  [/^\/board\/?$/, 'board.html'],
  [/^\/kpis\/?$/, 'kpis.html'],
  [/^\/review\/?$/, 'review.html'],
  [/^\/plan\/?$/, 'plan.html'],
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Hashed build assets never change under one name; pages must be revalidated. */
  immutable: boolean;
}

/** The file a GET path names: a page route, or a file under the static root. */
export function fileForPath(pathname: string): string | undefined {
  for (const [route, page] of ROUTES) if (route.test(pathname)) return page;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  // Nothing outside the static root, whatever the path says.
  if (relative === '' || relative.startsWith('..') || relative.includes(`${sep}..${sep}`) || relative.includes('\0')) return undefined;
  return relative;
}

export async function readStatic(root: string, pathname: string): Promise<StaticFile | undefined> {
  const relative = fileForPath(pathname);
  if (relative === undefined) return undefined;
  const file = join(root, relative);
  try {
    if (!(await stat(file)).isFile()) return undefined;
    const body = await readFile(file);
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return { body, type, immutable: relative.startsWith(`assets${sep}`) || relative.startsWith('assets/') };
  } catch {
    return undefined;
  }
}
