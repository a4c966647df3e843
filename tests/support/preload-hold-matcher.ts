// Loaded into the bot process (node --import) by the test of "ready means ready": the every-sentence matcher of
// /check, built in background slices (the only work whose turns of the event loop are unref'd, steps.ts), is held
// at its first turn until SIGUSR2, and a JSON line says so. By the time that turn comes, the start's own chain of
// promises after the documents loaded has run: a bot that did not wait for the matcher would be serving already.
const held: Array<() => void> = [];
let released = false;
process.on('SIGUSR2', () => {
  released = true;
  for (const run of held.splice(0)) run();
});

const original = globalThis.setImmediate;
const holding = ((callback: (...args: unknown[]) => void, ...args: unknown[]) => {
  let background = false;
  const immediate = original(() => {
    if (!background || released) return callback(...args);
    if (held.length === 0) process.stdout.write(`${JSON.stringify({ msg: 'test: the matcher is held' })}\n`);
    held.push(() => callback(...args));
  });
  const unref = immediate.unref.bind(immediate);
  immediate.unref = () => ((background = true), unref());
  return immediate;
}) as typeof setImmediate;
globalThis.setImmediate = Object.assign(holding, { __promisify__: original.__promisify__ });
