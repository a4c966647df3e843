// /unfollow channel:<channel>: no more announcements in that channel.
import { notice } from '../src/render/reply.js';
import { channelMention, channelOption, done, defineManagerCommand } from './shared/guild.js';

export const unfollow = defineManagerCommand({
  name: 'unfollow',
  description: 'Stop announcing new fact sheets in a channel (Manage Server)',
  example: '/unfollow channel:#news',
  options: { channel: { ...channelOption, description: 'The channel that should stop getting announcements' } },
  readsSubscriptions: true,
  manage(_library, args, guild) {
    const channelId = args.channel ?? '';
    if (guild.subscriptions && !guild.subscriptions.some((s) => s.channelId === channelId))
      return notice('Not following', `${channelMention(channelId)} does not follow new fact sheets.`);
    guild.request({ kind: 'unfollow', channelId });
    return done('Unfollowed', `${channelMention(channelId)} will get no more announcements.`);
  },
});
