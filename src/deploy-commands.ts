// npm run deploy-commands: registers exactly the command definitions the bot runs, in one server
// (DISCORD_GUILD_ID, instant) or globally. `-- --clear-guild` removes the commands registered in
// DISCORD_GUILD_ID instead, so moving from one test server to global registration leaves no duplicates there.
import { pathToFileURL } from 'node:url';
import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTGetAPIApplicationCommandsResult,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord-api-types/v10';
import { definitions } from '../commands/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { plural } from './render/text.js';

const USAGE = 'usage: npm run deploy-commands [-- --clear-guild]';

export async function deployCommands(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): Promise<number> {
  const unknown = argv.find((arg) => arg !== '--clear-guild');
  if (unknown) return fail(`unknown option ${unknown}; ${USAGE}`, 2);
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  if (!config.token)
    return fail('DISCORD_TOKEN is not set: deploy-commands needs the bot token (README, "Discord setup")');
  if (!config.clientId)
    return fail('DISCORD_CLIENT_ID is not set: deploy-commands needs the application id (README, "Discord setup")');
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  try {
    return argv.includes('--clear-guild')
      ? await clearGuild(rest, config.clientId, config.guildId)
      : await register(rest, config.clientId, config.guildId);
  } catch (error) {
    const message = (error as Error).message.split(config.token).join('[redacted]');
    return fail(`registration failed: ${message}`);
  }
}

async function register(rest: REST, clientId: string, guildId: Config['guildId']): Promise<number> {
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body: definitions })) as RESTPutAPIApplicationCommandsResult;
  const where = guildId ? `in server ${guildId} (available now)` : 'globally (may take up to an hour to appear)';
  process.stdout.write(`Registered ${plural(registered.length, 'command')} ${where}:\n`);
  for (const command of registered) {
    if (command.type === ApplicationCommandType.Message) {
      process.stdout.write(`  “${command.name}”: in a message’s Apps menu\n`);
      continue;
    }
    const options = (command.options ?? []).map((o) => o.name).join(', ');
    process.stdout.write(`  /${command.name}${options ? ` (${options})` : ''}: ${command.description}\n`);
  }
  const [first] = registered;
  if (first) process.stdout.write(`${whereUsable(first.integration_types, first.contexts)}\n`);
  return 0;
}

/** Registering an empty list is how Discord removes a scope's commands in one request. */
async function clearGuild(rest: REST, clientId: string, guildId: Config['guildId']): Promise<number> {
  if (!guildId) return fail('--clear-guild needs DISCORD_GUILD_ID: the server whose commands to remove');
  const route = Routes.applicationGuildCommands(clientId, guildId);
  const before = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
  if (before.length === 0) {
    process.stdout.write(`No commands were registered in server ${guildId}; nothing to remove.\n`);
    return 0;
  }
  await rest.put(route, { body: [] });
  const names = before.map((c) => `/${c.name}`).join(', ');
  process.stdout.write(`Removed ${plural(before.length, 'command')} from server ${guildId}: ${names}\n`);
  return 0;
}

/** One line saying where people can install and use what was registered, from what Discord stored. */
function whereUsable(
  integrationTypes: ApplicationIntegrationType[] | undefined,
  contexts: InteractionContextType[] | null | undefined,
): string {
  const installs = (integrationTypes ?? [ApplicationIntegrationType.GuildInstall]).map((type) =>
    type === ApplicationIntegrationType.UserInstall ? "a user's account" : 'a server',
  );
  const places = { [InteractionContextType.Guild]: 'servers', [InteractionContextType.BotDM]: 'DMs with the bot' };
  const usable = (contexts ?? []).map((context) => places[context as keyof typeof places] ?? 'group DMs and other DMs');
  return `Installable to ${installs.join(' or ')}; usable in ${usable.join(', ') || 'every context'}.`;
}

function fail(message: string, code = 1): number {
  process.stderr.write(`deploy-commands: ${message}\n`);
  return code;
}

// Run directly (not imported by a test): the file URL form also holds for paths that need encoding.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await deployCommands(process.env, process.argv.slice(2));
}
