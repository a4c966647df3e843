// Loaded into the bot process (node --import) by the end-to-end test of the error path: a lookup for the
// word "explode-now" throws inside the real search index, as a bug in a command would.
import MiniSearch from 'minisearch';

const original = MiniSearch.prototype.search;
MiniSearch.prototype.search = function (this: MiniSearch, query: Parameters<MiniSearch['search']>[0], options?: Parameters<MiniSearch['search']>[1]) {
  if (typeof query === 'string' && query.includes('explode-now')) throw new Error('search index failure injected by the test');
  return original.call(this, query, options);
} as MiniSearch['search'];
