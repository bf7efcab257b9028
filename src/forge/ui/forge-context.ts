// What a Custom UI surface needs from `view.getContext()`, read defensively: the context is the
// host's loosely typed object (`extension: { [k: string]: any }`), and a surface opened where it
// was not meant to be (a gadget without configuration, a panel without an issue) must say so
// rather than crash.
import type { WorkItemRef } from '../../core/model/work-item';

export interface GadgetConfig {
  /** Team whose KPIs and objectives the gadget shows; all teams when absent. */
  team?: string;
  show: { kpis: boolean; objectives: boolean };
}

export interface ForgeContext {
  /** The module type: `jira:issuePanel`, `jira:projectPage`, `jira:dashboardGadget`, ... */
  type: string;
  issueKey?: string;
  projectKey?: string;
  /** `edit` when a dashboard gadget shows its configuration view. */
  entryPoint?: string;
  gadget: GadgetConfig;
  colorMode: 'light' | 'dark';
}

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export const DEFAULT_GADGET: GadgetConfig = { show: { kpis: true, objectives: true } };

/** A gadget's saved configuration; anything missing or malformed falls back to "everything, all teams". */
export function gadgetConfig(value: unknown): GadgetConfig {
  const config = record(value);
  const show = record(config.show);
  const kpis = typeof show.kpis === 'boolean' ? show.kpis : true;
  const objectives = typeof show.objectives === 'boolean' ? show.objectives : true;
  const team = text(config.team);
  // A configuration that hides both would show an empty gadget: show both instead.
  const both = !kpis && !objectives;
  return { ...(team ? { team } : {}), show: { kpis: kpis || both, objectives: objectives || both } };
}

export function forgeContext(context: unknown): ForgeContext {
  const c = record(context);
  const extension = record(c.extension);
  const issueKey = text(record(extension.issue).key);
  const projectKey = text(record(extension.project).key);
  const entryPoint = text(extension.entryPoint);
  return {
    type: text(extension.type) ?? 'unknown',
    ...(issueKey ? { issueKey } : {}),
    ...(projectKey ? { projectKey } : {}),
    ...(entryPoint ? { entryPoint } : {}),
    gadget: gadgetConfig(extension.gadgetConfiguration),
    colorMode: record(c.theme).colorMode === 'dark' ? 'dark' : 'light',
  };
}

export const issueRef = (key: string): WorkItemRef => `jira:${key}`;
