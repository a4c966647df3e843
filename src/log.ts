// pino, with the token redacted wherever it could appear in a log line.
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

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
