// How a cost grows with the input, told by a ratio of timings rather than by a time limit, so that a slow or
// busy machine does not fail a test and a fast one does not hide a quadratic: work on an input four times
// larger takes about 4 times as long when it grows linearly, 16 times when it grows with the square. The
// sizes stay where the shapes were found (kilobytes): past a few hundred kilobytes V8's own global regex
// replace grows faster than linearly, whatever the pattern.

/** A timed run this long (ms) stands above timer and scheduling noise: short work is repeated to fill it. */
const MIN_MS = 5;
const RUNS = 5;
const MAX_REPEATS = 1 << 16;

export interface Growth {
  size: number;
  /** Calls of the work per timed run. */
  repeats: number;
  /** The fastest run at `size` and at four times it. */
  ms: number;
  msAtFour: number;
  /** msAtFour / ms. */
  ratio: number;
}

/** The fastest of RUNS runs of `repeats` calls, in ms: the others were slowed by something else. */
function fastest<T>(input: T, work: (input: T) => unknown, repeats: number): number {
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    for (let i = 0; i < repeats; i++) work(input);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function measure<T>(make: (size: number) => T, work: (input: T) => unknown, size: number): Growth {
  const small = make(size);
  const large = make(size * 4);
  work(small);
  work(large);
  let repeats = 1;
  let ms = fastest(small, work, repeats);
  while (ms < MIN_MS && repeats < MAX_REPEATS) ms = fastest(small, work, (repeats *= 2));
  const msAtFour = fastest(large, work, repeats);
  return { size, repeats, ms, msAtFour, ratio: msAtFour / ms };
}

/** Measures taken at most, while none shows linear growth: a loaded machine slows some of them all. */
const ATTEMPTS = 6;

/**
 * How much longer `work` takes on `make(4 * size)` than on `make(size)`. Measured up to ATTEMPTS times, the
 * lowest ratio kept: noise only ever slows a run, so a linear cost shows as linear in one of them, while a
 * quadratic one shows as about 16 every time. A linear cost stops at the first measure on a quiet machine.
 */
export function growth<T>(make: (size: number) => T, work: (input: T) => unknown, size: number, below = 8): Growth {
  let best: Growth | null = null;
  for (let attempt = 0; attempt < ATTEMPTS && !(best && best.ratio < below); attempt++) {
    const found = measure(make, work, size);
    if (!best || found.ratio < best.ratio) best = found;
  }
  return best!;
}
