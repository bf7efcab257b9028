// Renders emulated issues, fields and users in Jira Cloud's JSON (IssueBean, FieldDetails,
// User of the published OpenAPI). Only properties the published schemas allow are emitted:
// several of them are `additionalProperties: false`, and contract tests hold us to that.
import { PRIORITIES, type EmulatedIssue, type EmulatedField, type EmulatedProject, type EmulatedUser, type StatusCategoryKey } from './dataset';

export interface StoredIssue extends EmulatedIssue {
  id: string;
  /** Always set when stored (the dataset's or a default). */
  created: string;
}

/** What an issue's rendering needs besides the issue itself. */
export interface IssueContext {
  project: (EmulatedProject & { id: string }) | undefined;
  parent: { issue: StoredIssue; visible: boolean } | undefined;
  /** Children of sub-task level the viewer may see. */
  subtasks: readonly StoredIssue[];
}

/** The Epic Link field of company-managed projects (its id on many Cloud sites). */
export const EPIC_LINK_FIELD = { id: 'customfield_10014', name: 'Epic Link' } as const;

/** Jira's four status categories, with the ids and colours Jira Cloud uses. */
const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; name: string; colorName: string }> = {
  undefined: { id: 1, name: 'No Category', colorName: 'medium-gray' },
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  done: { id: 3, name: 'Done', colorName: 'green' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
};

const DEFAULT_STATUS_NAME: Record<StatusCategoryKey, string> = {
  undefined: 'Open',
  new: 'To Do',
  indeterminate: 'In Progress',
  done: 'Done',
};

const KNOWN_TYPES: Record<string, { id: string; hierarchyLevel: number }> = {
  epic: { id: '10000', hierarchyLevel: 1 },
  story: { id: '10001', hierarchyLevel: 0 },
  task: { id: '10002', hierarchyLevel: 0 },
  bug: { id: '10003', hierarchyLevel: 0 },
  'sub-task': { id: '10004', hierarchyLevel: -1 },
  subtask: { id: '10005', hierarchyLevel: -1 },
};

/** Jira Cloud's default resolutions. */
export const DEFAULT_RESOLUTIONS = ['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce', 'Declined'];

export const SYSTEM_FIELD_IDS = [
  'summary', 'issuetype', 'status', 'resolution', 'parent', 'project', 'description', 'labels', 'priority', 'created', 'subtasks',
] as const;

/** Whether an issue type name is of sub-task level. */
export function isSubtaskType(name: string): boolean {
  return KNOWN_TYPES[name.toLowerCase()]?.hierarchyLevel === -1;
}

export function isEpicType(name: string): boolean {
  return KNOWN_TYPES[name.toLowerCase()]?.hierarchyLevel === 1;
}

/** Which fields a request asked for, after Jira's rules for `fields` lists. */
export interface FieldSelection {
  /** Only ids were asked for (`id`, or the search default): issues are `{ id }`. */
  idOnly: boolean;
  fields: Set<string>;
}

/**
 * Reads a `fields` list: entries may be comma-separated, `*all` and `*navigable` mean every
 * field (all emulated fields are navigable), `-name` removes one, `id` and `key` add no field,
 * unknown names are ignored as Jira ignores them.
 */
export function selectFields(requested: readonly string[] | undefined, fallback: string, known: readonly string[]): FieldSelection {
  const entries = (requested && requested.length > 0 ? requested : [fallback])
    .flatMap((e) => e.split(','))
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const fields = new Set<string>();
  const excluded = new Set<string>();
  let keyAsked = false;
  for (const entry of entries) {
    if (entry === '*all' || entry === '*navigable') known.forEach((f) => fields.add(f));
    else if (entry.startsWith('-')) excluded.add(entry.slice(1));
    else if (entry === 'key') keyAsked = true;
    else if (entry !== 'id' && known.includes(entry)) fields.add(entry);
  }
  for (const f of excluded) fields.delete(f);
  return { idOnly: fields.size === 0 && !keyAsked, fields };
}

export class Renderer {
  private readonly statusIds = new Map<string, string>();
  private readonly resolutionIds = new Map<string, string>();
  private readonly typeIds = new Map<string, { id: string; hierarchyLevel: number }>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly storyPointField: { id: string; name: string },
    private readonly extraFields: readonly EmulatedField[],
    /** Every resolution the site has, defaults first. */
    readonly resolutionNames: readonly string[],
  ) {
    resolutionNames.forEach((name, i) => this.resolutionIds.set(name.toLowerCase(), String(10000 + i)));
  }

  /** Every field id an issue can carry. */
  get fieldIds(): string[] {
    return [...SYSTEM_FIELD_IDS, this.storyPointField.id, EPIC_LINK_FIELD.id, ...this.extraFields.map((f) => f.id)];
  }

  issue(issue: StoredIssue, selection: FieldSelection, context: IssueContext): Record<string, unknown> {
    const { project, parent } = context;
    if (selection.idOnly) return { id: issue.id };
    const fields: Record<string, unknown> = {};
    for (const id of selection.fields) {
      switch (id) {
        case 'summary':
          fields.summary = issue.summary;
          break;
        case 'issuetype':
          fields.issuetype = this.issueType(issue.issuetype);
          break;
        case 'status':
          fields.status = this.status(issue);
          break;
        case 'resolution':
          fields.resolution = issue.resolution ? this.resolution(issue.resolution) : null;
          break;
        case 'parent':
          // Jira leaves `parent` out of an issue that has none.
          if (parent) fields.parent = this.parent(parent.issue, parent.visible);
          break;
        case 'project':
          if (project) fields.project = this.project(project);
          break;
        case 'description':
          fields.description = issue.description === undefined ? null : document(issue.description);
          break;
        case 'labels':
          fields.labels = [...(issue.labels ?? [])];
          break;
        case 'priority':
          fields.priority = this.priority(issue.priority);
          break;
        case 'created':
          fields.created = jiraDateTime(issue.created);
          break;
        case 'subtasks':
          fields.subtasks = context.subtasks.map((child) => this.linked(child));
          break;
        default:
          if (id === this.storyPointField.id) fields[id] = issue.storyPoints ?? null;
          // Company-managed children keep their epic's key here too, as on Jira Cloud.
          else if (id === EPIC_LINK_FIELD.id) fields[id] = parent && isEpicType(parent.issue.issuetype) ? parent.issue.key : null;
          else if (this.extraFields.some((f) => f.id === id)) fields[id] = issue.custom?.[id] ?? null;
      }
    }
    return { expand: '', id: issue.id, self: `${this.baseUrl()}/rest/api/3/issue/${issue.id}`, key: issue.key, fields };
  }

  /** `GET /rest/api/3/field`: the system fields the emulator serves plus the custom ones. */
  fieldList(): Record<string, unknown>[] {
    const system = (id: string, name: string, clauseNames: string[], type?: string): Record<string, unknown> => ({
      id,
      key: id,
      name,
      custom: false,
      orderable: id !== 'parent' && id !== 'issuekey',
      navigable: true,
      searchable: true,
      clauseNames,
      ...(type ? { schema: { type, system: id } } : {}),
    });
    const custom = (id: string, name: string, type: string, customType: string): Record<string, unknown> => {
      const customId = Number(/(\d+)$/.exec(id)?.[1] ?? 0);
      return {
        id,
        key: id,
        name,
        custom: true,
        orderable: true,
        navigable: true,
        searchable: true,
        clauseNames: [`cf[${customId}]`, name, `${name}[${type === 'number' ? 'Number' : 'Short text'}]`],
        schema: { type, custom: customType, customId },
      };
    };
    return [
      system('issuekey', 'Key', ['id', 'issue', 'issuekey', 'key']),
      system('summary', 'Summary', ['summary'], 'string'),
      system('issuetype', 'Issue Type', ['issuetype', 'type'], 'issuetype'),
      system('status', 'Status', ['status'], 'status'),
      system('resolution', 'Resolution', ['resolution'], 'resolution'),
      system('parent', 'Parent', ['parent']),
      system('project', 'Project', ['project'], 'project'),
      system('description', 'Description', ['description'], 'string'),
      { ...system('labels', 'Labels', ['labels'], 'array'), schema: { type: 'array', items: 'string', system: 'labels' } },
      system('priority', 'Priority', ['priority'], 'priority'),
      { ...system('created', 'Created', ['created', 'createdDate'], 'datetime'), orderable: false },
      { ...system('subtasks', 'Sub-tasks', ['subtasks'], 'array'), orderable: false, searchable: false, schema: { type: 'array', items: 'issuelinks', system: 'subtasks' } },
      // Jira Software's own story point type, as `GET /field` reports it on Cloud.
      custom(this.storyPointField.id, this.storyPointField.name, 'number', 'com.pyxis.greenhopper.jira:jsw-story-points'),
      { ...custom(EPIC_LINK_FIELD.id, EPIC_LINK_FIELD.name, 'any', 'com.pyxis.greenhopper.jira:gh-epic-link'), clauseNames: ['cf[10014]', 'Epic Link'] },
      ...this.extraFields.map((f) =>
        custom(
          f.id,
          f.name,
          f.type,
          f.type === 'number' ? 'com.atlassian.jira.plugin.system.customfieldtypes:float' : 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
        ),
      ),
    ];
  }

  user(user: EmulatedUser): Record<string, unknown> {
    return {
      self: `${this.baseUrl()}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
      accountId: user.accountId,
      accountType: 'atlassian',
      emailAddress: user.email,
      avatarUrls: this.avatars(`user/${encodeURIComponent(user.accountId)}`),
      displayName: user.displayName,
      active: true,
      timeZone: 'UTC',
      locale: 'en_US',
      groups: { size: 0, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles',
    };
  }

  private issueType(name: string): Record<string, unknown> {
    const known = KNOWN_TYPES[name.toLowerCase()];
    let type = known ?? this.typeIds.get(name.toLowerCase());
    if (!type) {
      type = { id: String(10100 + this.typeIds.size), hierarchyLevel: 0 };
      this.typeIds.set(name.toLowerCase(), type);
    }
    return {
      self: `${this.baseUrl()}/rest/api/3/issuetype/${type.id}`,
      id: type.id,
      description: type.hierarchyLevel === -1 ? 'A small piece of work that is part of a larger task.' : `A ${name.toLowerCase()}.`,
      iconUrl: `${this.baseUrl()}/images/icons/issuetypes/${type.id}.svg`,
      name,
      subtask: type.hierarchyLevel === -1,
      avatarId: Number(type.id),
      hierarchyLevel: type.hierarchyLevel,
    };
  }

  /** `GET /rest/api/3/resolution`. */
  resolutionList(): Record<string, unknown>[] {
    return this.resolutionNames.map((name) => this.resolution(name));
  }

  /** `GET /rest/api/3/status`: every status the issues use, and the default ones. */
  statusList(issues: Iterable<StoredIssue>): Record<string, unknown>[] {
    const byName = new Map<string, Record<string, unknown>>();
    const all: Pick<StoredIssue, 'statusCategory' | 'statusName'>[] = [
      ...(['new', 'indeterminate', 'done'] as const).map((statusCategory) => ({ statusCategory })),
      ...issues,
    ];
    for (const issue of all) {
      const status = this.status(issue);
      byName.set(String(status.id), status);
    }
    return [...byName.values()];
  }

  /** The id of a status name, when the site has it. */
  statusId(name: string): string | undefined {
    return this.statusIds.get(name.toLowerCase());
  }

  private priority(name: string | undefined): Record<string, unknown> {
    const index = Math.max(0, PRIORITIES.findIndex((p) => p.toLowerCase() === (name ?? 'Medium').toLowerCase()));
    const id = String(index + 1);
    return {
      self: `${this.baseUrl()}/rest/api/3/priority/${id}`,
      iconUrl: `${this.baseUrl()}/images/icons/priorities/${(PRIORITIES[index] ?? 'Medium').toLowerCase()}.svg`,
      name: PRIORITIES[index] ?? 'Medium',
      id,
    };
  }

  /** A sub-task as Jira lists it in `subtasks`: a LinkedIssue with a few fields. */
  private linked(child: StoredIssue): Record<string, unknown> {
    return {
      id: child.id,
      key: child.key,
      self: `${this.baseUrl()}/rest/api/3/issue/${child.id}`,
      fields: {
        summary: child.summary,
        status: this.status(child),
        priority: this.priority(child.priority),
        issuetype: this.issueType(child.issuetype),
      },
    };
  }

  private status(issue: Pick<StoredIssue, 'statusCategory' | 'statusName'>): Record<string, unknown> {
    const name = issue.statusName ?? DEFAULT_STATUS_NAME[issue.statusCategory];
    let id = this.statusIds.get(name.toLowerCase());
    if (!id) {
      id = String(10000 + this.statusIds.size);
      this.statusIds.set(name.toLowerCase(), id);
    }
    const category = STATUS_CATEGORIES[issue.statusCategory];
    return {
      self: `${this.baseUrl()}/rest/api/3/status/${id}`,
      description: '',
      iconUrl: `${this.baseUrl()}/images/icons/statuses/generic.png`,
      name,
      id,
      statusCategory: {
        self: `${this.baseUrl()}/rest/api/3/statuscategory/${category.id}`,
        id: category.id,
        key: issue.statusCategory,
        colorName: category.colorName,
        name: category.name,
      },
    };
  }

  private resolution(name: string): Record<string, unknown> {
    let id = this.resolutionIds.get(name.toLowerCase());
    if (!id) {
      id = String(10000 + this.resolutionIds.size);
      this.resolutionIds.set(name.toLowerCase(), id);
    }
    return { self: `${this.baseUrl()}/rest/api/3/resolution/${id}`, id, description: `Resolved as ${name}.`, name };
  }

  /**
   * The `parent` field, shaped like Jira's LinkedIssue. The key belongs to the child's own field
   * value; the parent's summary, status and type are shown only to those who may see the parent.
   */
  private parent(parent: StoredIssue, visible: boolean): Record<string, unknown> {
    const link: Record<string, unknown> = {
      id: parent.id,
      key: parent.key,
      self: `${this.baseUrl()}/rest/api/3/issue/${parent.id}`,
    };
    if (visible) {
      link.fields = { summary: parent.summary, status: this.status(parent), issuetype: this.issueType(parent.issuetype) };
    }
    return link;
  }

  private project(project: EmulatedProject & { id: string }): Record<string, unknown> {
    const { id } = project;
    return {
      self: `${this.baseUrl()}/rest/api/3/project/${id}`,
      id,
      key: project.key,
      name: project.name,
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: this.avatars(`project/${id}`),
    };
  }

  private avatars(of: string): Record<string, string> {
    const url = (size: number): string => `${this.baseUrl()}/secure/avatar/${of}?size=${size}`;
    return { '16x16': url(16), '24x24': url(24), '32x32': url(32), '48x48': url(48) };
  }
}

/** Jira's date-time form: milliseconds and a numeric zone (`2026-10-01T09:00:00.000+0000`). */
function jiraDateTime(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

/** Plain text as a one-paragraph Atlassian Document, the v3 API's rich-text format. */
function document(text: string): Record<string, unknown> {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] };
}
