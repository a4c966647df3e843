// The container's HEALTHCHECK (node dist/src/healthcheck.js): exit 0 when the status server on HTTP_PORT says
// the bot is alive, 1 otherwise. Node rather than curl, so the runtime image needs nothing but node.
import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return unhealthy(error.message);
    throw error;
  }
  if (config.httpPort === null) return unhealthy('HTTP_PORT is not set, so the bot serves no /healthz to check');
  // A wildcard address is not one to connect to: the server answers on loopback too.
  const host = !config.httpHost || ['0.0.0.0', '::'].includes(config.httpHost) ? '127.0.0.1' : config.httpHost;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.httpPort}/healthz`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return response.ok ? 0 : unhealthy(`${url} answered ${response.status}`);
  } catch (error) {
    return unhealthy(`${url}: ${(error as Error).message}`);
  }
}

function unhealthy(message: string): number {
  process.stderr.write(`healthcheck: ${message}\n`);
  return 1;
}

process.exitCode = await main();
