// A server's commands through the real handler over a database: interactions as Discord sends them from a
// server, and one replica's handler.
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { onTestFinished } from 'vitest';
import { commands, definitions } from '../../commands/index.js';
import { sharedContext } from '../../src/command.js';
import { DatabaseGuildStore } from '../../src/db/guild-store.js';
import type { Database } from '../../src/db/open.js';
import { createInteractionHandler } from '../../src/transport/handler.js';
import { parseCommandLine, toInteraction } from '../../src/transport/parse-command.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { seedLibrary } from '../support/library.js';
import { logLines } from '../support/log-lines.js';

export const GUILD = '910000000000000000';
export const NEWS = '920000000000000005';
export const MANAGE_GUILD = String(1 << 5);
export const EVERYONE = String((1 << 10) | (1 << 11));

/** A command as Discord sends it from a server, by a member with these permissions. */
export function inGuild(line: string, permissions = MANAGE_GUILD): APIInteraction {
  const base = toInteraction(parseCommandLine(line, definitions), 'command', '920000000000000001') as unknown as {
    user: unknown;
  };
  const member = {
    user: base.user,
    roles: [],
    permissions,
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
  };
  return { ...base, user: undefined, guild_id: GUILD, member } as unknown as APIInteraction;
}

/** A handler (one replica) over the database; `ask` runs one command and returns its reply. */
export async function replica(database: Database) {
  const library = seedLibrary();
  const sent: APIInteractionResponse[] = [];
  const { log, lines } = logLines([]);
  const guilds = await DatabaseGuildStore.open(database);
  onTestFinished(() => guilds.close());
  const handle = createInteractionHandler(
    () => library,
    async (_i, response) => void sent.push(response),
    log,
    {
      commands,
      context: sharedContext({ random: () => 0 }),
      guilds,
    },
  );
  const ask = async (interaction: APIInteraction) => {
    await handle(interaction);
    const response = sent.at(-1)!;
    expectValidResponse(response);
    return response as APIInteractionResponse & {
      data: { flags?: number; embeds?: Array<{ title?: string; description?: string }> };
    };
  };
  return { ask, guilds, lines };
}
