// A real redis-server for the tests, on a free loopback port, with nothing saved to disk. `.ci/run` installs
// it (Debian's redis-server) when it is missing; elsewhere the Redis tests are skipped, saying so.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createConnection } from 'node:net';
import { freePort } from './free-port.js';

/** The redis-server binary on PATH (or in /usr/sbin, /usr/bin), or null. */
export function findRedisServer(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  for (const dir of dirs.filter(Boolean)) {
    const path = join(dir, 'redis-server');
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not here.
    }
  }
  return null;
}

export const REDIS_MISSING = 'redis-server not found: these tests need it (.ci/run installs it with apt-get)';

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

export interface RedisOptions {
  /** A port to start on again after a stop (a Redis back where the bot left it); default: a free one. */
  port?: number;
  /** More arguments, such as ["--maxmemory", "1mb", "--maxmemory-policy", "noeviction"]. */
  args?: string[];
}

/** Starts redis-server on 127.0.0.1 and resolves once it answers PING. */
export async function startRedis(binary: string, options: RedisOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    binary,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
      ...(options.args ?? []),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; !(await answers(port)); i++) {
    if (i > 100 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Fills a Redis started with a `maxmemory` and noeviction until it refuses a write (OOM), then lowers `maxmemory`
 * a little below what it uses, so that it stays full while clients' buffers come and go.
 */
export async function fillRedis(url: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    const refused = (error: Error) => {
      if (!error.message.startsWith('OOM ')) throw error;
      return true;
    };
    let key = 0;
    while (!(await client.set(`filler:${key++}`, 'x'.repeat(10_000)).then(() => false, refused)));
    const used = Number(/used_memory:(\d+)/.exec(await client.info('memory'))![1]);
    await client.config('SET', 'maxmemory', String(used - 256 * 1024));
  } finally {
    client.disconnect();
  }
}

/** FLUSHALL: room again in a full Redis. */
export async function emptyRedis(url: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  await client.flushall();
  client.disconnect();
}
