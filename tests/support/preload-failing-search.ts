// Loaded into the bot process (node --import) by the end-to-end test of the error path: a lookup for the
// word "explode-now" throws inside the real search index, as a bug in a command would. Every search of the
// index (strict, with the looser match beside, for highlighting) reads its query through expandQuery.
import { TextIndex } from '../../src/library/search.js';

// Taken as a plain function value: it is called with the index as `this` below, every argument passed on.
const original = Object.getOwnPropertyDescriptor(TextIndex.prototype, 'expandQuery')!.value as TextIndex['expandQuery'];
TextIndex.prototype.expandQuery = function (this: TextIndex, ...args: Parameters<TextIndex['expandQuery']>) {
  if (args[0].includes('explode-now')) throw new Error('search index failure injected by the test');
  return Reflect.apply<TextIndex, Parameters<TextIndex['expandQuery']>, ReturnType<TextIndex['expandQuery']>>(
    original,
    this,
    args,
  );
};
