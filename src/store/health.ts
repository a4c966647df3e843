// The shared store's health as state rather than noise: healthy, unreachable or full. Redis reports it from the
// outcome of each command and from its connection's events, and listeners hear only a change, so a Redis that
// goes away or fills up is one warning (and one line when it recovers) however many interactions meet it.

export type StoreTrouble = 'unreachable' | 'full';

/** `reason`: what Redis or the connection said, when a failed command brought the change. */
type Listener = (trouble: StoreTrouble | null, reason?: string) => void;

/** What an operator reads in the log and in /readyz while the store is in trouble. */
export const TROUBLE_TEXT: Readonly<Record<StoreTrouble, string>> = {
  unreachable: 'shared store (Redis) unreachable',
  full: 'shared store (Redis) full (maxmemory reached)',
};

/**
 * Redis past `maxmemory` with the noeviction policy refuses writes with "OOM command not allowed ..."; inside a
 * transaction the refusal comes as EXECABORT, with the OOM among its previous errors. Anything else (a closed
 * connection, a command timed out) is a Redis the bot cannot reach.
 */
function troubleOf(error: unknown): { trouble: StoreTrouble; reason: string } {
  const previous = (error as { previousErrors?: unknown[] } | null)?.previousErrors ?? [];
  const oom = [error, ...previous].find((e) => e instanceof Error && e.message.startsWith('OOM '));
  if (oom) return { trouble: 'full', reason: (oom as Error).message };
  return { trouble: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
}

export class StoreHealth {
  private current: StoreTrouble | null = null;
  private readonly listeners: Listener[] = [];

  /** The trouble now, or null when the store is healthy. */
  trouble(): StoreTrouble | null {
    return this.current;
  }

  /** Called with the new trouble (null: recovered) each time it changes, never twice for the same. */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  failed(error: unknown): void {
    const { trouble, reason } = troubleOf(error);
    this.set(trouble, reason);
  }

  /** Redis answered. A write that went through also shows it has room again; a read shows only that it answers. */
  answered(wrote = false): void {
    if (wrote || this.current === 'unreachable') this.set(null);
  }

  lost(): void {
    this.set('unreachable');
  }

  private set(trouble: StoreTrouble | null, reason?: string): void {
    if (trouble === this.current) return;
    this.current = trouble;
    for (const listener of this.listeners) listener(trouble, reason);
  }
}
