// The digest as a Microsoft Teams message for a workflow webhook ("Send webhook alerts to a
// channel"): a `message` whose one attachment is an Adaptive Card. Teams renders cards up to
// schema 1.5 and refuses messages over about 28 KB, so lines are capped per group.
import type { Digest } from './digest';
import { clip, teamsText } from './escape';
import { groupTitle, sectionsOf, type Line } from './lines';
import { digestTitle } from './slack';

export const TEAMS_LIMITS = { linesPerSection: 15, titleText: 200 } as const;

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Large' | 'Medium';
  weight?: 'Bolder';
  separator?: true;
  spacing?: 'Medium';
  isSubtle?: true;
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  body: TextBlock[];
  actions?: { type: 'Action.OpenUrl'; title: string; url: string }[];
}

export interface TeamsMessage {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }[];
}

const render = (line: Line): string => line.map((p) => (p.user ? teamsText(p.text) : p.text)).join('');

export function teamsMessage(digest: Digest, link?: string): TeamsMessage {
  const body: TextBlock[] = [{ type: 'TextBlock', text: teamsText(clip(digestTitle(digest), TEAMS_LIMITS.titleText)), wrap: true, size: 'Large', weight: 'Bolder' }];
  if (digest.groups.length === 0) body.push({ type: 'TextBlock', text: 'Nothing needs attention this week: every key result is up to date and on track.', wrap: true });
  for (const group of digest.groups) {
    body.push({ type: 'TextBlock', text: render(groupTitle(group)), wrap: true, size: 'Medium', weight: 'Bolder', separator: true, spacing: 'Medium' });
    for (const s of sectionsOf(group)) {
      const shown = s.lines.slice(0, TEAMS_LIMITS.linesPerSection).map((l) => `- ${render(l)}`);
      const more = s.lines.length - shown.length;
      if (more > 0) shown.push(`- …and ${String(more)} more`);
      body.push({ type: 'TextBlock', text: `**${s.name}**`, wrap: true, isSubtle: true }, { type: 'TextBlock', text: shown.join('\r\n'), wrap: true });
    }
  }
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    ...(link !== undefined ? { actions: [{ type: 'Action.OpenUrl' as const, title: 'Open the OKR board', url: link }] } : {}),
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
