// /following: the channels of this server that follow new fact sheets, each with its words, since when, and
// why it is paused when Discord refused a post there.
import type { Subscription } from '../src/guild.js';
import { notice } from '../src/render/reply.js';
import { escapeUserText, truncate } from '../src/render/text.js';
import { channelMention, done, defineManagerCommand } from './shared/guild.js';

/** "#news · only “tariffs” · since 2025-05-01 · paused: the bot may not post there (Missing Permissions)" */
function line(subscription: Subscription): string {
  const parts = [channelMention(subscription.channelId)];
  parts.push(subscription.words ? `only “${escapeUserText(truncate(subscription.words, 200))}”` : 'every fact sheet');
  parts.push(`since ${new Date(subscription.createdAt).toISOString().slice(0, 10)}`);
  if (subscription.pausedReason)
    parts.push(`**paused**: ${escapeUserText(subscription.pausedReason)}; /follow again to resume`);
  return parts.join(' · ');
}

export const following = defineManagerCommand({
  name: 'following',
  description: 'The channels that announce new fact sheets (Manage Server)',
  example: '/following',
  options: {},
  readsSubscriptions: true,
  manage(_library, _args, guild) {
    if (!guild.subscriptions)
      return notice('Not available right now', 'The bot could not read its database. Please try again.');
    if (guild.subscriptions.length === 0)
      return done('Following', 'No channel follows new fact sheets. Use /follow to choose one.');
    return done('Following', guild.subscriptions.map(line).join('\n'));
  },
});
