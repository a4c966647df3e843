// An interaction response as a person reads it in a terminal.
import {
  InteractionResponseType,
  MessageFlags,
  type APIEmbed,
  type APIInteractionResponse,
} from 'discord-api-types/v10';

/** Discord markdown -> plain terminal text: quotes get a bar, bold is shown with ANSI when colour is on. */
function markdownToText(text: string, color: boolean): string {
  return (
    text
      .split('\n')
      .filter((line) => line !== '```')
      .map((line) => line.replace(/^> ?/, '│ ').replace(/^>$/, '│'))
      .join('\n')
      // A link shows its text, then where it goes.
      .replace(/\[((?:\\.|[^\]\\])+)\]\((\S+?)\)/g, '$1 <$2>')
      .replace(/\*\*(.+?)\*\*/g, (_m, inner: string) => (color ? `\x1b[1m${inner}\x1b[22m` : inner))
      .replace(/(^|[^\\])\*(.+?)\*/g, '$1$2')
      .replace(/\\([\\*_`~|>#\-+[\]().!:])/g, '$1')
      .replace(/\u200b/g, '')
  );
}

function embedText(embed: APIEmbed, color: boolean): string {
  const out: string[] = [];
  if (embed.title)
    out.push(color ? `\x1b[1m${markdownToText(embed.title, false)}\x1b[22m` : markdownToText(embed.title, false));
  if (embed.url) out.push(embed.url);
  if (embed.description) out.push(markdownToText(embed.description, color));
  for (const field of embed.fields ?? [])
    out.push('', color ? `\x1b[1m${field.name}\x1b[22m` : field.name, markdownToText(field.value, color));
  if (embed.footer) out.push('', `— ${markdownToText(embed.footer.text, false)}`);
  return out.join('\n');
}

export function responseAsText(response: APIInteractionResponse | null, color = false): string {
  if (!response) return '(no response)';
  if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
    const list = response.data.choices ?? [];
    return list.length ? list.map((c) => `${c.name}  →  ${c.value}`).join('\n') : '(no suggestions)';
  }
  if (
    response.type !== InteractionResponseType.ChannelMessageWithSource &&
    response.type !== InteractionResponseType.UpdateMessage
  )
    return JSON.stringify(response);
  const data = response.data ?? {};
  const parts: string[] = [];
  if (data.flags !== undefined && (Number(data.flags) & MessageFlags.Ephemeral) !== 0)
    parts.push('(only you can see this)');
  if (data.content) parts.push(markdownToText(data.content, color));
  for (const embed of data.embeds ?? []) parts.push(embedText(embed, color));
  const rows = (data?.components ?? []) as Array<{ components?: Array<{ label?: string; disabled?: boolean }> }>;
  const buttons = rows.flatMap((row) => row.components ?? []).filter((c) => c.label);
  if (buttons.length) parts.push(buttons.map((b) => `[${b.label}${b.disabled ? ' (disabled)' : ''}]`).join(' '));
  return parts.join('\n\n');
}
