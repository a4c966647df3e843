// Loaded into the bot process (node --import) by the end-to-end test of a burst: a lookup whose query holds the
// word "take-your-time" holds the event loop for SLOW_SEARCH_MS (150 by default), as a costly query does.
import { TextIndex } from '../../src/library/search.js';

const delay = Number(process.env.SLOW_SEARCH_MS ?? 150);
// Taken as a plain function value: it is called with the index as `this` below, every argument passed on.
const original = Object.getOwnPropertyDescriptor(TextIndex.prototype, 'search')!.value as TextIndex['search'];
TextIndex.prototype.search = function (this: TextIndex, ...args: Parameters<TextIndex['search']>) {
  if (args[0].includes('take-your-time')) {
    const until = performance.now() + delay;
    while (performance.now() < until);
  }
  return Reflect.apply<TextIndex, Parameters<TextIndex['search']>, ReturnType<TextIndex['search']>>(
    original,
    this,
    args,
  );
};
