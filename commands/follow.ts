// /follow channel:<channel> [words:<filter>]: new and updated fact sheets are announced in that channel from
// now on (nothing older), only those whose title or text holds the words when given. Following a channel
// again changes its words and resumes it if it was paused.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { escapeUserText } from '../src/render/text.js';
import { channelMention, channelOption, done, defineManagerCommand } from './shared/guild.js';

export const follow = defineManagerCommand({
  name: 'follow',
  description: 'Announce new fact sheets in a channel (Manage Server)',
  example: '/follow channel:#news words:tariffs',
  options: {
    channel: channelOption,
    words: {
      type: ApplicationCommandOptionType.String,
      description: 'Only fact sheets whose title or text holds these words',
      maxLength: 200,
    },
  },
  manage(_library, args, guild) {
    const channelId = args.channel ?? '';
    guild.request({ kind: 'follow', channelId, words: args.words ?? null });
    const which = args.words ? `those that mention “${escapeUserText(args.words)}”` : 'every one';
    return done(
      'Following',
      `${channelMention(channelId)} will get new and updated fact sheets from now on: ${which}. ` +
        'The bot needs permission to send messages and embed links there.',
    );
  },
});
