// User-written text (titles, names) inside chat markup. A title is text, never markup: it must
// not mention a whole channel, open a link or bold the rest of the message.

const WORD_JOINER = '\u2060';

/**
 * Slack mrkdwn: `&`, `<` and `>` are the only characters Slack asks to escape (its "Formatting
 * text" docs), and escaping `<` already rules out `<!channel>`, `<@U123>` and `<url|label>`.
 * A bare `@channel` / `@here` / `@everyone` is broken with a word joiner too, in case a workspace
 * parses names; `*`, `_`, `~` and backquotes get one after them so they format nothing.
 */
export function slackText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`)
    .replace(/([*_~`])/g, `$1${WORD_JOINER}`);
}

/**
 * Adaptive Card TextBlock Markdown (Teams): backslash-escape every character that starts
 * emphasis, a link, a heading, a list or a quote. Teams turns mentions into pings only through
 * `msteams.entities`, which the card never carries, so `<at>` in a title stays text.
 */
export function teamsText(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!<>~|])/g, '\\$1');
}

/** Cuts to `max` characters with an ellipsis, never in the middle of a surrogate pair. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
