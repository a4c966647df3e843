// "/stat query:sexual assaults private:true" -> the interaction Discord would send for it.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteraction,
} from 'discord-api-types/v10';
import { isSlashDefinition, type CommandDefinition } from '../command.js';

export class CommandLineError extends Error {}

/** The console's own flags: they go before the command line, where a quoted one would be read as option text. */
const CONSOLE_FLAG = /(?:^|\s)(--(?:json|autocomplete|seeds|help)\b)/;

export interface ParsedCommand {
  name: string;
  options: Array<{ name: string; value: string | boolean | number; type: ApplicationCommandOptionType }>;
}

/** Parses a command line against the registered definitions; throws CommandLineError with a helpful message. */
export function parseCommandLine(line: string, registered: readonly CommandDefinition[]): ParsedCommand {
  // A message command needs a message to act on: a command line names slash commands only.
  const definitions = registered.filter(isSlashDefinition);
  const trimmed = line.trim();
  const match = /^\/?([\w-]+)(?:\s+([\s\S]*))?$/.exec(trimmed);
  const names = definitions.map((d) => `/${d.name}`).join(', ');
  if (!match) throw new CommandLineError(`"${trimmed.slice(0, 60)}" is not a command; try ${names}`);
  const [, name, rest = ''] = match;
  const definition = definitions.find((d) => d.name === name!.toLowerCase());
  if (!definition) throw new CommandLineError(`unknown command /${name}; the commands are ${names}`);
  const flag = CONSOLE_FLAG.exec(rest)?.[1];
  if (flag) {
    throw new CommandLineError(
      `${flag} is an option of the console, not of /${definition.name}: give it before the command, as in npm run console -- ${flag} "/${definition.name} …"`,
    );
  }
  const known = definition.options ?? [];
  const optionNames = known.map((o) => o.name);
  const usage = `/${definition.name} ${known.map((o) => `${o.name}:<${o.type === ApplicationCommandOptionType.Boolean ? 'true|false' : 'text'}>`).join(' ')}`;
  const options: ParsedCommand['options'] = [];
  if (!rest.trim()) return { name: definition.name, options };
  const first = /^([\w-]+):/.exec(rest);
  if (!first || !optionNames.includes(first[1]!)) {
    const given = first ? first[1] : rest.trim().split(/\s+/)[0];
    throw new CommandLineError(`unknown option "${given}" for /${definition.name}; usage: ${usage}`);
  }
  // Split before each " known:" so values may hold spaces.
  const splitter = new RegExp(`(?:^|\\s+)(${optionNames.map((n) => n.replace(/[-]/g, '\\-')).join('|')}):`, 'g');
  const marks = [...rest.matchAll(splitter)];
  marks.forEach((mark, i) => {
    const optionName = mark[1]!;
    const start = mark.index + mark[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : rest.length;
    const raw = rest.slice(start, end).trim();
    const option = known.find((o) => o.name === optionName)!;
    if (options.some((o) => o.name === optionName))
      throw new CommandLineError(`option "${optionName}" is given twice; usage: ${usage}`);
    if (option.type === ApplicationCommandOptionType.Boolean) {
      const lower = raw.toLowerCase();
      if (!['true', 'false', 'yes', 'no'].includes(lower))
        throw new CommandLineError(`option "${optionName}" takes true or false, not "${raw.slice(0, 40)}"`);
      options.push({ name: optionName, value: lower === 'true' || lower === 'yes', type: option.type });
    } else {
      options.push({ name: optionName, value: raw, type: option.type });
    }
  });
  return { name: definition.name, options };
}

let sequence = 0;

/** The interaction payload Discord would send, as a chat-input command or (with `focused`) an autocomplete. */
export function toInteraction(
  parsed: ParsedCommand,
  kind: 'command' | 'autocomplete',
  channelId = 'console',
): APIInteraction {
  sequence++;
  const options = parsed.options.map((o, i) => ({
    name: o.name,
    type: o.type,
    value: o.value,
    ...(kind === 'autocomplete' && i === parsed.options.length - 1 ? { focused: true } : {}),
  })) as APIApplicationCommandInteractionDataBasicOption[];
  return {
    id: String(1_000_000_000_000_000n + BigInt(sequence)),
    application_id: '100000000000000000',
    type: kind === 'command' ? InteractionType.ApplicationCommand : InteractionType.ApplicationCommandAutocomplete,
    token: `console-${sequence}`,
    version: 1,
    channel_id: channelId,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 8_388_608,
    user: { id: '200000000000000000', username: 'console', discriminator: '0', global_name: 'Console', avatar: null },
    data: { id: '300000000000000000', name: parsed.name, type: ApplicationCommandType.ChatInput, options },
  } as unknown as APIInteraction;
}

/** The interaction Discord sends when a button of a reply is pressed; `message` is the reply it sits on. */
export function toButtonInteraction(customId: string, channelId = 'console', message?: object): APIInteraction {
  const base = toInteraction({ name: 'button', options: [] }, 'command', channelId) as unknown as Record<
    string,
    unknown
  >;
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    ...(message ? { message } : {}),
  } as unknown as APIInteraction;
}
