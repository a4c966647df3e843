// The database's faults: gone at start (one clear line naming the setting), gone during a run (commands keep
// answering, a change says it was not saved, announcements wait and are sent once when it is back), and a
// replica that died after posting but before marking the post sent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planAnnouncements } from '../../src/announce/plan.js';
import { restPoster } from '../../src/announce/post-message.js';
import { sendAnnouncements } from '../../src/announce/sender.js';
import { claim } from '../../src/db/announcements.js';
import { DatabaseUnavailable, openDatabase } from '../../src/db/open.js';
import { activeSubscriptions, follow } from '../../src/db/subscriptions.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { freePort } from '../support/free-port.js';
import { logLines } from '../support/log-lines.js';
import { findPostgres, POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { announceable } from './fact-sheets.js';
import { GUILD, inGuild, replica } from './guild-helpers.js';

const TOKEN = 'faults-token';
const T0 = Date.parse('2025-05-01T00:00:00Z');

describe('the database gone at start', () => {
  it('is one line naming DATABASE_URL, its password hidden', async () => {
    const port = await freePort();
    const error = await openDatabase({ databaseUrl: `postgres://bot:hunter2@127.0.0.1:${port}/factsheet` }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnavailable);
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^cannot open the database at DATABASE_URL \\(postgres://bot:\\*\\*\\*@127\\.0\\.0\\.1:${port}/factsheet\\): .+`,
      ),
    );
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });

  it('is one line naming DATA_DIR when SQLite cannot open its file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'factsheet-db-'));
    const notAFolder = join(folder, 'data');
    writeFileSync(notAFolder, 'a file where the folder should be');
    const error = await openDatabase({ dataDir: notAFolder }).catch((e: unknown) => e);
    rmSync(folder, { recursive: true, force: true });
    expect(error).toBeInstanceOf(DatabaseUnavailable);
    expect((error as Error).message).toMatch(/^cannot open the database at DATA_DIR \(.*data\/factsheet\.db\): .+/);
    expect((error as Error).message).not.toContain('\n');
  });
});

const postgres = findPostgres();
if (!postgres) console.warn(POSTGRES_MISSING);

describe.skipIf(!postgres)('PostgreSQL gone during a run', () => {
  let server: PostgresServer;
  let standIn: DiscordStandIn;
  beforeAll(async () => {
    [server, standIn] = await Promise.all([startPostgres(postgres!), startStandIn({ token: TOKEN })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([server?.remove(), standIn?.stop()]);
  }, 120_000);

  it('keeps commands answering, refuses to claim a change was saved, and sends waiting announcements once after', async () => {
    const database = await openDatabase({ databaseUrl: server.url });
    const channelId = '920000000000000777';
    await follow(database.db, { guildId: GUILD, channelId, words: null, createdAt: T0 });
    const { ask, guilds } = await replica(database);
    const items = [announceable('a', 'First', T0 + 1000)];
    const send = async () =>
      sendAnnouncements(planAnnouncements(items, await activeSubscriptions(database.db)), {
        db: database.db,
        post: restPoster(standIn.apiUrl, TOKEN),
        owner: 'a',
        log: logLines([]).log,
      });
    await server.stop();
    const stat = await ask(inGuild('/stat query:homicides'));
    expect(JSON.stringify(stat.data)).toContain('homicides');
    expect(stat.data.flags).toBeUndefined();
    expect(JSON.stringify((await ask(inGuild(`/follow channel:${channelId}`))).data)).toContain('Not saved');
    await expect(send()).rejects.toThrow();
    expect(standIn.channelMessages).toEqual([]);
    await server.restart();
    await expect
      .poll(
        () =>
          send().then(
            (r) => r.sent,
            () => -1,
          ),
        { timeout: 30_000 },
      )
      .toBe(1);
    expect((await send()).sent).toBe(0);
    expect(standIn.channelMessages).toHaveLength(1);
    await guilds.close();
    await database.close();
  });

  it('posts once when a replica died after posting and another finishes its lapsed claim', async () => {
    const database = await openDatabase({ databaseUrl: server.url });
    const channelId = '920000000000000888';
    await follow(database.db, { guildId: GUILD, channelId, words: null, createdAt: T0 });
    const items = [announceable('b', 'Second', T0 + 1000)];
    const subscriptions = (await activeSubscriptions(database.db)).filter((s) => s.channelId === channelId);
    const plans = planAnnouncements(items, subscriptions);
    const options = { db: database.db, post: restPoster(standIn.apiUrl, TOKEN), log: logLines([]).log };
    // The first replica posts, then dies before marking it sent: its claim is left unsent.
    const died = {
      ...options,
      owner: 'died',
      now: () => T0 + 2000,
      post: async (...args: Parameters<typeof options.post>) => {
        await options.post(...args);
        throw new Error('killed');
      },
    };
    await expect(sendAnnouncements(plans, died)).rejects.toThrow('killed');
    expect(await claim(database.db, { channelId, documentId: 'b', version: 'v1' }, 'x', T0 + 2001, 1)).toBe(false);
    // After its lease another replica finishes it; Discord's enforced nonce returns the first message.
    expect((await sendAnnouncements(plans, { ...options, owner: 'next', now: () => T0 + 2000 + 120_000 })).sent).toBe(
      1,
    );
    expect(standIn.channelMessages.filter((m) => m.channelId === channelId)).toHaveLength(1);
    await database.close();
  });
});
