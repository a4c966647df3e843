// Loaded into the bot process (node --import) by tests of what a replica loads: every module the bot imports is
// resolved through the hook below (run by node in its loader thread), which names it here; on SIGUSR2 the packages seen so far are
// written to stdout as one JSON line ({"loadedPackages": [...], "asked": n}), which the test reads as a log line.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const packages = new Set<string>();
let asked = 0;

/** "pg" for .../node_modules/pg/lib/index.js, "@resvg/resvg-js" for a scoped package; null outside node_modules. */
function packageOf(url: string): string | null {
  const inside = url.split('/node_modules/').at(-1);
  if (inside === undefined || inside === url) return null;
  const parts = inside.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

port1.on('message', (url: string) => {
  const name = packageOf(url);
  if (name) packages.add(name);
});
port1.unref();
/** A resolve hook that changes nothing and posts every URL resolved to the main thread. */
const HOOK = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(HOOK)}`, { data: { port: port2 }, transferList: [port2] });
process.on('SIGUSR2', () => {
  asked += 1;
  process.stdout.write(`${JSON.stringify({ loadedPackages: [...packages].sort(), asked })}\n`);
});
