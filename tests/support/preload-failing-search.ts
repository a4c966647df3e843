// Loaded into the bot process (node --import) by the end-to-end test of the error path: a lookup for the
// word "explode-now" throws inside the real search index, as a bug in a command would.
import { TextIndex } from '../../src/library/search.js';

const original = TextIndex.prototype.search;
TextIndex.prototype.search = function (this: TextIndex, query: string, limit?: number) {
  if (query.includes('explode-now')) throw new Error('search index failure injected by the test');
  return original.call(this, query, limit);
};
