// The handler's side of a server's stored state (./guild.ts): before a command runs, the server's settings
// (cached, so a command does not wait on the database) fill in the options the asker left out, and a command
// that reads the subscriptions gets them; after it runs, the change it asked for is saved before the reply goes.
// The database being away costs only these: other commands answer with the defaults, and a change that cannot
// be saved is a notice saying so, never a reply claiming it was saved.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { Command } from './command.js';
import { DEFAULT_SETTINGS, type GuildChange, type GuildContext, type GuildSettings, type GuildStore } from './guild.js';
import { notice } from './render/reply.js';

/** How long a command waits for the database before it answers without it. */
export const DATABASE_WAIT_MS = 1000;

export interface PreparedGuild {
  /** The interaction with the server's defaults filled in where the asker gave no value. */
  interaction: APIInteraction;
  guild?: GuildContext;
  /** Saves the change the command asked for; the response, or a notice when it could not be saved. */
  finish(response: APIInteractionResponse | null): Promise<APIInteractionResponse | null>;
}

/**
 * How long a deferral waits for the server's settings: it goes at the end of Discord's window, so it takes the
 * cached settings (read by the command it stands for) and never waits long on the database.
 */
const DEFERRAL_WAIT_MS = 100;

function withinWait<T>(work: Promise<T>, waitMs = DATABASE_WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database in ${waitMs} ms`)), waitMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Manage Server, or Administrator (which holds every permission), from the permissions Discord computed. */
export function canManage(interaction: APIInteraction): boolean {
  const text = interaction.member?.permissions;
  if (typeof text !== 'string' || !/^\d{1,30}$/.test(text)) return false;
  const bits = BigInt(text);
  return (bits & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
}

const forManagers = (command: Command | undefined) =>
  command?.kind === 'slash' && command.definition.default_member_permissions != null;

async function settingsOf(store: GuildStore, guildId: string, log: Logger, waitMs?: number): Promise<GuildSettings> {
  try {
    return await withinWait(store.settings(guildId), waitMs);
  } catch (error) {
    log.debug({ err: error, guild: guildId }, 'database unavailable; answering with the default settings');
    return DEFAULT_SETTINGS;
  }
}

/**
 * The interaction as its command will run it, the server's defaults filled in: what a deferral, sent before the
 * reply exists, reads to be private exactly when the reply will be. Never throws.
 */
export async function withServerDefaults(
  store: GuildStore | undefined,
  interaction: APIInteraction,
  command: Command | undefined,
  log: Logger,
): Promise<APIInteraction> {
  const guildId = interaction.guild_id;
  if (!store || !guildId || interaction.type !== InteractionType.ApplicationCommand) return interaction;
  return withDefaults(interaction, command, await settingsOf(store, guildId, log, DEFERRAL_WAIT_MS));
}

/** Reads the server's state a command needs, and fills in its defaults. Never throws. */
export async function prepareGuild(
  store: GuildStore | undefined,
  interaction: APIInteraction,
  command: Command | undefined,
  log: Logger,
): Promise<PreparedGuild> {
  const guildId = interaction.guild_id;
  const unchanged: PreparedGuild = { interaction, finish: (response) => Promise.resolve(response) };
  if (!store || !guildId || interaction.type !== InteractionType.ApplicationCommand) return unchanged;
  const settings = await settingsOf(store, guildId, log);
  if (!forManagers(command)) return { ...unchanged, interaction: withDefaults(interaction, command, settings) };
  let subscriptions: GuildContext['subscriptions'] = null;
  if (command?.kind === 'slash' && command.readsSubscriptions) {
    subscriptions = await withinWait(store.subscriptions(guildId)).catch((error: unknown) => {
      log.warn({ err: error, guild: guildId }, 'could not read the subscriptions');
      return null;
    });
  }
  const changes: GuildChange[] = [];
  const guild: GuildContext = {
    guildId,
    canManage: canManage(interaction),
    settings,
    subscriptions,
    request: (change) => void changes.push(change),
  };
  return { interaction, guild, finish: (response) => saved(store, guildId, changes, response, log) };
}

async function saved(
  store: GuildStore,
  guildId: string,
  changes: GuildChange[],
  response: APIInteractionResponse | null,
  log: Logger,
): Promise<APIInteractionResponse | null> {
  try {
    for (const change of changes) await withinWait(store.apply(guildId, change, Date.now()));
    return response;
  } catch (error) {
    log.warn({ err: error, guild: guildId, changes: changes.map((c) => c.kind) }, 'could not save a change');
    return {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: notice('Not saved', 'The bot could not reach its database, so nothing was changed. Please try again.'),
    };
  }
}

/** The `private` and `document` options a command declares, filled with the server's settings when not given. */
function withDefaults(
  interaction: APIInteraction,
  command: Command | undefined,
  settings: GuildSettings,
): APIInteraction {
  if (command?.kind !== 'slash' || interaction.type !== InteractionType.ApplicationCommand) return interaction;
  if (interaction.data.type !== ApplicationCommandType.ChatInput) return interaction;
  const declared = new Set((command.definition.options ?? []).map((o) => o.name));
  const given = Array.isArray(interaction.data.options) ? interaction.data.options : [];
  const has = (name: string) => given.some((o) => o.name === name);
  const added: APIApplicationCommandInteractionDataOption[] = [];
  if (settings.privateReplies && declared.has('private') && !has('private'))
    added.push({ name: 'private', type: ApplicationCommandOptionType.Boolean, value: true });
  if (settings.defaultDocument && declared.has('document') && !has('document'))
    added.push({ name: 'document', type: ApplicationCommandOptionType.String, value: settings.defaultDocument });
  if (added.length === 0) return interaction;
  return { ...interaction, data: { ...interaction.data, options: [...given, ...added] } };
}
