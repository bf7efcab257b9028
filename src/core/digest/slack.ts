// The digest as a Slack incoming-webhook message (Block Kit). Limits from Slack's Block Kit
// reference: at most 50 blocks per message, a header's plain text at most 150 characters, a
// section's text at most 3000; `text` is the notification fallback.
import type { Digest } from './digest';
import { clip, slackText } from './escape';
import { groupTitle, sectionsOf, type Line } from './lines';

export const SLACK_LIMITS = { blocks: 50, headerText: 150, sectionText: 3000 } as const;

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: boolean } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const render = (line: Line): string => line.map((p) => (p.user ? slackText(p.text) : p.text)).join('');

export function digestTitle(digest: Digest): string {
  return `Weekly OKR check-in${digest.organization !== undefined ? ` — ${digest.organization}` : ''} (${digest.at})`;
}

export function slackMessage(digest: Digest, link?: string): SlackMessage {
  const title = digestTitle(digest);
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: clip(title, SLACK_LIMITS.headerText), emoji: false } }];
  if (digest.groups.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'Nothing needs attention this week: every key result is up to date and on track.' } });
  }
  // Room for a final "more" note and the link: what does not fit is counted, never cut silently.
  const room = SLACK_LIMITS.blocks - 2;
  let left = 0;
  for (const group of digest.groups) {
    const texts = [`*${render(groupTitle(group))}*`];
    for (const s of sectionsOf(group)) texts.push(`_${s.name}_\n${s.lines.map((l) => `• ${render(l)}`).join('\n')}`);
    const chunks = chunk(texts.join('\n'), SLACK_LIMITS.sectionText);
    if (blocks.length + chunks.length + 1 > room) {
      left++;
      continue;
    }
    if (blocks.length > 1) blocks.push({ type: 'divider' });
    for (const text of chunks) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  if (left > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${String(left)} more team or owner digest${left === 1 ? '' : 's'}: open the board for the rest.` }] });
  if (link !== undefined) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${safeUrl(link)}|Open the OKR board>` }] });
  return { text: title, blocks };
}

/** Splits at line ends so no section passes Slack's limit; a single overlong line is clipped. */
function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    const piece = clip(line, max);
    if (cur && cur.length + 1 + piece.length > max) {
      out.push(cur);
      cur = piece;
    } else cur = cur ? `${cur}\n${piece}` : piece;
  }
  if (cur) out.push(cur);
  return out;
}

/** A link is ours (the board URL), but `|` and `>` would still end it early: percent-encode them. */
function safeUrl(url: string): string {
  return url.replace(/[|>< ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/&/g, '&amp;');
}
