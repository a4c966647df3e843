// The contract of every way interactions reach the bot (the gateway, the HTTP endpoint), so the entry point
// starts, watches and stops either the same way. Each says only what it has: the gateway has a session Discord
// can end for good, and its shards can be reconnecting; the HTTP endpoint has no session, so nothing but `close`
// ends it and its `lost` is null. Both run the one handler (./handler.ts), built here from what each hands in.
import type { Logger } from 'pino';
import type { Command, SharedContext } from '../command.js';
import type { Library } from '../library/library.js';
import type { Store } from '../store/store.js';
import { createInteractionHandler, type EditOriginal, type Finish, type HandlerOptions, type Send } from './handler.js';

/** Why a transport was lost for good: a close Discord takes no reconnect after, so the operator has to act. */
export interface TransportLost {
  code: number;
  reason: string;
}

export interface Transport {
  /**
   * Opens it (the gateway asks Discord how many shards to open and starts connecting them; the endpoint starts
   * answering POST /interactions); rejects when it cannot be opened. Called once.
   */
  start(): Promise<void>;
  /** Resolves the first time it takes interactions; rejects when it never will (start or its first connection failed). */
  readonly ready: Promise<void>;
  /** Why it takes no interactions at this moment, as /readyz says it; [] when it does. */
  notReady(): string[];
  /** Settles when it is lost for good and the process should end; null when nothing but `close` ends it. */
  readonly lost: Promise<TransportLost> | null;
  /** Stops taking interactions for good (shutting down). */
  close(): Promise<void>;
}

/** A transport's `ready`, settled by the transport; a rejection nobody awaits yet is not an unhandled one. */
export function readiness(): { ready: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const ready = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  ready.catch(() => {});
  return { ready, resolve, reject };
}

/** What every transport is built from (the entry point hands it in). */
export interface TransportOptions {
  log: Logger;
  /** REST base for replies (DISCORD_API_URL); null: Discord itself. */
  apiUrl: string | null;
  getLibrary: () => Library;
  /** The command registry (commands/index.ts). */
  commands: ReadonlyMap<string, Command>;
  /** The clock, randomness and button timeout commands see. */
  context?: SharedContext;
  /** Told about every interaction handled, for metrics. */
  onInteraction?: HandlerOptions['onInteraction'];
  /** Shared values, rate-limit counts and (HTTP) replay claims (see ../store/); per process when absent. */
  store?: Store;
  rateLimitPerMinute?: number | null;
}

/** The handler around a transport's first response (`send`) and its webhook, which finishes deferred replies. */
export function transportHandler(
  options: TransportOptions,
  send: Send,
  webhook: { editOriginal: EditOriginal; finish: Finish },
): (raw: unknown) => Promise<void> {
  const { getLibrary, log, commands, context, onInteraction, store, rateLimitPerMinute } = options;
  return createInteractionHandler(getLibrary, send, log, {
    ...webhook,
    commands,
    context,
    onInteraction,
    store,
    rateLimitPerMinute,
  });
}
