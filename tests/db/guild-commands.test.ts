// /follow, /unfollow, /following and /settings through the real handler, on both databases: only members with
// Manage Server (declared in the definition, checked again at run time), saved before the reply goes, and a
// server's settings applied by every replica sharing the database.
import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { pause, subscriptionsOf } from '../../src/db/subscriptions.js';
import { onBothBackends } from './backends.js';
import { EVERYONE, GUILD, inGuild, MANAGE_GUILD, NEWS, replica } from './guild-helpers.js';

const text = (response: { data: unknown }) => JSON.stringify(response.data);

describe('definitions', () => {
  it('declares /follow, /unfollow, /following and /settings for Manage Server, in servers only', () => {
    for (const name of ['follow', 'unfollow', 'following', 'settings']) {
      const definition = commands.get(name)!.definition;
      expect(definition).toMatchObject({
        default_member_permissions: MANAGE_GUILD,
        contexts: [0],
        integration_types: [0],
      });
    }
    expect((commands.get('follow')!.definition as { options: unknown[] }).options[0]).toMatchObject({
      name: 'channel',
      type: 7,
      channel_types: [0, 5],
    });
  });
});

onBothBackends((under) => {
  it('refuses a member without Manage Server at run time, and saves nothing', async () => {
    const database = await under.open(await under.fresh());
    const { ask } = await replica(database);
    const reply = await ask(inGuild(`/follow channel:${NEWS}`, EVERYONE));
    expect(text(reply)).toContain('Manage Server needed');
    expect(reply.data.flags).toBe(MessageFlags.Ephemeral);
    expect(await subscriptionsOf(database.db, GUILD)).toEqual([]);
  });

  it('follows, shows the words and a paused reason in /following, and unfollows', async () => {
    const database = await under.open(await under.fresh());
    const { ask } = await replica(database);
    expect(text(await ask(inGuild(`/follow channel:${NEWS} words:tariffs`)))).toContain(`<#${NEWS}>`);
    expect(await subscriptionsOf(database.db, GUILD)).toMatchObject([{ channelId: NEWS, words: 'tariffs' }]);
    await pause(database.db, NEWS, 'the bot may not post there (Missing Permissions)');
    const listed = text(await ask(inGuild('/following')));
    expect(listed).toContain(`<#${NEWS}>`);
    expect(listed).toContain('only “tariffs”');
    expect(listed).toContain('**paused**: the bot may not post there (Missing Permissions)');
    expect(text(await ask(inGuild(`/unfollow channel:${NEWS}`)))).toContain('Unfollowed');
    expect(text(await ask(inGuild(`/unfollow channel:${NEWS}`)))).toContain('Not following');
    expect(text(await ask(inGuild('/following')))).toContain('No channel follows');
  });

  it('applies a server’s settings to every command, on every replica sharing the database', async () => {
    const target = await under.fresh();
    const [one, two] = [await replica(await under.open(target)), await replica(await under.open(target))];
    expect((await two.ask(inGuild('/stat query:homicides'))).data.flags).toBeUndefined();
    const saved = await one.ask(inGuild('/settings private_replies:true document:Border Security'));
    expect(text(saved)).toContain('Settings saved');
    // The other replica cached the defaults above: the change reaches it (NOTIFY on PostgreSQL, its own
    // cache's time to live otherwise, which a second process on SQLite would wait out; here one is told).
    if (under.backend === 'sqlite') two.guilds.cache.invalidate(GUILD);
    await expect
      .poll(async () => (await two.ask(inGuild('/stat query:homicides'))).data.flags)
      .toBe(MessageFlags.Ephemeral);
    expect((await two.ask(inGuild('/stat query:homicides private:false'))).data.flags).toBeUndefined();
    expect(text(await two.ask(inGuild('/settings')))).toContain('Border Security and Immigration');
    expect(text(await one.ask(inGuild('/settings all_documents:true private_replies:false')))).toContain(
      'every document',
    );
  });
});
