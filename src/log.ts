// pino, with the token redacted wherever it could appear in a log line. JSON lines by default (for log
// collectors); LOG_FORMAT=pretty writes readable lines through pino-pretty for a person at a terminal.
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

export function createLogger(
  level: LogLevel,
  destination: NodeJS.WritableStream = process.stderr,
  secrets: string[] = [],
): Logger {
  const hide = secrets.filter((s) => s.length >= 8);
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // A secret that slips into a message string (a library's error text) is masked too.
      hooks: hide.length
        ? {
            logMethod(args, method) {
              method.apply(
                this,
                args.map((a) =>
                  typeof a === 'string' ? hide.reduce((s, secret) => s.split(secret).join('[redacted]'), a) : a,
                ) as Parameters<typeof method>,
              );
            },
          }
        : {},
      formatters: {},
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
