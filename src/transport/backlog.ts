// The interactions received and not yet run, worked through in order, one at a time. Commands are synchronous,
// so while one runs nothing else happens in the process: under a burst, the last in line would be answered
// after Discord's 3 s. So each interaction's reply is predicted from its age and the work ahead of it, and one
// that would be late is acknowledged first with a deferral and finished through its webhook (15 minutes).
// Between two interactions the worker yields to the event loop, so deferrals go out and new arrivals are seen.
// A run can also wait without holding the event loop (on a slow shared store, say), which no prediction sees:
// while one runs, a timer defers it, and those queued behind it, once each reaches the mark. This is the one
// deferral of the 3 s window, for every transport that can finish a reply through a webhook.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { createdAt, deferralOf, type Deferral } from './deferral.js';

/** Discord's window for the first response, from the interaction's creation. */
export const WINDOW_MS = 3000;
/**
 * An interaction whose reply is predicted to leave later than this after its creation is deferred. The last
 * second of the window is left for what the prediction does not see: the deferral's own trip to Discord (a few
 * event-loop turns, each as long as a command, then the network) and commands slower than the typical one.
 */
export const DEFER_AT_MS = 2000;
/**
 * A deferral is sent now, a reply once the work ahead of it is done. When that work is shorter than this, the
 * deferral would not reach Discord meaningfully sooner (an interaction that arrived late but has no queue ahead
 * of it): the reply itself goes, and the user is spared a "thinking…" message and a webhook round trip.
 */
export const MIN_GAIN_MS = 50;
/** How much a new measurement moves the typical run time (a moving average: one slow command does not spike it). */
const WEIGHT = 0.3;

export interface Job<R> {
  /** Runs the command (awaited before the next interaction runs). */
  run(): Promise<R>;
  /** Delivers what `run` produced: as the first response, or through the webhook when `deferred` was sent. */
  deliver(result: R, deferred: Deferral | null): Promise<void>;
}

export interface BacklogOptions {
  log: Logger;
  /** Milliseconds since 1970, the clock interaction ids are dated by. */
  now: () => number;
  /** Sends a deferral as the first response; without it nothing is deferred (a transport with no webhook). */
  defer?: (interaction: APIInteraction, deferral: Deferral) => Promise<void>;
}

interface Item {
  interaction: APIInteraction;
  created: number;
  deferral: Deferral | null;
  /** Once a deferral is sent: what Discord took (null when it refused it). */
  deferring: Promise<Deferral | null> | null;
  /** Runs the command; resolves with what delivers its result and settles `add`'s promise. */
  start(): Promise<() => Promise<void>>;
  drop(): void;
}

/** What the worker knows: the typical run time so far, and whether a command is running now. */
interface Pace {
  /** 0 until a run is measured: nothing is predicted late before then. */
  typical: number;
  running: boolean;
}

/** Runs each interaction added, in order; `add` settles once its reply is delivered (or it is dropped). */
export function createBacklog(options: BacklogOptions) {
  const queue: Item[] = [];
  const pace: Pace = { typical: 0, running: false };
  let working = false;
  const review = reviewer(options, queue, pace);
  const work = async () => {
    working = true;
    while (queue.length > 0) {
      review();
      // Before each run, including the first: what has arrived meanwhile is queued (and deferred if need be)
      // first, rather than each arrival running its command before the next is even read.
      await nextTurn();
      const item = queue.shift()!;
      if (tooLate(item, options, pace.typical)) item.drop();
      else await runOne(item, options, pace, queue);
    }
    working = false;
  };
  return <R>(interaction: APIInteraction, job: Job<R>): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const item: Item = {
        interaction,
        created: createdAt(interaction.id, options.now()),
        deferral: options.defer ? deferralOf(interaction) : null,
        deferring: null,
        start: () =>
          job.run().then(
            (result) => async () => {
              // The reply waits for its deferral's acknowledgement: the webhook exists only after it.
              const deferred = item.deferring ? await item.deferring : null;
              await job.deliver(result, deferred).then(resolve, reject);
            },
            (error: unknown) => {
              reject(error instanceof Error ? error : new Error(String(error)));
              return () => Promise.resolve();
            },
          ),
        drop: () => resolve(),
      };
      queue.push(item);
      review();
      if (!working) void work();
    });
}

/** Runs one interaction's command, measuring it, and sends its reply off without waiting for it. */
async function runOne(item: Item, options: BacklogOptions, pace: Pace, queue: Item[]): Promise<void> {
  const started = options.now();
  pace.running = true;
  const unwatch = watchWhileRunning(item, queue, options);
  const deliver = await item.start();
  unwatch();
  pace.running = false;
  const took = options.now() - started;
  pace.typical = pace.typical === 0 ? took : pace.typical + WEIGHT * (took - pace.typical);
  void deliver();
}

/** Defers every queued interaction whose reply is predicted to leave after DEFER_AT_MS (see MIN_GAIN_MS). */
function reviewer(options: BacklogOptions, queue: Item[], pace: Pace) {
  return () => {
    if (!options.defer) return;
    const now = options.now();
    queue.forEach((item, position) => {
      if (!item.deferral || item.deferring) return;
      // The runs before its reply can leave: the one running now, those ahead of it in line, and its own.
      const wait = (Number(pace.running) + position + 1) * pace.typical;
      if (wait < MIN_GAIN_MS || now + wait - item.created <= DEFER_AT_MS) return;
      defer(item, options, { age: now - item.created, position });
    });
  };
}

/**
 * While `running` is awaited, defers it and those queued behind it once each reaches DEFER_AT_MS. The timer can
 * fire only while the run leaves the event loop free, which is when the prediction cannot tell how long it will
 * take. Returns what stops it, called as soon as the run is done.
 */
function watchWhileRunning(running: Item, queue: Item[], options: BacklogOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const due = [running, ...queue].filter((item) => item.deferral && !item.deferring);
    if (!options.defer || due.length === 0) return;
    const mark = Math.min(...due.map((item) => item.created + DEFER_AT_MS));
    timer = setTimeout(() => {
      const now = options.now();
      for (const item of due)
        if (!item.deferring && item.created + DEFER_AT_MS <= now)
          defer(item, options, { age: now - item.created, waiting: true });
      arm();
    }, mark - options.now());
  };
  arm();
  return () => clearTimeout(timer);
}

/** Sends an item's deferral; its reply waits for Discord to take it, or goes directly when Discord refused it. */
function defer(item: Item, options: BacklogOptions, why: Record<string, unknown>): void {
  const deferral = item.deferral!;
  options.log.info({ interaction: item.interaction.id, ...why }, 'deferred a reply');
  item.deferring = options.defer!(item.interaction, deferral).then(
    () => deferral,
    (error: unknown) => {
      options.log.warn({ err: error, interaction: item.interaction.id }, 'could not defer; answering directly');
      return null;
    },
  );
}

/** An autocomplete that cannot be answered within the window is dropped: it cannot be deferred. */
function tooLate(item: Item, options: BacklogOptions, typical: number): boolean {
  if (item.interaction.type !== InteractionType.ApplicationCommandAutocomplete) return false;
  const age = options.now() - item.created;
  if (age + typical <= WINDOW_MS) return false;
  options.log.info({ interaction: item.interaction.id, age }, 'dropped an autocomplete too old to answer');
  return true;
}
