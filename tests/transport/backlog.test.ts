// The handler's queue (src/transport/backlog.ts) through the handler itself: a slowed command from a test registry
// (it moves a fake clock on, so nothing here waits for real time), interactions dated by realistic snowflake ids,
// and a fake send and webhook that record when, on that clock, each response went.
import { Writable } from 'node:stream';
import {
  ApplicationCommandOptionType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { defineCommand, sharedContext, type Command } from '../../src/command.js';
import { DEFAULT_SETTINGS, type GuildStore } from '../../src/guild.js';
import { createLogger } from '../../src/log.js';
import { reply } from '../../src/render/reply.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { Store } from '../../src/store/store.js';
import { DEFER_AT_MS, WINDOW_MS } from '../../src/transport/backlog.js';
import { createInteractionHandler } from '../../src/transport/handler.js';
import { parseCommandLine, toInteraction } from '../../src/transport/parse-command.js';
import { EVENT_DEADLINE_MS } from '../support/deadline.js';
import { seedLibrary } from '../support/library.js';

const RUN_MS = 250;
const START = Date.UTC(2026, 0, 1);

/** A registry of two commands that each take `cost` ms of the fake clock: one public, one private by default. */
function slowRegistry(clock: { now: number; cost: number }, ran: string[]) {
  const slow = (name: string, privateByDefault: boolean): Command =>
    defineCommand({
      name,
      description: 'Takes a while',
      privateByDefault,
      options: {
        query: { type: ApplicationCommandOptionType.String, description: 'Anything', autocomplete: true },
        private: { type: ApplicationCommandOptionType.Boolean, description: 'Only you see the reply' },
      },
      run(_library, args) {
        clock.now += clock.cost;
        ran.push(args.query ?? '');
        return reply([{ title: `answer ${args.query}` }], { ephemeral: args.private ?? privateByDefault });
      },
      autocomplete: (_library, focused) => ({ choices: [{ name: focused.value, value: focused.value }] }),
      component(_library, customId) {
        clock.now += clock.cost;
        ran.push(customId);
        return { type: InteractionResponseType.UpdateMessage, data: { content: `pressed ${customId}` } };
      },
    });
  return new Map([
    ['slow', slow('slow', false)],
    ['secret', slow('secret', true)],
  ]);
}

/** A snowflake id dated `at` (ms since 1970), as Discord makes them. */
function snowflake(at: number, n: number): string {
  return String((BigInt(at - 1420070400000) << 22n) + BigInt(n));
}

interface Sent {
  id: string;
  at: number;
  type: InteractionResponseType;
  flags?: number;
  via: 'callback' | 'webhook';
  text: string;
}

function harness(options: { finish?: boolean; cost?: number; store?: Store; guilds?: GuildStore } = {}) {
  const clock = { now: START, cost: options.cost ?? RUN_MS };
  const ran: string[] = [];
  const commands = slowRegistry(clock, ran);
  const sent: Sent[] = [];
  const record = (via: Sent['via']) => (interaction: APIInteraction, response: APIInteractionResponse) => {
    const data = 'data' in response ? (response.data as { flags?: number } | undefined) : undefined;
    sent.push({
      id: interaction.id,
      at: clock.now,
      type: response.type,
      flags: data?.flags,
      via,
      text: JSON.stringify(data),
    });
    return Promise.resolve();
  };
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const handle = createInteractionHandler(() => seedLibrary(), record('callback'), createLogger('debug', stream), {
    commands,
    context: sharedContext({ now: () => clock.now }),
    finish: options.finish === false ? undefined : (i, r) => record('webhook')(i, r),
    store: options.store,
    guilds: options.guilds,
    rateLimitPerMinute: options.store ? 1000 : 0,
  });
  let n = 0;
  /** An interaction Discord created `age` ms ago on the fake clock. */
  const make = (line: string, kind: 'command' | 'autocomplete' = 'command', age = 0): APIInteraction => ({
    ...toInteraction(
      parseCommandLine(
        line,
        [...commands.values()].map((c) => c.definition),
      ),
      kind,
    ),
    id: snowflake(clock.now - age, ++n),
  });
  const press = (customId: string): APIInteraction =>
    ({
      ...make('/slow query:x'),
      type: InteractionType.MessageComponent,
      data: { custom_id: customId, component_type: ComponentType.Button },
      message: { id: snowflake(START - 60_000, 1), interaction_metadata: { user: { id: '200000000000000000' } } },
    }) as unknown as APIInteraction;
  const of = (interaction: APIInteraction) => sent.filter((s) => s.id === interaction.id);
  return { handle, sent, ran, lines, clock, make, press, of };
}

describe('interactions arriving faster than commands run', () => {
  it('defers the later ones of a burst (type 5, 6 for a button, private when the reply will be) and finishes each through the webhook', async () => {
    const { handle, make, press, of, clock, sent, ran } = harness();
    const burst = [
      ...Array.from({ length: 16 }, (_, i) => make(`/slow query:q${i}`)),
      make('/slow query:hidden private:true'),
      make('/secret query:default'),
      press('slow:page:2'),
    ];
    await Promise.all(burst.map((i) => handle(i)));

    // Run in the order they came, each once.
    expect(ran).toEqual([...Array.from({ length: 16 }, (_, i) => `q${i}`), 'hidden', 'default', 'slow:page:2']);
    const created = START;
    for (const interaction of burst) {
      const [first, ...rest] = of(interaction);
      // Every first response leaves within the window, counted from the interaction's creation.
      expect(first!.at - created).toBeLessThanOrEqual(WINDOW_MS);
      expect(first!.via).toBe('callback');
      if (first!.type === InteractionResponseType.ChannelMessageWithSource) expect(rest).toEqual([]);
      else expect(rest).toEqual([expect.objectContaining({ via: 'webhook' })]);
    }
    // The first few are answered directly; from the one whose reply would leave after DEFER_AT_MS, deferred.
    const direct = burst.filter((i) => of(i)[0]!.type === InteractionResponseType.ChannelMessageWithSource);
    expect(direct.length).toBeGreaterThanOrEqual(3);
    expect(direct).toEqual(burst.slice(0, direct.length));
    for (const interaction of direct) expect(of(interaction)[0]!.at - created).toBeLessThanOrEqual(DEFER_AT_MS);
    const deferred = burst.slice(direct.length);
    expect(deferred.length).toBeGreaterThanOrEqual(10);
    // Deferred while the interactions ahead of them still ran: all at once, one run after the burst came.
    for (const interaction of deferred) expect(of(interaction)[0]!.at - created).toBeLessThanOrEqual(2 * RUN_MS);
    // Each finishes with its own reply; an edit cannot make a message private, so the deferral says so.
    expect(of(burst[15]!).map((s) => [s.type, s.flags])).toEqual([
      [5, undefined],
      [4, undefined],
    ]);
    expect(of(burst[15]!)[1]!.text).toContain('answer q15');
    expect(of(burst[16]!).map((s) => [s.type, s.flags])).toEqual([
      [5, MessageFlags.Ephemeral],
      [4, MessageFlags.Ephemeral],
    ]);
    expect(of(burst[17]!)[0]).toMatchObject({ type: 5, flags: MessageFlags.Ephemeral });
    expect(of(burst[18]!).map((s) => s.type)).toEqual([InteractionResponseType.DeferredMessageUpdate, 7]);
    expect(of(burst[18]!)[1]!.text).toContain('pressed slow:page:2');
    expect(clock.now - created).toBe(burst.length * RUN_MS);
    expect(sent).toHaveLength(direct.length + 2 * deferred.length);
  });

  it('answers a lone interaction directly; defers one only when it came late and its run would take it past the mark', async () => {
    const { handle, make, of } = harness();
    const lone = make('/slow query:one');
    await handle(lone);
    expect(of(lone)).toEqual([expect.objectContaining({ type: 4, via: 'callback' })]);
    // Dated 2 s ago (a slow gateway, say): its own 250 ms run would take its reply past DEFER_AT_MS.
    const late = make('/slow query:late', 'command', 2000);
    await handle(late);
    expect(of(late).map((s) => [s.type, s.via])).toEqual([
      [5, 'callback'],
      [4, 'webhook'],
    ]);
  });

  it('defers privately in a server whose replies are private by default, as its reply is', async () => {
    const guilds: GuildStore = {
      settings: () => Promise.resolve({ ...DEFAULT_SETTINGS, privateReplies: true }),
      subscriptions: () => Promise.resolve([]),
      apply: () => Promise.resolve(),
    };
    const { handle, make, of } = harness({ guilds });
    await handle(make('/slow query:one'));
    // Dated 2 s ago: deferred (as above), in a server, the asker giving no `private` option.
    const late = { ...make('/slow query:late', 'command', 2000), guild_id: '910000000000000000' };
    await handle(late);
    expect(of(late).map((s) => [s.type, s.via, s.flags])).toEqual([
      [5, 'callback', MessageFlags.Ephemeral],
      [4, 'webhook', MessageFlags.Ephemeral],
    ]);
    // The asker's own choice still wins over the server's.
    const shown = { ...make('/slow query:shown private:false', 'command', 2000), guild_id: '910000000000000000' };
    await handle(shown);
    expect(of(shown).map((s) => [s.type, s.flags])).toEqual([
      [5, undefined],
      [4, undefined],
    ]);
  });

  it('answers a late interaction directly when a deferral would not go out meaningfully sooner', async () => {
    const { handle, make, of } = harness({ cost: 10 });
    await handle(make('/slow query:one'));
    const late = make('/slow query:late', 'command', 2500);
    await handle(late);
    expect(of(late)).toEqual([expect.objectContaining({ type: 4, via: 'callback' })]);
  });

  it('drops an autocomplete that can no longer be answered in time, and answers a fresh one', async () => {
    const { handle, make, of, lines } = harness();
    const burst = Array.from({ length: 14 }, (_, i) => make(`/slow query:q${i}`));
    const stale = make('/slow query:abc', 'autocomplete');
    await Promise.all([...burst, stale].map((i) => handle(i)));
    expect(of(stale)).toEqual([]);
    expect(lines.some((l) => l.msg === 'dropped an autocomplete too old to answer' && l.interaction === stale.id)).toBe(
      true,
    );
    const fresh = make('/slow query:abc', 'autocomplete');
    await handle(fresh);
    expect(of(fresh)).toEqual([
      expect.objectContaining({ type: InteractionResponseType.ApplicationCommandAutocompleteResult }),
    ]);
  });

  it('defers nothing for a transport that cannot finish through a webhook', async () => {
    const { handle, make, sent } = harness({ finish: false });
    await Promise.all(Array.from({ length: 14 }, (_, i) => handle(make(`/slow query:q${i}`))));
    expect(sent.map((s) => s.type)).toEqual(Array(14).fill(InteractionResponseType.ChannelMessageWithSource));
  });

  it('defers an interaction whose run waits past the mark without holding the event loop, and finishes it', async () => {
    // The store holds the rate-limit count until the test releases it (a slow Redis): no prediction sees that.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const memory = new MemoryStore();
    const store = Object.assign(Object.create(memory) as Store, {
      incr: async (key: string, ttlMs: number) => (await held, memory.incr(key, ttlMs)),
    });
    const { handle, make, of, sent } = harness({ store });
    const late = make('/slow query:waits', 'command', DEFER_AT_MS);
    const handled = handle(late);
    for (const until = Date.now() + EVENT_DEADLINE_MS; sent.length === 0 && Date.now() < until;)
      await new Promise((resolve) => setImmediate(resolve));
    expect(of(late).map((s) => [s.type, s.via])).toEqual([[5, 'callback']]);
    release();
    await handled;
    expect(of(late).map((s) => [s.type, s.via])).toEqual([
      [5, 'callback'],
      [4, 'webhook'],
    ]);
    expect(of(late)[1]!.text).toContain('answer waits');
  });
});
