// Colour only for people: on a terminal, unless NO_COLOR is set; FORCE_COLOR turns it on.
import { styleText } from 'node:util';
import type { Status, KpiHealth, Severity } from '../../core';
import type { CliIo } from '../io';
import { wholePercent } from '../../core/report/whole-percent';

type Format = Parameters<typeof styleText>[0];
export type Paint = (format: Format, text: string) => string;

export function painter(io: CliIo): Paint {
  const force = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const on = force || (io.stdout.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb');
  return on ? (format, text) => styleText(format, text, { validateStream: false }) : (_format, text) => text;
}

export function statusColour(status: Status | KpiHealth): Format {
  switch (status) {
    case 'done':
    case 'on-track':
    case 'healthy':
      return 'green';
    case 'at-risk':
    case 'warning':
      return 'yellow';
    case 'off-track':
    case 'breached':
      return 'red';
    case 'not-started':
    case 'closed':
    case 'no-data':
    case 'no-target':
      return 'gray';
  }
}

export function severityColour(severity: Severity): 'red' | 'yellow' | 'cyan' {
  return severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'cyan';
}

/** A bar of `width` cells with the fraction filled. */
export function bar(fraction: number, width = 20): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** The same whole percent as every other surface shows, right-aligned in four cells. */
export function percent(fraction: number): string {
  return `${wholePercent(fraction)}%`.padStart(4);
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}
