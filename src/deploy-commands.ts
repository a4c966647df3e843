// npm run deploy-commands: registers exactly the command definitions the bot runs, in one server
// (DISCORD_GUILD_ID, instant) or globally.
import { pathToFileURL } from 'node:url';
import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import { ApplicationCommandType, type RESTPutAPIApplicationCommandsResult } from 'discord-api-types/v10';
import { definitions } from '../commands/index.js';
import { ConfigError, loadConfig } from './config.js';

export async function deployCommands(env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  try {
    const registered = (await rest.put(route, { body: definitions })) as RESTPutAPIApplicationCommandsResult;
    const where = config.guildId
      ? `in server ${config.guildId} (available now)`
      : 'globally (may take up to an hour to appear)';
    process.stdout.write(`Registered ${registered.length} command(s) ${where}:\n`);
    for (const command of registered) {
      if (command.type === ApplicationCommandType.Message) {
        process.stdout.write(`  “${command.name}”: in a message’s Apps menu\n`);
        continue;
      }
      const options = (command.options ?? []).map((o) => o.name).join(', ');
      process.stdout.write(`  /${command.name}${options ? ` (${options})` : ''}: ${command.description}\n`);
    }
    return 0;
  } catch (error) {
    const message = (error as Error).message.split(config.token).join('[redacted]');
    return fail(`registration failed: ${message}`);
  }
}

function fail(message: string): number {
  process.stderr.write(`deploy-commands: ${message}\n`);
  return 1;
}

// Run directly (not imported by a test): the file URL form also holds for paths that need encoding.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await deployCommands();
}
