// Work long enough to stall replies (building the indexes of the 1,598-document corpus blocks for about 2 s) is
// written as a generator that yields between small steps. It runs to the end at once where nothing else waits
// (tests, tools), or in slices with the event loop let in between while the bot serves.
export type Steps<T> = Generator<void, T, void>;

/** A slice of work between two turns of the event loop: a reply waits at most about this long. */
export const SLICE_MS = 10;

/** Runs every step now. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps in slices of about `sliceMs`, letting I/O and timers run between them. Work done `inBackground`
 * does not keep the process alive (a one-shot console answer exits without waiting for it).
 */
export async function finishInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS, inBackground = false): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => {
        const turn = setImmediate(resolve);
        if (inBackground) turn.unref();
      });
      sliceStart = performance.now();
    }
  }
}
