// pino, with secrets masked wherever they could appear in a log line: the bot token (and anything shaped like
// one), the secrets of other settings, and interaction and webhook tokens (each lets anyone post as the bot for 15 minutes), which @discordjs/rest errors carry in
// their `url` and which a library's message may repeat.
// JSON lines by default (for log collectors); LOG_FORMAT=pretty writes readable lines through pino-pretty.
import { pino, type Logger } from 'pino';
import type { LogFormat, LogLevel } from './config.js';

export const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.token',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
];

const CENSOR = '[redacted]';
/** The token segment of REST routes: /interactions/<id>/<token>/callback, /webhooks/<id>/<token>/... */
const ROUTE_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"'<>]+/g;
/** Discord's interaction tokens begin with "interaction:" in base64, wherever one turns up. */
const INTERACTION_TOKEN = /aW50ZXJhY3Rpb246[\w-]*/g;
/**
 * A bot token's shape (the user id, a timestamp and a signature in base64url, joined by dots), wherever it turns
 * up: a token pasted into the wrong setting (HTTP_HOST) comes back in a library's error ("getaddrinfo ENOTFOUND").
 */
const BOT_TOKEN_SHAPE = /[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g;

/** The text with every interaction, webhook or bot token, and each of `secrets`, replaced by "[redacted]". */
export function redactTokens(text: string, secrets: readonly string[] = []): string {
  const masked = text
    .replace(ROUTE_TOKEN, `$1${CENSOR}`)
    .replace(INTERACTION_TOKEN, CENSOR)
    .replace(BOT_TOKEN_SHAPE, CENSOR);
  return secrets.reduce((s, secret) => s.split(secret).join(CENSOR), masked);
}

/**
 * A copy of logged data with every string masked. Errors are left to the `err` serializer, which turns them
 * into data first (pino's serialized errors are objects with a prototype of their own: copied as data here).
 */
function redactDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactTokens(value, secrets);
  if (depth > 8 || typeof value !== 'object' || value === null || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets, depth + 1));
  // Dates and buffers say themselves how they are written.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets, depth + 1)]));
}

export function createLogger(
  level: LogLevel,
  destination: NodeJS.WritableStream = process.stderr,
  secrets: string[] = [],
): Logger {
  const hide = secrets.filter((s) => s.length >= 8);
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      // An error's url, message, stack and request body, as pino writes them, masked.
      serializers: { err: (error: Error) => redactDeep(pino.stdSerializers.err(error), hide) },
      formatters: { log: (fields) => redactDeep(fields, hide) as Record<string, unknown> },
      // A secret that slips into a message string (a library's error text) is masked too.
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? redactTokens(a, hide) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination as pino.DestinationStream,
  );
}

/**
 * Where log lines go: the stream itself for JSON, or pino-pretty in front of it. pino-pretty runs as a stream in
 * this thread (no worker), after redaction, and is loaded only when asked for.
 */
export async function logDestination(
  format: LogFormat,
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
): Promise<NodeJS.WritableStream> {
  if (format === 'json') return stream;
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    destination: stream,
    colorize: Boolean(stream.isTTY),
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
}
