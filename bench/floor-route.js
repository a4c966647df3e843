// Loaded into each replica by the HTTP load benchmark (node --import ./bench/floor-route.js dist/src/main.js):
// POST /floor on the bot's own server answers every signed interaction with one fixed reply, after the same
// size cap, signature check and JSON parse as POST /interactions. What /interactions costs beyond /floor is
// the bot's own work: the handler, the command and its reply. The bot itself is not changed.
import { Server } from 'node:http';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { publicKeyFromHex, signatureProblem } from '../dist/src/transport/signature.js';
import { MAX_BODY_BYTES } from '../dist/src/transport/http.js';

const key = publicKeyFromHex(process.env.DISCORD_PUBLIC_KEY ?? '');
const FIXED = JSON.stringify({
  type: 4,
  data: {
    embeds: [{ title: 'Fixed answer', description: 'The same embed every time.', color: 0x2b6cb0 }],
    allowed_mentions: { parse: [] },
  },
});

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(body);
}

/** The body, or null past the cap (as the endpoint's own reader). */
function read(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.once('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

async function floor(req, res) {
  const body = await read(req);
  if (!body) return answer(res, 413, '{"error":"too big"}');
  const headers = { signature: req.headers['x-signature-ed25519'], timestamp: req.headers['x-signature-timestamp'] };
  if (signatureProblem(key, { ...headers, body })) return answer(res, 401, '{"error":"bad signature"}');
  try {
    JSON.parse(body.toString('utf8'));
  } catch {
    return answer(res, 400, '{"error":"not JSON"}');
  }
  answer(res, 200, FIXED);
}

// Ahead of the bot's own routing: every other request reaches the bot's server as before.
const emit = Server.prototype.emit;
Server.prototype.emit = function (event, ...args) {
  const [req, res] = args;
  if (event === 'request' && req.method === 'POST' && req.url === '/floor') {
    floor(req, res).catch(() => res.destroy());
    return true;
  }
  return emit.call(this, event, ...args);
};
