// What /follow, /unfollow, /following and /settings share: they act on a server's stored state, for members
// with Manage Server. Discord hides them from others (the definition's default member permissions), but a
// server can override that, and a tampered payload can claim anything: each is checked again here, from the
// member's permissions as the interaction carries them.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import {
  defineCommand,
  type ArgumentsOf,
  type CommandContext,
  type CommandSpec,
  type OptionSpecs,
  type SlashCommand,
} from '../../src/command.js';
import type { Library } from '../../src/library/library.js';
import type { GuildContext } from '../../src/guild.js';
import { COLORS, notice, reply, type Reply } from '../../src/render/reply.js';

export const channelOption = {
  type: ApplicationCommandOptionType.Channel,
  description: 'The channel where new fact sheets are announced',
  required: true,
} as const;

/** The server's state when the member may change it, or the notice saying why not. */
export function managedGuild(
  context: CommandContext,
): { guild: GuildContext; refused: null } | { guild?: undefined; refused: Reply } {
  const guild = context.guild;
  if (!guild)
    return {
      refused: notice(
        'Only in a server',
        'This command works in a server where the bot is installed and keeps its settings in a database.',
      ),
    };
  if (!guild.canManage)
    return { refused: notice('Manage Server needed', 'Only members with the Manage Server permission can do this.') };
  return { guild, refused: null };
}

/** "<#id>": Discord shows the channel's name; a channel mention pings nobody. */
/**
 * A command for a server's managers: hidden from other members, private by default, and run only with the
 * server's state once the member is checked again (`managedGuild`).
 */
export function defineManagerCommand<O extends OptionSpecs>(
  spec: Omit<CommandSpec<O>, 'run' | 'forManagers' | 'privateByDefault'> & {
    manage: (library: Library, args: ArgumentsOf<O>, guild: GuildContext) => Reply;
  },
): SlashCommand {
  const { manage, ...rest } = spec;
  return defineCommand<O>({
    ...rest,
    forManagers: true,
    privateByDefault: true,
    run(library, args, context) {
      const { guild, refused } = managedGuild(context);
      return refused ?? manage(library, args, guild);
    },
  });
}

export const channelMention = (channelId: string) => `<#${channelId}>`;

/** A private confirmation of what was changed. */
export function done(title: string, description: string): Reply {
  return reply([{ title, description, color: COLORS.answer }], { ephemeral: true });
}
