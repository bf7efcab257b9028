// Linking a work item typed by hand on the board: people type "CS-12", "jira:CS-12", "#42" or
// "ado:42"; the API speaks refs (SPEC §1). Bare keys are read as Jira keys, bare numbers as ADO ids.
import { parseRef } from '../../core/model/work-item';
import type { Parsed } from './number-field';

export function parseWorkItemRef(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Type a work item key (CS-12) or id (42), or pick one from the list.' };
  const candidates = [trimmed, `jira:${trimmed.toUpperCase()}`, `ado:${trimmed.replace(/^#/, '')}`];
  for (const candidate of candidates) {
    if (parseRef(candidate)) return { ok: true, value: candidate };
  }
  return { ok: false, message: `"${trimmed}" is not a Jira key (like CS-12) or an Azure DevOps id (like 42).` };
}
