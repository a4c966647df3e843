// Work long enough to stall replies (building the indexes of the 1,598-document corpus blocks for about 2 s) is
// written as a generator that yields between small steps. It runs to the end at once where nothing else waits
// (tests, tools), or in slices with the event loop let in between while the bot serves.
export type Steps<T> = Generator<void, T, void>;

/** A slice of work between two turns of the event loop: a reply waits at most about this long. */
const SLICE_MS = 10;

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
export async function finishInSlices<T>(
  steps: Steps<T>,
  { sliceMs = SLICE_MS, inBackground = false } = {},
): Promise<T> {
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

/**
 * The words in code-unit order (as `sort()` with no comparator, and as `<` compares), sorted in runs of
 * `perStep` and merged, yielding every `perStep` words: sorting the 20,000 words of a large index at once holds
 * the thread for tens of milliseconds on a busy core.
 */
export function* sortedSteps(words: readonly string[], perStep: number): Steps<string[]> {
  let runs: string[][] = [];
  for (let i = 0; i < words.length; i += perStep) {
    runs.push(words.slice(i, i + perStep).sort());
    yield;
  }
  while (runs.length > 1) {
    const merged: string[][] = [];
    for (let i = 0; i < runs.length; i += 2)
      merged.push(i + 1 < runs.length ? yield* mergeSteps(runs[i]!, runs[i + 1]!, perStep) : runs[i]!);
    runs = merged;
  }
  return runs[0] ?? [];
}

/** Two ascending lists as one, yielding every `perStep` words. */
function* mergeSteps(a: string[], b: string[], perStep: number): Steps<string[]> {
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    merged.push(j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!);
    if (merged.length % perStep === 0) yield;
  }
  return merged;
}
