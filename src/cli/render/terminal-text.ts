// Text from a plan file or a tracker (titles, owners, team and KPI names, lint messages that
// quote them, work item titles from `okr pull`) must never reach a terminal as control codes: an
// ESC or CSI starts a sequence the terminal runs (clear the screen, set the window title, write
// the clipboard with OSC 52, …). Such characters are shown escaped instead, `\x1b` style, so the
// reader still sees that they are there. The CLI's own colour codes are added after this, by the
// painter, to text that has been escaped.

import type { Output } from '../io';

// C0 controls, DEL and the C1 controls (0x9b is a one-byte CSI, 0x9d a one-byte OSC).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// The same, except the line breaks and tabs the CLI writes itself.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_IN_MESSAGE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const hex = (c: string): string => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** One string with every control character (line breaks too) shown as `\xNN`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, hex);
}

// JSON.stringify escapes C0 controls but leaves DEL and the C1 controls (a one-byte CSI among them) raw.
const NOT_ESCAPED_BY_JSON = /[\u007f-\u009f]/g;

/**
 * Data as JSON that is safe to print on a terminal: the same JSON value, with the controls
 * JSON.stringify leaves raw written as `\u` escapes (they can only occur inside strings).
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(NOT_ESCAPED_BY_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A copy of plain data (a plan, a report, a pull's changes) with every string escaped; what
 * the renderers of human-readable output take, so no field can be forgotten.
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafe(v)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = terminalSafe(v);
    return copy as T;
  }
  return value;
}

/**
 * A stream for messages the CLI writes without codes of its own (errors, warnings, the pull's
 * change list): everything written is escaped except line breaks and tabs.
 */
export function plainOutput(out: Output): Output {
  return { write: (text: string) => out.write(text.replace(CONTROL_IN_MESSAGE, hex)), isTTY: out.isTTY, columns: out.columns };
}
