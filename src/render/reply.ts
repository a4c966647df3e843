// The one place that shapes a reply: flags, mention rules and Discord's limits.
import {
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APICommandAutocompleteInteractionResponseCallbackData,
  type APIEmbed,
} from 'discord-api-types/v10';
import type { Reply, ReplyFile } from '../command.js';
import { LIMITS } from './limits.js';
import { truncate } from './text.js';

export type { Reply, ReplyFile } from '../command.js';

/** Embed colour: a calm blue for answers, amber for notices ("not found", a bad query), red for failures. */
export const COLORS = { answer: 0x2b6cb0, notice: 0xd69e2e, error: 0xc53030 } as const;

export function reply(embeds: APIEmbed[], options: { ephemeral?: boolean } = {}): Reply {
  const data: Reply = {
    embeds: fitEmbeds(embeds),
    allowed_mentions: { parse: [] },
  };
  if (options.ephemeral) data.flags = MessageFlags.Ephemeral;
  return data;
}

/** A private note to the person who asked: a bad query, nothing to show, a button that no longer works. */
export function notice(title: string, description: string): Reply {
  return reply([{ title, description, color: COLORS.notice }], { ephemeral: true });
}

/** Keeps every embed within Discord's per-field limits and all embeds within 6,000 characters together. */
function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, LIMITS.embeds).map(fitEmbed);
  let total = fitted.reduce((n, e) => n + embedLength(e), 0);
  for (let i = fitted.length - 1; i >= 0 && total > LIMITS.embedsTotal; i--) {
    const embed = fitted[i]!;
    while (embed.fields?.length && total > LIMITS.embedsTotal) {
      const removed = embed.fields.pop()!;
      total -= removed.name.length + removed.value.length;
    }
    if (total > LIMITS.embedsTotal && embed.description) {
      const keep = Math.max(1, embed.description.length - (total - LIMITS.embedsTotal));
      const cut = truncate(embed.description, keep);
      total -= embed.description.length - cut.length;
      embed.description = cut;
    }
  }
  return fitted;
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle) || '…';
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription) || '…';
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footerText) || '…' };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) || '…' };
  if (out.fields) {
    out.fields = out.fields
      .filter((f) => f.name.trim() && f.value.trim())
      .slice(0, LIMITS.fields)
      .map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName), value: truncate(f.value, LIMITS.fieldValue) }));
  }
  return out;
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Autocomplete choices within Discord's rules: at most 25, names and values 1-100 characters, unique values. */
export function choices(
  list: Array<{ name: string; value: string }>,
): APICommandAutocompleteInteractionResponseCallbackData {
  const seen = new Set<string>();
  const out: APIApplicationCommandOptionChoice<string>[] = [];
  for (const { name, value } of list) {
    const fittedValue = [...value].slice(0, LIMITS.choiceValue).join('');
    const fittedName = truncate(name.replace(/\s+/g, ' ').trim(), LIMITS.choiceName);
    if (!fittedValue || !fittedName || seen.has(fittedValue)) continue;
    seen.add(fittedValue);
    out.push({ name: fittedName, value: fittedValue });
    if (out.length === LIMITS.choices) break;
  }
  return { choices: out };
}

/** A reply with files attached: the JSON's `attachments` give each its id (its place) and description. */
export function withFiles(data: Reply, files: ReplyFile[]): Reply {
  const attachments = files.map((file, id) => ({ id: String(id), filename: file.name, description: file.description }));
  return { ...data, attachments, files };
}
