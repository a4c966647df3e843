// /unfollow channel:<channel>: no more announcements in that channel.
import { defineCommand } from '../src/command.js';
import { notice } from '../src/render/reply.js';
import { channelMention, channelOption, done, managedGuild } from './shared/guild.js';

export const unfollow = defineCommand({
  name: 'unfollow',
  description: 'Stop announcing new fact sheets in a channel (Manage Server)',
  example: '/unfollow channel:#news',
  options: { channel: { ...channelOption, description: 'The channel that should stop getting announcements' } },
  forManagers: true,
  privateByDefault: true,
  readsSubscriptions: true,
  run(_library, args, context) {
    const { guild, refused } = managedGuild(context);
    if (refused) return refused;
    const channelId = args.channel ?? '';
    if (guild.subscriptions && !guild.subscriptions.some((s) => s.channelId === channelId))
      return notice('Not following', `${channelMention(channelId)} does not follow new fact sheets.`);
    guild.request({ kind: 'unfollow', channelId });
    return done('Unfollowed', `${channelMention(channelId)} will get no more announcements.`);
  },
});
