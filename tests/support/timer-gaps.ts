/**
 * Runs `work` with a timer ticking every `tickMs` on the main thread: what it returned, how long it ran, and the
 * longest wait between ticks (the longest stretch in which nothing else could have run), all in ms.
 */
export async function timerGaps<T>(
  work: () => T | Promise<T>,
  tickMs = 5,
): Promise<{ value: T; totalMs: number; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, tickMs);
  const started = performance.now();
  try {
    const value = await work();
    // The last stretch, if it ended the work, counts too.
    gapMs = Math.max(gapMs, performance.now() - last);
    return { value, totalMs: performance.now() - started, gapMs };
  } finally {
    clearInterval(timer);
  }
}
