// End to end: the real bot process (`npm start`'s entry, real @discordjs/ws and @discordjs/rest) against the local
// Discord stand-in.
// Every body the bot sends is validated by the stand-in against Discord's OpenAPI schema; a violation fails here.
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitions } from '../../commands/index.js';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type Callback, type DiscordStandIn } from '../support/discord-stand-in.js';
import { ROOT } from '../support/documents.js';
import { runScriptAsync } from '../support/run.js';

const STRING = 3;
const BOOLEAN = 5;
const SEED = readFileSync(`${ROOT}seeds/border-security-and-immigration.txt`, 'utf8');

let standIn: DiscordStandIn;
let bot: BotProcess;

async function ask(
  name: string,
  options: Array<{ name: string; type: number; value: unknown; focused?: boolean }> = [],
  type: 2 | 4 = 2,
): Promise<Callback> {
  const id = standIn.dispatchInteraction(name, options, type);
  return standIn.waitForCallback(id);
}

const text = (callback: Callback) => JSON.stringify(callback.body);
const quoted = (callback: Callback) =>
  String((callback.body.data as { embeds: Array<{ description: string }> }).embeds[0]!.description)
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2).replace(/\*\*/g, ''));

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl }, { preload: './tests/support/preload-failing-search.ts' });
  await standIn.waitForReady();
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

function deployEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DOTENV_CONFIG_PATH: '/nonexistent',
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    ...settings,
  };
}

describe('deploy-commands against the stand-in', () => {
  it('registers exactly the definitions the bot runs, valid by Discord’s schema, globally or in one server', async () => {
    const env = {
      ...process.env,
      DOTENV_CONFIG_PATH: '/nonexistent',
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: standIn.applicationId,
      DISCORD_API_URL: standIn.apiUrl,
    };
    const global = await runScriptAsync('src/deploy-commands.ts', [], { env: { ...env, DISCORD_GUILD_ID: '' } });
    expect(global.stderr).toBe('');
    expect(global.status).toBe(0);
    expect(global.stdout).toContain(`Registered ${definitions.length} commands globally`);
    expect(global.stdout).toContain('“Check against documents”: in a message’s Apps menu');
    expect(global.stdout).toContain('/stat (document, query, after, before, private)');
    expect(global.stdout).toContain('/search (query, document, preview, after, before, private)');
    expect(standIn.registered).toEqual(JSON.parse(JSON.stringify(definitions)));
    expect(
      standIn.requests.some(
        (r) => r.method === 'PUT' && r.path === `/api/v10/applications/${standIn.applicationId}/commands`,
      ),
    ).toBe(true);

    const guild = await runScriptAsync('src/deploy-commands.ts', [], {
      env: { ...env, DISCORD_GUILD_ID: '910000000000000000' },
    });
    expect(guild.status).toBe(0);
    expect(guild.stdout).toContain('in server 910000000000000000');
    expect(
      standIn.requests.some(
        (r) => r.path === `/api/v10/applications/${standIn.applicationId}/guilds/910000000000000000/commands`,
      ),
    ).toBe(true);
    expect(guild.stdout + global.stdout).not.toContain(TEST_TOKEN);
    expect(standIn.violations).toEqual([]);
  });

  it('registers every command for server and user installs, usable in servers, DMs and group DMs', async () => {
    const ran = await runScriptAsync('src/deploy-commands.ts', [], { env: deployEnv({ DISCORD_GUILD_ID: '' }) });
    expect(ran.status).toBe(0);
    expect(standIn.registered).toHaveLength(definitions.length);
    for (const command of standIn.registered as Array<{
      name: string;
      integration_types: number[];
      contexts: number[];
      default_member_permissions?: string | null;
    }>) {
      // A server's own settings and announcements are for its managers, in the server only.
      const managers = command.default_member_permissions === String(1 << 5);
      expect({ name: command.name, integration_types: command.integration_types, contexts: command.contexts }).toEqual({
        name: command.name,
        integration_types: managers ? [0] : [0, 1], // guild install, user install
        contexts: managers ? [0] : [0, 1, 2], // server, DM with the bot, group DMs and other DMs
      });
    }
    expect(ran.stdout).toContain(
      "Installable to a server or a user's account; usable in servers, DMs with the bot, group DMs and other DMs.",
    );
  });

  it('--clear-guild removes the commands registered in DISCORD_GUILD_ID and leaves the global ones', async () => {
    const guild = { DISCORD_GUILD_ID: '910000000000000000' };
    await runScriptAsync('src/deploy-commands.ts', [], { env: deployEnv(guild) });
    expect(standIn.guildCommands.get('910000000000000000')).toHaveLength(definitions.length);
    const cleared = await runScriptAsync('src/deploy-commands.ts', ['--clear-guild'], { env: deployEnv(guild) });
    expect(cleared.stderr).toBe('');
    expect(cleared.status).toBe(0);
    expect(cleared.stdout).toBe(
      `Removed ${definitions.length} commands from server 910000000000000000: ${definitions.map((d) => `/${d.name}`).join(', ')}\n`,
    );
    expect(standIn.guildCommands.get('910000000000000000')).toEqual([]);
    expect(standIn.registered).toHaveLength(definitions.length);
    const again = await runScriptAsync('src/deploy-commands.ts', ['--clear-guild'], { env: deployEnv(guild) });
    expect(again.stdout).toBe('No commands were registered in server 910000000000000000; nothing to remove.\n');
    expect(standIn.violations).toEqual([]);
  });

  it('--clear-guild without DISCORD_GUILD_ID, or an unknown option, says so in one line', async () => {
    const noGuild = await runScriptAsync('src/deploy-commands.ts', ['--clear-guild'], {
      env: deployEnv({ DISCORD_GUILD_ID: '' }),
    });
    expect(noGuild.status).toBe(1);
    expect(noGuild.stderr).toBe(
      'deploy-commands: --clear-guild needs DISCORD_GUILD_ID: the server whose commands to remove\n',
    );
    const unknown = await runScriptAsync('src/deploy-commands.ts', ['--clear'], { env: deployEnv({}) });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'deploy-commands: unknown option --clear; usage: npm run deploy-commands [-- --clear-guild]\n',
    );
  });

  it('says in one line what is missing without a token or application id', async () => {
    const ran = await runScriptAsync('src/deploy-commands.ts', [], {
      env: { DOTENV_CONFIG_PATH: '/nonexistent', DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: '' },
    });
    expect(ran.status).toBe(1);
    expect(ran.stderr.trim().split('\n')).toEqual([
      'deploy-commands: DISCORD_CLIENT_ID is not set: deploy-commands needs the application id (README, "Discord setup")',
    ]);
  });
});

describe('npm start against the stand-in', () => {
  it('connects and identifies with the token and the Guilds intent only, as one shard', () => {
    expect(standIn.identifies[0]).toEqual({ token: TEST_TOKEN, intents: 1, shard: [0, 1] });
  });

  it('/stat query:homicides quotes "nearly 2,000" in bold, verbatim', async () => {
    const callback = await ask('stat', [{ name: 'query', type: STRING, value: 'homicides' }]);
    expect(callback.body.type).toBe(4);
    expect(text(callback)).toContain('**nearly 2,000** homicides');
    for (const line of quoted(callback)) expect(SEED).toContain(line);
  });

  it('/stat with no query lists every figure; /section quotes a section; no name lists the sections', async () => {
    expect(text(await ask('stat'))).toContain('**more than 120,000** — criminal aliens');
    const section = await ask('section', [{ name: 'name', type: STRING, value: 'Saving American Lives' }]);
    expect(text(section)).toContain('Section 2 of 3 · Border Security and Immigration');
    const lines = quoted(section);
    expect(lines.length).toBe(8);
    for (const line of lines) expect(SEED).toContain(line);
    expect(text(await ask('section'))).toContain('3. Reforming Our Immigration System to Put America First');
  });

  it('/quote posts a verbatim excerpt; private:true is ephemeral', async () => {
    const callback = await ask('quote', [
      { name: 'section', type: STRING, value: 'securing-our-border' },
      { name: 'private', type: BOOLEAN, value: true },
    ]);
    expect((callback.body.data as { flags: number }).flags).toBe(MessageFlags.Ephemeral);
    for (const line of quoted(callback)) expect(SEED).toContain(line);
  });

  it('answers in a DM with the bot and in a group DM reached through a user install', async () => {
    for (const where of ['dm', 'private'] as const) {
      const id = standIn.dispatchInteraction(
        'stat',
        [{ name: 'query', type: STRING, value: 'homicides' }],
        2,
        undefined,
        where,
      );
      expect(text(await standIn.waitForCallback(id))).toContain('**nearly 2,000** homicides');
      const search = standIn.dispatchInteraction(
        'search',
        [{ name: 'query', type: STRING, value: 'border' }],
        2,
        undefined,
        where,
      );
      expect((await standIn.waitForCallback(search)).body.type).toBe(4);
    }
    expect(standIn.violations).toEqual([]);
  });

  it('answers every autocomplete', async () => {
    expect((await ask('section', [{ name: 'name', type: STRING, value: 'sav', focused: true }], 4)).body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Saving American Lives', value: 'saving-american-lives' }] },
    });
    expect(text(await ask('stat', [{ name: 'query', type: STRING, value: 'homic', focused: true }], 4))).toContain(
      'nearly 2,000 — homicides',
    );
    expect(text(await ask('quote', [{ name: 'section', type: STRING, value: '', focused: true }], 4))).toContain(
      'Securing Our Border',
    );
  });

  it('a command that throws gets an ephemeral "something went wrong", and the bot lives on', async () => {
    const callback = await ask('stat', [{ name: 'query', type: STRING, value: 'explode-now' }]);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral, embeds: [{ title: 'Something went wrong' }] },
    });
    await bot.waitForLog((l) => l.msg === 'command failed');
    expect(text(await ask('stat', [{ name: 'query', type: STRING, value: 'wall' }]))).toContain('**more than 100**');
  });

  it('a 429 on the callback is retried and delivered', async () => {
    standIn.failNext(/^POST \/api\/v10\/interactions\/\d+\/[^/]+\/callback$/, 429, { retryAfter: 0.3 });
    const callback = await ask('stat', [{ name: 'query', type: STRING, value: 'troops' }]);
    expect(text(callback)).toContain('**thousands**');
    const attempts = standIn.requests.filter((r) => r.path.includes(`/interactions/${callback.interactionId}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
  });

  it('a reply held by three 429s of 1 s is deferred within 3 s and edited in', async () => {
    const callbackRoute = /^POST \/api\/v10\/interactions\/\d+\/[^/]+\/callback$/;
    standIn.failNext(callbackRoute, 429, { times: 3, retryAfter: 1 });
    const id = standIn.dispatchInteraction('stat', [{ name: 'query', type: STRING, value: 'troops' }]);
    const callback = await standIn.waitForCallback(id);
    expect(callback.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect(callback.latency).toBeLessThan(3000);
    const token = standIn.tokenOf(id);
    const deadline = Date.now() + 10_000;
    while (standIn.edits(token).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(JSON.stringify(standIn.edits(token)[0]?.body)).toContain('**thousands**');
    const attempts = standIn.requests.filter((r) => r.path.includes(`/interactions/${id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 429, 204]);
    // Never "Unknown interaction" (10062): nothing reached Discord after its window.
    expect(standIn.requests.filter((r) => r.path.includes(token)).map((r) => r.status)).not.toContain(404);
    expect(standIn.violations).toEqual([]);
  });

  it('a 429 that outlasts the window even for a deferral is logged as lost, with nothing sent too late', async () => {
    standIn.failNext(/callback$/, 429, { times: 3, retryAfter: 3 });
    const id = standIn.dispatchInteraction('stat', [{ name: 'query', type: STRING, value: 'troops' }]);
    const failure = await bot.waitForLog((l) => l.msg === 'could not deliver the response' && l.interaction === id);
    expect(JSON.stringify(failure.err)).toContain('past Discord');
    standIn.clearFaults();
    // The reply, then the deferral at once; neither retried past the window (Discord would answer 10062).
    const attempts = standIn.requests.filter((r) => r.path.includes(`/interactions/${id}/`));
    expect(attempts.map((r) => (r.body as { type: number }).type)).toEqual([4, 5]);
    expect(attempts.map((r) => r.status)).toEqual([429, 429]);
    expect(standIn.violations).toEqual([]);
  });

  it('a 500 once is retried and delivered; 500s throughout are logged and the bot lives on', async () => {
    standIn.failNext(/callback$/, 500, { times: 1 });
    expect(text(await ask('stat', [{ name: 'query', type: STRING, value: 'burglaries' }]))).toContain(
      '**more than 10,000**',
    );
    standIn.failNext(/callback$/, 500, { times: 100 });
    const id = standIn.dispatchInteraction('stat', [{ name: 'query', type: STRING, value: 'assaults' }]);
    const failure = await bot.waitForLog(
      (l) => l.msg === 'could not deliver the response' && l.interaction === id,
      20_000,
    );
    expect(failure.level).toBe(50);
    standIn.clearFaults();
    expect(text(await ask('section', [{ name: 'name', type: STRING, value: 'border' }]))).toContain(
      'Securing Our Border',
    );
  }, 30_000);

  // Each kind of dropped connection: the bot resumes (or re-identifies) and answers; an interaction sent
  // while it was down is answered after the resume.
  const drops: Array<[string, () => void, 'resume' | 'identify']> = [
    ['TCP drop (terminate)', () => standIn.terminate(), 'resume'],
    ['close 4000', () => standIn.close(4000), 'resume'],
    ['op 7 reconnect', () => standIn.requestReconnect(), 'resume'],
    ['op 9 invalid session, resumable', () => standIn.invalidateSession(true), 'resume'],
    ['close 1000', () => standIn.close(1000), 'identify'],
    ['op 9 invalid session, not resumable', () => standIn.invalidateSession(false), 'identify'],
    // Last: a heartbeat sent just before acknowledgements resume can still count as missed a beat later, and
    // the resume that follows would land in the next test (a close 1000 once saw a resume, not an identify).
    ['heartbeats no longer acknowledged', () => (standIn.heartbeatsAcked = false), 'resume'],
  ];
  for (const [label, drop, expected] of drops) {
    it(`after ${label}, it ${expected === 'resume' ? 'resumes' : 're-identifies'} and answers`, async () => {
      const resumes = standIn.resumes.length;
      const identifies = standIn.identifies.length;
      drop();
      // Sent while the connection is going down: delivered on RESUME, or (after a new session) lost as on Discord.
      const during =
        expected === 'resume'
          ? standIn.dispatchInteraction('stat', [{ name: 'query', type: STRING, value: 'apprehensions' }])
          : null;
      if (label.startsWith('heartbeats')) await new Promise((r) => setTimeout(r, 2500));
      standIn.heartbeatsAcked = true;
      await new Promise((r) => setTimeout(r, 50));
      await standIn.waitForReady();
      if (expected === 'resume') expect(standIn.resumes.length).toBeGreaterThan(resumes);
      else expect(standIn.identifies.length).toBeGreaterThan(identifies);
      if (during) expect(text(await standIn.waitForCallback(during))).toContain('**75%**');
      expect(text(await ask('stat', [{ name: 'query', type: STRING, value: 'homicides' }]))).toContain(
        '**nearly 2,000**',
      );
    }, 30_000);
  }

  it('records latency (dispatch -> callback) and memory; asserts nothing about speed', async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 100; i++)
      latencies.push(
        (await ask('stat', [{ name: 'query', type: STRING, value: i % 2 ? 'homicides' : 'wall' }])).latency,
      );
    latencies.sort((a, b) => a - b);
    const median = latencies[50]!;
    const p99 = latencies[98]!;
    console.log(
      `end to end, 100 /stat interactions: latency median ${median.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms; bot RSS ${rssOf(bot.child.pid!).toFixed(0)} MB`,
    );
    expect(latencies).toHaveLength(100);
  });

  it('never writes the token to its output, and nothing it sent broke Discord’s rules', () => {
    expect(bot.output()).not.toContain(TEST_TOKEN);
    expect(bot.output()).not.toContain(TEST_TOKEN.split('.')[2]);
    expect(standIn.violations).toEqual([]);
  });

  it('SIGTERM closes the connection and exits 0 within 5 s', async () => {
    const { code, ms } = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    expect(bot.output()).toContain('"msg":"shutting down"');
  });
});
