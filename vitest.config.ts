import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The test workers can collect garbage on demand: tests/transport/heap.test.ts reads the heap after a full GC.
    execArgv: ['--expose-gc'],
  },
});
