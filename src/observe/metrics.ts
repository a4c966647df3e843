// The bot's Prometheus metrics, through prom-client. Only this file knows prom-client: the handler, the gateway
// and the documents folder report through plain callbacks, and these are the callbacks.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Library } from '../library/library.js';
import type { ReloadReport } from '../library/reload.js';
import type { InteractionEvent } from '../transport/handler.js';
import type { FollowMetrics } from '../follow/poller.js';

/** Plain functions (no `this`), so each can be handed on as a callback. */
export interface BotMetrics extends Required<FollowMetrics> {
  onInteraction: (event: InteractionEvent) => void;
  onReload: (report: ReloadReport) => void;
  onReconnect: () => void;
  onRateLimited: (route: string) => void;
  /** The shared store became unreachable or full (a trouble), or recovered (null). */
  onStoreHealth: (trouble: string | null) => void;
  /** A scrape, in Prometheus's text format. */
  scrape: () => Promise<{ contentType: string; body: string }>;
}

/** Replies to Discord take from under a millisecond (the local stand-in) to seconds (a slow network). */
const REPLY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** What is served now, read from the library at each scrape (so a reload shows at once). */
function servedGauges(registry: Registry, getLibrary: () => Library | null): void {
  const parts = {
    documents: (library: Library) => library.documents.length,
    sections: (library: Library) => library.parts().sections.length,
    statements: (library: Library) => library.parts().statements.length,
    figures: (library: Library) => library.parts().figures.length,
  };
  for (const [what, count] of Object.entries(parts)) {
    new Gauge({
      name: `factsheet_${what}_served`,
      help: `${what[0]!.toUpperCase()}${what.slice(1)} in the documents being served`,
      registers: [registry],
      collect() {
        const library = getLibrary();
        this.set(library ? count(library) : 0);
      },
    });
  }
}

/** factsheet_store_degraded, 0 until the store reports trouble; the callback that sets it. */
function storeHealthGauge(registry: Registry): BotMetrics['onStoreHealth'] {
  const degraded = new Gauge({
    name: 'factsheet_store_degraded',
    help: '1 while the shared store (Redis) is unreachable or full: quotes may repeat and the rate limit is off',
    registers: [registry],
  });
  return (trouble) => degraded.set(trouble ? 1 : 0);
}

/** Feed polls by outcome, documents fetched (new or updated), announcements sent and failed. */
function followCounters(registry: Registry): Required<FollowMetrics> {
  const registers = [registry];
  const polls = new Counter({
    name: 'factsheet_feed_polls_total',
    help: 'Feed polls, by outcome (changed, not-modified, failed)',
    labelNames: ['outcome'],
    registers,
  });
  const fetched = new Counter({
    name: 'factsheet_documents_fetched_total',
    help: 'Fact sheets fetched from feeds and stored, new or updated',
    labelNames: ['kind'],
    registers,
  });
  const announcements = new Counter({
    name: 'factsheet_announcements_total',
    help: 'Announcements posted to following channels (sent), or refused and left to retry or paused (failed)',
    labelNames: ['outcome'],
    registers,
  });
  return {
    onFeedPoll: (outcome) => polls.inc({ outcome }),
    onDocumentStored: (kind) => fetched.inc({ kind }),
    onAnnouncements: (sent, failed) => {
      announcements.inc({ outcome: 'sent' }, sent);
      announcements.inc({ outcome: 'failed' }, failed);
    },
  };
}

/** A fresh registry with the process's default metrics (memory, CPU, event loop) and the bot's own. */
export function createMetrics(getLibrary: () => Library | null): BotMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  servedGauges(registry, getLibrary);
  const counter = <T extends string>(name: string, help: string, labelNames: readonly T[] = []) =>
    new Counter({ name, help, labelNames, registers });
  const interactions = counter(
    'factsheet_interactions_total',
    'Interactions handled, by command, kind (command, autocomplete, button) and outcome',
    ['command', 'kind', 'outcome'],
  );
  const replySeconds = new Histogram({
    name: 'factsheet_reply_seconds',
    help: 'Seconds from receiving an interaction to the end of its reply (delivered or failed)',
    labelNames: ['command', 'kind'],
    buckets: REPLY_BUCKETS,
    registers,
  });
  const reloads = counter('factsheet_reloads_total', 'Reloads of the documents folder that found a change');
  const reloadErrors = counter(
    'factsheet_reload_errors_total',
    'Documents that could not be read or parsed on a reload',
  );
  const reconnects = counter(
    'factsheet_gateway_reconnects_total',
    'Times the connection to the Discord gateway was lost and reopened',
  );
  const rateLimits = counter(
    'factsheet_rest_rate_limits_total',
    'REST requests Discord answered with 429 (rate limited), by route',
    ['route'],
  );
  return {
    onInteraction: ({ command, kind, outcome, ms }) => {
      interactions.inc({ command, kind, outcome });
      replySeconds.observe({ command, kind }, ms / 1000);
    },
    onReload: (report) => {
      // The watcher also fires for edits that change nothing (a file saved unchanged): those are no reload.
      if (!report.added.length && !report.changed.length && !report.removed.length && !report.errors.length) return;
      reloads.inc();
      reloadErrors.inc(report.errors.length);
    },
    onReconnect: () => reconnects.inc(),
    onRateLimited: (route) => rateLimits.inc({ route }),
    onStoreHealth: storeHealthGauge(registry),
    ...followCounters(registry),
    scrape: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
