// A built library's documents are frozen: nothing that reads them (a command, a cache, a test) can change what
// another reply quotes. A reload hands in the documents of unchanged files again: those are frozen already
// and cost a look each.
import type { Document } from '../document/types.js';
import type { Steps } from './steps.js';

/**
 * Freezes a value and everything it holds, the parts first: a frozen object is taken as frozen throughout. A list
 * is walked by index and a record by its keys, not through Object.values, whose copy of every list and record
 * held half the time it took on the corpus.
 */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  Object.freeze(value);
}

/** Freezes each document, one a step (see steps.ts). */
export function* freezeSteps(documents: readonly Document[]): Steps<void> {
  for (const document of documents) {
    deepFreeze(document);
    yield;
  }
}
