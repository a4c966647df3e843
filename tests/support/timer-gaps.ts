/**
 * Runs `work` with a timer ticking every `tickMs` on the main thread: what it returned, how long it ran, the
 * longest wait between ticks (the longest stretch in which nothing else could have run), all in ms, and how many
 * times the timer fired. Benchmarks read the times; tests assert on `ticks`, which a busy machine cannot turn to
 * zero when the work yields, and on times only against generous bounds.
 */
export async function timerGaps<T>(
  work: () => T | Promise<T>,
  tickMs = 5,
): Promise<{ value: T; totalMs: number; gapMs: number; ticks: number }> {
  let last = performance.now();
  let gapMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    ticks++;
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, tickMs);
  const started = performance.now();
  try {
    const value = await work();
    // The last stretch, if it ended the work, counts too.
    gapMs = Math.max(gapMs, performance.now() - last);
    return { value, totalMs: performance.now() - started, gapMs, ticks };
  } finally {
    clearInterval(timer);
  }
}
