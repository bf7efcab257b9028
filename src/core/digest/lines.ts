// The digest as plain lines, one per item, shared by the Slack and Teams renderers so both say
// the same thing; each renderer escapes user text for its own markup (escape.ts).
import { daysText } from '../lints/cadence';
import { wholePercent } from '../report/whole-percent';
import type { DigestGroup, DigestKeyResult, DigestKpi } from './digest';

/** A line: user-written parts kept apart from ours, so only they get escaped. */
export type Piece = { text: string; user?: true; strong?: true };
export type Line = Piece[];

const user = (text: string): Piece => ({ text, user: true });
const plain = (text: string): Piece => ({ text });

export function groupTitle(group: DigestGroup): Line {
  return group.kind === 'team' ? [plain('Team '), user(group.name)] : [user(group.name), plain(' (owner)')];
}

export function checkInLine(kr: DigestKeyResult, withOwner: boolean): Line {
  const when = kr.lastCheckIn === undefined ? 'never checked in' : `last check-in ${daysText(kr.days ?? 0)} ago`;
  return [user(kr.title), plain(` — ${when}`), ...owner(kr.owner, withOwner)];
}

export function offTrackLine(kr: DigestKeyResult, withOwner: boolean): Line {
  return [user(kr.title), plain(` — ${String(wholePercent(kr.progress))}%, ${String(wholePercent(kr.expected))}% expected by now`), ...owner(kr.owner, withOwner)];
}

export function kpiLine(kpi: DigestKpi, withOwner: boolean): Line {
  const unit = kpi.unit ?? '';
  const value = kpi.value === undefined ? '' : ` — ${String(kpi.value)}${unit}`;
  const target = kpi.target === undefined ? '' : ` against a target of ${String(kpi.target)}${unit}`;
  return [user(kpi.title), ...(value ? [user(value), plain(target)] : []), plain(', no key result focuses on it'), ...owner(kpi.owner, withOwner)];
}

function owner(id: string | undefined, withOwner: boolean): Piece[] {
  return withOwner && id !== undefined ? [plain(' ('), user(id), plain(')')] : [];
}

export const SECTION_NAMES = {
  needCheckIn: 'Need a check-in',
  offTrack: 'Off track',
  breachedKpis: 'Breached KPIs nobody focuses on',
} as const;

/** Each non-empty section of a group with its lines; owners are named only in team groups. */
export function sectionsOf(group: DigestGroup): { name: string; lines: Line[] }[] {
  const withOwner = group.kind === 'team';
  return [
    { name: SECTION_NAMES.needCheckIn, lines: group.needCheckIn.map((k) => checkInLine(k, withOwner)) },
    { name: SECTION_NAMES.offTrack, lines: group.offTrack.map((k) => offTrackLine(k, withOwner)) },
    { name: SECTION_NAMES.breachedKpis, lines: group.breachedKpis.map((k) => kpiLine(k, withOwner)) },
  ].filter((s) => s.lines.length > 0);
}
