// The plan file's new text after a pull: only the work items change, whatever the layout, and the
// result always reads back as exactly the intended plan (SPEC §1: lossless, comments kept where
// the layout allows).
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePlanText, type WorkItem } from '../../../src/core';
import { mergeSnapshot } from '../../../src/cli/pull/merge';
import { rewritePlanText } from '../../../src/cli/pull/rewrite';

const HEAD = `# Plan head comment
okr: 1
periods:
  - { id: Q4, start: 2026-10-01, end: 2026-12-31 }
teams:
  - { id: t, name: Team }   # the only team
objectives:
  - id: O1
    title: Objective
    team: t
    period: Q4
    keyResults:
      - id: K1
        title: Effort
        type: effort
        links: ["jira:A-1", "ado:1"]
`;

function pull(text: string, live: WorkItem[], system: 'jira' | 'ado' = 'jira') {
  const plan = parsePlanText(text, 'yaml');
  const merge = mergeSnapshot(plan.workItems, system, live);
  return rewritePlanText(text, 'yaml', plan, merge);
}

const A1: WorkItem = { ref: 'jira:A-1', title: 'Epic', type: 'Epic', status: 'in-progress' };
const A2: WorkItem = { ref: 'jira:A-2', title: 'Story', type: 'Story', status: 'done', estimate: 3, parent: 'jira:A-1' };

describe('in-place edit of a block list (fidelity exact)', () => {
  it('re-renders a changed flow item where it stands and keeps every other byte', () => {
    const items = `workItems:
  # Jira
  - { ref: "jira:A-1", title: Epic, type: Epic, status: todo }  # trailing
  - { ref: "ado:1", title: ADO item, status: todo }
`;
    const out = pull(HEAD + items, [A1]);
    expect(out.fidelity).toBe('exact');
    expect(out.text).toBe(
      `${HEAD}workItems:
  # Jira
  - { ref: "jira:A-1", title: Epic, type: Epic, status: in-progress }  # trailing
  - { ref: "ado:1", title: ADO item, status: todo }
`,
    );
  });

  it('block-style items stay block style, at their indentation, with comments inside other items kept', () => {
    const items = `workItems:
- ref: "jira:A-1"
  title: Epic   # inline note
  status: todo
- ref: "ado:1"
  status: done   # ado note
`;
    const out = pull(HEAD + items, [A1, A2]);
    expect(out.fidelity).toBe('exact');
    expect(out.text).toBe(
      `${HEAD}workItems:
- ref: "jira:A-1"
  title: Epic
  type: Epic
  status: in-progress
- ref: "jira:A-2"
  title: Story
  type: Story
  status: done
  estimate: 3
  parent: "jira:A-1"
- ref: "ado:1"
  status: done   # ado note
`,
    );
  });

  it('removes the lines of items the tracker no longer has, keeping the comments around them', () => {
    const items = `workItems:
  - { ref: "jira:A-1", title: Epic, type: Epic, status: in-progress }
  # a note about A-9
  - { ref: "jira:A-9", status: todo }
  - { ref: "ado:1", status: todo }
`;
    const out = pull(HEAD + items, [A1]);
    expect(out.fidelity).toBe('exact');
    expect(out.text).toBe(`${HEAD}workItems:
  - { ref: "jira:A-1", title: Epic, type: Epic, status: in-progress }
  # a note about A-9
  - { ref: "ado:1", status: todo }
`);
  });

  it('keeps CRLF line endings on new lines', () => {
    const text = `${HEAD}workItems:\n  - { ref: "jira:A-1", title: Epic, type: Epic, status: in-progress }\n`.replace(/\n/g, '\r\n');
    const out = pull(text, [A1, A2]);
    expect(out.fidelity).toBe('exact');
    expect(out.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.text.endsWith('parent: "jira:A-1" }\r\n')).toBe(true);
  });

  it('appends workItems to a plan that has none', () => {
    const out = pull(HEAD, [A1, A2]);
    expect(out.fidelity).toBe('exact');
    expect(out.text).toBe(`${HEAD}workItems:
  - { ref: "jira:A-1", title: Epic, type: Epic, status: in-progress }
  - { ref: "jira:A-2", title: Story, type: Story, status: done, estimate: 3, parent: "jira:A-1" }
`);
  });
});

describe('layouts the in-place edit leaves to the yaml Document (fidelity comments)', () => {
  it('a flow-style list', () => {
    const out = pull(`${HEAD}workItems: [ { ref: "ado:1", status: todo } ]  # inline list\n`, [A1]);
    expect(out.fidelity).toBe('comments');
    expect(out.text).toContain('# Plan head comment');
    expect(out.text).toContain('# the only team');
    expect(parsePlanText(out.text, 'yaml').workItems).toEqual([{ ref: 'ado:1', status: 'todo' }, A1]);
  });

  it('a list that ends up empty', () => {
    const out = pull(`${HEAD}workItems:\n  - { ref: "jira:A-1", status: todo }\n`, []);
    expect(out.fidelity).toBe('comments');
    expect(out.text).toContain('# the only team');
    expect(parsePlanText(out.text, 'yaml').workItems).toEqual([]);
  });
});

describe('strings a YAML reader could take for something else stay strings', () => {
  const tricky = ['yes', 'no', 'on', 'null', '~', '2024-01-01', '0o17', '012', '1e3', '.inf', '#hash', 'a: b', '- dash', "it's", '"quoted"', '[list]', '{map}', ' padded ', 'a #b', '@at', '`tick`', '%pct', '!bang', '&amp', '*star', '|pipe', '>gt'];
  it.each(tricky)('title %j reads back the same in YAML 1.2 and 1.1', (title) => {
    const live: WorkItem = { ref: 'jira:A-1', title, type: title, status: 'todo' };
    const out = pull(`${HEAD}workItems:\n  - { ref: "jira:A-1", status: todo }\n`, [live]);
    expect(out.fidelity).toBe('exact');
    expect(parsePlanText(out.text, 'yaml').workItems).toEqual([live]);
    const asYaml11 = parse(out.text, { version: '1.1' }) as { workItems: { title: unknown; type: unknown }[] };
    expect(asYaml11.workItems[0]?.title).toBe(title);
    expect(asYaml11.workItems[0]?.type).toBe(title);
  });
});

describe('JSON', () => {
  it('keeps indentation, key order and the final newline; only workItems is replaced', () => {
    const json = `{\n    "okr": 1,\n    "workItems": [],\n    "periods": [{ "id": "Q4", "start": "2026-10-01", "end": "2026-12-31" }],\n    "teams": [], "objectives": []\n}\n`;
    const plan = parsePlanText(json, 'json');
    const out = rewritePlanText(json, 'json', plan, mergeSnapshot(plan.workItems, 'jira', [A2]));
    expect(out.fidelity).toBe('exact');
    expect(Object.keys(JSON.parse(out.text) as object)).toEqual(['okr', 'workItems', 'periods', 'teams', 'objectives']);
    expect(out.text).toContain('\n    "workItems": [\n        {\n            "ref": "jira:A-2",\n            "title": "Story",');
    expect(out.text.endsWith('}\n')).toBe(true);
  });
});
