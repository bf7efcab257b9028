// Fitting the readable tables to the terminal: titles are never cut (a KR's title often holds
// its target, "from 73% to 75%"), they wrap within the width instead.
import { stripVTControlCharacters } from 'node:util';
import type { CliIo } from '../io';

/** Used when stdout is no terminal and COLUMNS is not set: wide enough for most titles inline. */
export const DEFAULT_WIDTH = 100;

/** The terminal's width; piped, `COLUMNS` when set, else {@link DEFAULT_WIDTH}. */
export function outputWidth(io: CliIo): number {
  const tty = io.stdout.isTTY === true ? io.stdout.columns : undefined;
  if (tty !== undefined && tty > 0) return tty;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : DEFAULT_WIDTH;
}

/** Width on screen, colour codes aside (one column per code point). */
export function visibleWidth(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - visibleWidth(text)));

/** Breaks text into lines of at most `width` columns at spaces; a longer word is split. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    let rest = [...word];
    while (rest.length > 0) {
      const room = line === '' ? width : width - [...line].length - 1;
      if (rest.length <= room) {
        line = line === '' ? rest.join('') : `${line} ${rest.join('')}`;
        rest = [];
      } else if (line !== '') {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width).join(''));
        rest = rest.slice(width);
      }
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A table row: `lead` (an indented id) and `tail` (bar, status, figures) around a free-text title. */
export interface Row {
  lead: string;
  title: string;
  tail: string;
}

/**
 * Lays out rows in `width` columns: when every title fits beside the figures, titles are aligned
 * in one column; else each title goes on lines of its own (wrapped only when longer than the
 * width) with its figures on the line below, so a title is never cut and stays in one piece.
 */
export function layoutRows(rows: readonly Row[], width: number): string[] {
  if (rows.length === 0) return [];
  const leadWidth = Math.max(...rows.map((r) => visibleWidth(r.lead)));
  const tailWidth = Math.max(...rows.map((r) => visibleWidth(r.tail)));
  const longest = Math.max(...rows.map((r) => visibleWidth(r.title)));
  const inline = width - leadWidth - 1 - tailWidth >= longest;
  const indent = ' '.repeat(leadWidth);
  const lines: string[] = [];
  for (const row of rows) {
    const lead = pad(row.lead, leadWidth);
    if (inline) {
      lines.push(`${lead}${pad(row.title, longest)} ${row.tail}`);
    } else {
      const [first = '', ...more] = wrapText(row.title, Math.max(MIN_TITLE, width - leadWidth));
      lines.push(lead + first, ...more.map((l) => indent + l), indent + row.tail);
    }
  }
  return lines.map((l) => l.trimEnd());
}

/** The narrowest a title is wrapped to, however narrow the terminal. */
const MIN_TITLE = 20;
