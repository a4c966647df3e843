// Loaded into the bot process (node --import) by the end-to-end test of a burst: a lookup whose query holds the
// word "take-your-time" holds the event loop for SLOW_SEARCH_MS (150 by default), as a costly query does. Every
// search of the index (strict, with the looser match beside, for highlighting) reads its query through expandQuery.
import { TextIndex } from '../../src/library/search.js';

const delay = Number(process.env.SLOW_SEARCH_MS ?? 150);
// Taken as a plain function value: it is called with the index as `this` below, every argument passed on.
const original = Object.getOwnPropertyDescriptor(TextIndex.prototype, 'expandQuery')!.value as TextIndex['expandQuery'];
TextIndex.prototype.expandQuery = function (this: TextIndex, ...args: Parameters<TextIndex['expandQuery']>) {
  if (args[0].includes('take-your-time')) {
    const until = performance.now() + delay;
    while (performance.now() < until);
  }
  return Reflect.apply<TextIndex, Parameters<TextIndex['expandQuery']>, ReturnType<TextIndex['expandQuery']>>(
    original,
    this,
    args,
  );
};
