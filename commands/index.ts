// The command registry: every command the bot runs. Entry points (src/main.ts, src/console.ts) hand it to the
// transports; the deploy script registers exactly these definitions.
import type { Command } from '../src/command.js';
import { documents } from './documents.js';
import { follow } from './follow.js';
import { following } from './following.js';
import { helpCommand } from './help.js';
import { check } from './check.js';
import { checkMessage } from './check-message.js';
import { quote } from './quote.js';
import { search } from './search.js';
import { section } from './section.js';
import { settings } from './settings.js';
import { stat } from './stat.js';
import { trend } from './trend.js';
import { unfollow } from './unfollow.js';

const listed: Command[] = [section, stat, trend, quote, search, check, checkMessage, documents];
// A server's own state, for its managers: announcements of new fact sheets and defaults for every command.
listed.push(follow, unfollow, following, settings);
// /help lists every command, itself included.
listed.push(helpCommand(() => listed));

export const commands: ReadonlyMap<string, Command> = new Map(listed.map((c) => [c.definition.name, c]));

export const definitions = [...commands.values()].map((c) => c.definition);
