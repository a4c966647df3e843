// The status routes, mounted on the bot's HTTP server when HTTP_PORT is set (../transport/http-server.ts):
// /healthz (the process answers), /readyz (documents loaded and interactions taken: what a load balancer or an
// orchestrator waits for; still 200 while the shared store is in trouble, since every interaction is answered,
// but its body says so), /metrics (Prometheus).
import type { ServerResponse, IncomingMessage } from 'node:http';
import { replyText, type Route } from '../transport/http-server.js';

export interface StatusChecks {
  /** Why the bot is not ready (["gateway not connected"]), or [] when it is. */
  notReady: () => string[];
  /** What works only in part while the bot serves (["shared store (Redis) unreachable"]): named, still ready. */
  degraded?: () => string[];
  /** Prometheus's text format; absent: /metrics is not served. */
  scrape?: () => Promise<{ contentType: string; body: string }>;
}

/** Only reads: GET and HEAD. */
function readOnly(answer: (res: ServerResponse) => Promise<void> | void): Route {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return replyText(res, 405, 'use GET\n', { allow: 'GET, HEAD' });
    return answer(res);
  };
}

export function statusRoutes(checks: StatusChecks): Record<string, Route> {
  const { scrape } = checks;
  return {
    '/healthz': readOnly((res) => replyText(res, 200, 'ok\n')),
    '/readyz': readOnly((res) => {
      const missing = checks.notReady();
      if (missing.length) return replyText(res, 503, `not ready: ${missing.join('; ')}\n`);
      const degraded = checks.degraded?.() ?? [];
      replyText(res, 200, degraded.length ? `ready, degraded: ${degraded.join('; ')}\n` : 'ready\n');
    }),
    ...(scrape && {
      '/metrics': readOnly(async (res) => {
        const scraped = await scrape();
        replyText(res, 200, scraped.body, { 'content-type': scraped.contentType });
      }),
    }),
  };
}
