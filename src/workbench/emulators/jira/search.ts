// Runs a parsed JQL query over the issues one user may see. Values are resolved the way Jira
// resolves them: a key the user cannot see matches nothing (as if it did not exist), and a
// project the user cannot browse is reported as not existing, which is what Jira answers too.
import { compareKeys, projectOf, type EmulatedProject } from './dataset';
import { JqlError, type JqlNode, type JqlQuery } from './jql-parser';
import type { StoredIssue } from './render';
import { compileTextQuery } from './text-match';

export interface SearchContext {
  /** Issues the user may see. */
  visible: readonly StoredIssue[];
  /** Finds a visible issue by key (any case) or numeric id. */
  findVisible(keyOrId: string): StoredIssue | undefined;
  /** Projects the user may browse. */
  projects: readonly (EmulatedProject & { id: string })[];
}

export function runQuery(query: JqlQuery, ctx: SearchContext): StoredIssue[] {
  if (!query.where) {
    throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  const matches = compile(query.where, ctx);
  const hits = ctx.visible.filter(matches);
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'key' as const, direction: 'asc' as const }];
  return hits.sort((a, b) => {
    for (const o of order) {
      const c = compareKeys(a.key, b.key);
      if (c !== 0) return o.direction === 'asc' ? c : -c;
    }
    return 0;
  });
}

function compile(node: JqlNode, ctx: SearchContext): (issue: StoredIssue) => boolean {
  switch (node.kind) {
    case 'and': {
      const parts = node.parts.map((p) => compile(p, ctx));
      return (issue) => parts.every((p) => p(issue));
    }
    case 'or': {
      const parts = node.parts.map((p) => compile(p, ctx));
      return (issue) => parts.some((p) => p(issue));
    }
    case 'contains': {
      const matches = compileTextQuery(node.value, node.field);
      return node.field === 'summary'
        ? (issue) => matches(issue.summary)
        : (issue) => matches(`${issue.summary}\n${issue.description ?? ''}`);
    }
    case 'in':
      switch (node.field) {
        case 'key': {
          const keys = resolveIssues(node.values, ctx);
          return (issue) => keys.has(issue.key);
        }
        case 'parent': {
          const keys = resolveIssues(node.values, ctx);
          return (issue) => issue.parent !== undefined && keys.has(issue.parent);
        }
        case 'project': {
          const keys = new Set(node.values.map((v) => resolveProject(v, ctx)));
          return (issue) => keys.has(projectOf(issue.key));
        }
      }
  }
}

function resolveIssues(values: readonly string[], ctx: SearchContext): Set<string> {
  const keys = new Set<string>();
  for (const value of values) {
    const issue = ctx.findVisible(value);
    if (issue) keys.add(issue.key);
  }
  return keys;
}

function resolveProject(value: string, ctx: SearchContext): string {
  const wanted = value.trim().toLowerCase();
  const project = ctx.projects.find((p) => p.key.toLowerCase() === wanted || p.name.toLowerCase() === wanted || p.id === value);
  if (!project) throw new JqlError(`The value '${value}' does not exist for the field 'project'.`);
  return project.key;
}
