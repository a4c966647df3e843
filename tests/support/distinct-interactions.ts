// Interactions as many different people send them: each from its own user, channel and server, with its own
// words, as Discord delivers them (a server member, a channel, a token of Discord's length). A mix of /stat,
// /search, /check, /quote, /section, autocomplete and page buttons, for the memory tests and the soak benchmark:
// nothing in it repeats, so any cache keyed by what arrives grows as far as it is allowed to.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  type APIInteraction,
} from 'discord-api-types/v10';
import { DISCORD_EPOCH } from '../../src/command.js';

const STRING = ApplicationCommandOptionType.String;
/** Words of the seed, so that part of every question is found and answered with quotes and buttons. */
const FOUND = ['homicides', 'border', 'apprehensions', 'arrests', 'burglaries', 'security', 'fentanyl', 'wall'];
// Consonants only: the stemmer leaves such words as they are, so each made-up word is its own term.
const LETTERS = 'bcdfghjklmnpqrtvwxz';
/** Discord's interaction tokens are about this long; a shorter one would understate what a held payload costs. */
const TOKEN_LENGTH = 180;

/** The nth made-up word ("zq" and n spelled in consonants): never a stopword, never in a document. */
export function madeUpWord(n: number, width = 5): string {
  let out = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / LETTERS.length)) out = LETTERS[n % LETTERS.length] + out;
  return `zq${out}`;
}

/** A snowflake made at `ms`, distinct for each `n` made in the same millisecond. */
function snowflake(ms: number, n: number): string {
  return String((BigInt(ms - DISCORD_EPOCH) << 22n) + BigInt(n % 4_194_304));
}

function token(n: number): string {
  const head = `aW50ZXJhY3Rpb246${n.toString(36)}:`;
  return head + 'x'.repeat(TOKEN_LENGTH - head.length);
}

/** What Discord sends for a member of a server: its own user, server and channel for every `n`. */
function from(n: number, now: number): Record<string, unknown> {
  const userId = String(700_000_000_000_000_000n + BigInt(n));
  const guildId = String(600_000_000_000_000_000n + BigInt(n));
  const channelId = String(500_000_000_000_000_000n + BigInt(n));
  const user = { id: userId, username: `reader${n}`, discriminator: '0', global_name: `Reader ${n}`, avatar: null };
  return {
    id: snowflake(now, n),
    application_id: '100000000000000000',
    token: token(n),
    version: 1,
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 26_214_400,
    guild_id: guildId,
    channel_id: channelId,
    channel: { id: channelId, type: 0, name: `channel-${n}`, guild_id: guildId },
    context: 0,
    authorizing_integration_owners: { '0': guildId },
    member: {
      user,
      roles: [],
      permissions: '2248473465835073',
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
    },
  };
}

function command(n: number, now: number, name: string, options: Array<[string, string]>, focused = false) {
  return {
    ...from(n, now),
    type: focused ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand,
    data: {
      id: '940000000000000000',
      name,
      type: ApplicationCommandType.ChatInput,
      options: options.map(([option, value], i) => ({
        name: option,
        type: STRING,
        value,
        ...(focused && i === options.length - 1 ? { focused: true } : {}),
      })),
    },
  };
}

/** A press of a /search reply's next-page button, on the message Discord keeps for that reply. */
function press(n: number, now: number, query: string): Record<string, unknown> {
  const base = from(n, now);
  const customId = `search:p:0:::=${query}`.slice(0, 100);
  const message = {
    id: snowflake(now - 1000, n),
    channel_id: base.channel_id,
    type: 0,
    content: '',
    author: { id: '100000000000000000', username: 'factsheets', discriminator: '0', global_name: null, avatar: null },
    embeds: [{ title: `Search: “${query}”`, description: `Results for ${query}` }],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: 2, label: 'Next', custom_id: customId }],
      },
    ],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date(now - 1000).toISOString(),
    edited_timestamp: null,
    flags: 0,
    interaction_metadata: { id: snowflake(now - 1001, n), type: 2, user: (base.member as { user: unknown }).user },
  };
  return { ...base, type: InteractionType.MessageComponent, data: { custom_id: customId, component_type: 2 }, message };
}

/** The kinds in the mix, in the order they cycle: commands, autocomplete as it is typed, and page buttons. */
export const KINDS = [
  '/stat',
  '/search',
  'autocomplete',
  '/check',
  'button',
  '/quote',
  '/section',
  '/stat all',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * The nth interaction of the mix, dated `now` (ms since 1970): every one from a new user, channel and server, and
 * every question holding a word no other question holds.
 */
export function distinctInteraction(n: number, now = Date.now()): { kind: Kind; payload: APIInteraction } {
  const kind = KINDS[n % KINDS.length]!;
  const word = madeUpWord(n);
  const found = FOUND[n % FOUND.length]!;
  const query = `${found} ${word}`;
  const payloads: Record<Kind, () => Record<string, unknown>> = {
    '/stat': () => command(n, now, 'stat', [['query', query]]),
    '/search': () => command(n, now, 'search', [['query', query]]),
    autocomplete: () => command(n, now, 'stat', [['query', `${word} ${found.slice(0, 1 + (n % found.length))}`]], true),
    '/check': () => command(n, now, 'check', [['claim', `There were ${n} ${found} and ${word} last year.`]]),
    button: () => press(n, now, query),
    '/quote': () => command(n, now, 'quote', []),
    '/section': () => command(n, now, 'section', [['name', `${found} ${word}`]]),
    '/stat all': () => command(n, now, 'stat', [['document', word]]),
  };
  return { kind, payload: payloads[kind]() as unknown as APIInteraction };
}
