// Discord's contract for what the bot sends: the Zod schemas generated from Discord's OpenAPI spec, plus the
// documented limits the schema leaves out. Used by the command tests and by the local Discord stand-in.
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  ApplicationCommandUpdateRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from 'discord-api-spec/zod';
import { InteractionResponseType, type APIEmbed, type APIInteractionResponse } from 'discord-api-types/v10';
import { expect } from 'vitest';

function zodProblems(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string; code?: string }> };
}): string[] {
  return result.success
    ? []
    : result.error!.issues.map((i) => `${i.path.map(String).join('.')}: ${i.code ?? ''} ${i.message}`);
}

function embedChars(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * A deferral: type 5 (a message follows; data holds at most its flags, 64 for private) or type 6 (the button's
 * message will be updated; no data).
 */
function deferralProblems(response: APIInteractionResponse): string[] {
  const data = (response as { data?: unknown }).data;
  if (data === undefined) return [];
  if (response.type === InteractionResponseType.DeferredChannelMessageWithSource) {
    const problems = zodProblems(CreateMessageInteractionCallbackRequestSchema.safeParse(response));
    const fields = Object.keys(data as object);
    if (fields.some((f) => f !== 'flags'))
      problems.push(`data: a deferral carries only flags, not ${fields.join(', ')}`);
    return problems;
  }
  return ['data: a deferred update carries no data'];
}

/** Problems with an interaction callback body (type 4 or 7 message, 5 or 6 deferral, 8 autocomplete); [] when valid. */
export function responseProblems(body: unknown): string[] {
  const response = body as APIInteractionResponse;
  if (
    response?.type === InteractionResponseType.DeferredChannelMessageWithSource ||
    response?.type === InteractionResponseType.DeferredMessageUpdate
  )
    return deferralProblems(response);
  if (response?.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
    const problems = zodProblems(ApplicationCommandAutocompleteCallbackRequestSchema.safeParse(body));
    const choices = response.data.choices ?? [];
    if (choices.length > 25) problems.push(`data.choices: ${choices.length} choices, at most 25`);
    choices.forEach((c, i) => {
      if (c.name.length < 1 || c.name.length > 100)
        problems.push(`data.choices.${i}.name: length ${c.name.length}, must be 1-100`);
      if (String(c.value).length < 1 || String(c.value).length > 100)
        problems.push(`data.choices.${i}.value: length ${String(c.value).length}, must be 1-100`);
    });
    return problems;
  }
  if (response?.type === InteractionResponseType.UpdateMessage) {
    // An update may leave out what it does not change, but what it sends keeps the same limits.
    const problems = zodProblems(UpdateMessageInteractionCallbackRequestSchema.safeParse(body));
    problems.push(
      ...messageProblems({ allowed_mentions: { parse: [] }, ...response.data }).filter(
        (p) => !p.startsWith('message has no'),
      ),
    );
    return problems;
  }
  if (response?.type !== InteractionResponseType.ChannelMessageWithSource)
    return [
      `type ${String((response as { type?: unknown })?.type)} is not a message (4), update (7), deferral (5, 6) or autocomplete (8) response`,
    ];
  const problems = zodProblems(CreateMessageInteractionCallbackRequestSchema.safeParse(body));
  problems.push(...messageProblems(response.data));
  return problems;
}

/** Limits a message body must keep beyond the schema: 6,000 characters across embeds, non-empty fields, no pings. */
export function messageProblems(
  data: { embeds?: APIEmbed[]; allowed_mentions?: { parse?: string[] }; content?: string } | undefined,
): string[] {
  const problems: string[] = [];
  const embeds = data?.embeds ?? [];
  const total = embeds.reduce((n, e) => n + embedChars(e), 0);
  if (total > 6000) problems.push(`embeds: ${total} characters in all, at most 6000`);
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length}, at most 10`);
  embeds.forEach((e, i) => {
    if (!e.title && !e.description && !e.fields?.length) problems.push(`embeds.${i}: empty embed`);
    (e.fields ?? []).forEach((f, j) => {
      if (!f.name.trim()) problems.push(`embeds.${i}.fields.${j}.name: empty`);
      if (!f.value.trim()) problems.push(`embeds.${i}.fields.${j}.value: empty`);
    });
  });
  if (!data?.content && embeds.length === 0) problems.push('message has no content and no embeds');
  if (!data?.allowed_mentions || (data.allowed_mentions.parse ?? []).length > 0)
    problems.push('allowed_mentions must be { parse: [] }');
  return problems;
}

export function commandDefinitionProblems(definition: unknown): string[] {
  // discord.js sends default_member_permissions as a string; the spec says integer: a known quirk.
  const copy = { ...(definition as Record<string, unknown>) };
  if (typeof copy.default_member_permissions === 'string')
    copy.default_member_permissions = Number(copy.default_member_permissions);
  return zodProblems(ApplicationCommandUpdateRequestSchema.safeParse(copy));
}

export function expectValidResponse(body: unknown): void {
  expect(responseProblems(body)).toEqual([]);
}
