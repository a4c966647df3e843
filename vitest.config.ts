import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A failure deadline, not a speed target: past the event waits (tests/support/deadline.ts), so a busy 2-core
    // machine slows the heaviest tests without failing them.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The test workers can collect garbage on demand: tests/transport/heap.test.ts reads the heap after a full GC.
    execArgv: ['--expose-gc'],
    // No saved library (CACHE_DIR) for the bots and consoles the tests start: each test reads its documents afresh,
    // and nothing is written to the user's cache folder. tests/library/snapshot.test.ts names its own folder.
    env: { CACHE_DIR: 'off' },
  },
});
