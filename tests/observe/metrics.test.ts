// The metrics through the real handler: interactions run through createInteractionHandler with the metrics'
// onInteraction hook, then a scrape in Prometheus's text format shows them counted by command and outcome.
import { Writable } from 'node:stream';
import { type APIInteraction, InteractionType, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands, definitions } from '../../commands/index.js';
import { sharedContext } from '../../src/command.js';
import type { Library } from '../../src/library/library.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/observe/metrics.js';
import { createInteractionHandler, type Send } from '../../src/transport/handler.js';
import { parseCommandLine, toInteraction } from '../../src/transport/parse-command.js';
import { failingStatLibrary, seedLibrary } from '../support/library.js';

const quiet = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

function interaction(line: string, kind: 'command' | 'autocomplete' = 'command'): APIInteraction {
  return toInteraction(parseCommandLine(line, definitions), kind, 'channel-1');
}

/** One sample of a scrape: `name{a="b",...} value`, found by name and a subset of its labels. */
function sample(scrape: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of scrape.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

function handlerWith(library: Library, send: Send = async () => {}) {
  const metrics = createMetrics(() => library);
  const handle = createInteractionHandler(() => library, send, quiet, {
    commands,
    context: sharedContext({ random: () => 0 }),
    onInteraction: metrics.onInteraction,
  });
  return { metrics, handle };
}

describe('metrics', () => {
  it('counts interactions by command, kind and outcome, and times each reply', async () => {
    const { metrics, handle } = handlerWith(seedLibrary());
    await handle(interaction('/stat query:homicides'));
    await handle(interaction('/stat query:wall'));
    await handle(interaction('/section name:sav', 'autocomplete'));
    await handle(interaction('/search query:border'));
    const { body, contentType } = await metrics.scrape();
    expect(contentType).toMatch(/^text\/plain/);
    const answered = { kind: 'command', outcome: 'answered' };
    expect(sample(body, 'factsheet_interactions_total', { command: 'stat', ...answered })).toBe(2);
    expect(sample(body, 'factsheet_interactions_total', { command: 'search', ...answered })).toBe(1);
    expect(
      sample(body, 'factsheet_interactions_total', { command: 'section', kind: 'autocomplete', outcome: 'answered' }),
    ).toBe(1);
    expect(sample(body, 'factsheet_reply_seconds_count', { command: 'stat', kind: 'command' })).toBe(2);
    expect(sample(body, 'factsheet_reply_seconds_bucket', { command: 'stat', kind: 'command', le: '+Inf' })).toBe(2);
  });

  it('counts a command that threw as failed, a reply Discord refused as undelivered, a made-up name as unknown', async () => {
    const broken = failingStatLibrary();
    const failing = handlerWith(broken);
    await failing.handle(interaction('/stat query:homicides'));
    const failed = (await failing.metrics.scrape()).body;
    expect(sample(failed, 'factsheet_interactions_total', { command: 'stat', outcome: 'failed' })).toBe(1);

    const refused = handlerWith(seedLibrary(), () => Promise.reject(new Error('500 Internal Server Error')));
    await refused.handle(interaction('/quote'));
    const made = interaction('/stat query:x') as APIInteraction & { data: { name: string } };
    made.data.name = 'made-up-by-a-payload';
    await refused.handle(made);
    const undelivered = (await refused.metrics.scrape()).body;
    expect(sample(undelivered, 'factsheet_interactions_total', { command: 'quote', outcome: 'undelivered' })).toBe(1);
    expect(sample(undelivered, 'factsheet_interactions_total', { command: 'unknown', outcome: 'undelivered' })).toBe(1);
    expect(undelivered).not.toContain('made-up-by-a-payload');
  });

  it('names the command a button belongs to, never its custom id', async () => {
    const { metrics, handle } = handlerWith(seedLibrary());
    await handle({
      ...interaction('/quote'),
      type: InteractionType.MessageComponent,
      data: { custom_id: 'search:abc123:2', component_type: ComponentType.Button },
    });
    const body = (await metrics.scrape()).body;
    expect(sample(body, 'factsheet_interactions_total', { command: 'search', kind: 'button' })).toBe(1);
    expect(body).not.toContain('abc123');
  });

  it('shows what is served, reloads and reload errors, reconnects and rate limits', async () => {
    const { metrics } = handlerWith(seedLibrary());
    metrics.onReload({ added: ['a.txt'], changed: [], removed: [], errors: [], warnings: [], failure: null });
    metrics.onReload({
      added: [],
      changed: ['b.txt'],
      removed: [],
      errors: [new Error('b.txt: binary')] as never,
      warnings: [],
      failure: null,
    });
    metrics.onReload({ added: [], changed: [], removed: [], errors: [], warnings: [], failure: null });
    metrics.onReconnect();
    metrics.onRateLimited('/interactions/:id/:token/callback');
    const body = (await metrics.scrape()).body;
    expect(sample(body, 'factsheet_documents_served')).toBe(1);
    expect(sample(body, 'factsheet_sections_served')).toBe(3);
    expect(sample(body, 'factsheet_figures_served')).toBe(9);
    expect(sample(body, 'factsheet_statements_served')).toBeGreaterThan(0);
    expect(sample(body, 'factsheet_reloads_total')).toBe(2);
    expect(sample(body, 'factsheet_reload_errors_total')).toBe(1);
    expect(sample(body, 'factsheet_gateway_reconnects_total')).toBe(1);
    expect(sample(body, 'factsheet_rest_rate_limits_total', { route: '/interactions/:id/:token/callback' })).toBe(1);
    expect(sample(body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('factsheet_store_degraded is 0, 1 while the shared store is in trouble, and 0 once it recovers', async () => {
    const metrics = createMetrics(() => null);
    const degraded = async () => sample((await metrics.scrape()).body, 'factsheet_store_degraded');
    expect(await degraded()).toBe(0);
    metrics.onStoreHealth('full');
    expect(await degraded()).toBe(1);
    metrics.onStoreHealth(null);
    expect(await degraded()).toBe(0);
  });
});
