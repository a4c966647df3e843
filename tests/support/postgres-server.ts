// A real PostgreSQL for the tests, on a free loopback port and a temporary data folder removed after. `.ci/run`
// installs Debian's packages when they are missing; elsewhere the PostgreSQL tests are skipped, saying so.
// PostgreSQL refuses to run as root: as root, initdb and postgres run as the `postgres` user, on a folder
// handed to it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export const POSTGRES_MISSING = 'PostgreSQL not found: these tests need it (.ci/run installs it with apt-get)';

/** The folder holding initdb and postgres (Debian's /usr/lib/postgresql/<version>/bin, or PATH), or null. */
export function findPostgres(): string | null {
  const versions = (() => {
    try {
      return readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    } catch {
      return [];
    }
  })();
  const dirs = [...versions.map((v) => `/usr/lib/postgresql/${v}/bin`), ...(process.env.PATH ?? '').split(':')];
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(join(dir, 'initdb'), constants.X_OK);
      accessSync(join(dir, 'postgres'), constants.X_OK);
      return dir;
    } catch {
      // Not here.
    }
  }
  return null;
}

/** The uid and gid to run as: the `postgres` user when this process is root, else this process's own. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export interface PostgresServer {
  url: string;
  port: number;
  /** Stops the server (fast shutdown); its data stays until `remove`, so `restart` finds it again. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data, after a stop. */
  restart(): Promise<void>;
  /** Stops it and removes its data folder. */
  remove(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function initdb(bin: string, data: string, user: { uid: number; gid: number } | undefined): void {
  const result = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'],
    {
      ...user,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr || result.error?.message}`);
}

/** Starts postgres and resolves once it accepts connections (and says it is ready). */
async function launch(bin: string, data: string, port: number, user: { uid: number; gid: number } | undefined) {
  const args = ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', data, '-F', '-c', 'full_page_writes=off'];
  const child: ChildProcess = spawn(join(bin, 'postgres'), args, { ...user, stdio: ['ignore', 'ignore', 'pipe'] });
  let ready = false;
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    if (log.includes('ready to accept connections')) ready = true;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; !(ready && (await accepts(port))); i++) {
    if (i > 1200 || child.exitCode !== null) throw new Error(`postgres did not start on port ${port}: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, exited };
}

/** Initialises a data folder and starts PostgreSQL on 127.0.0.1; the database "postgres" is there to use. */
export async function startPostgres(bin: string): Promise<PostgresServer> {
  const user = runAs();
  const data = mkdtempSync(join(tmpdir(), 'factsheet-pg-'));
  if (user) chownSync(data, user.uid, user.gid);
  initdb(bin, data, user);
  const port = await freePort();
  let running: Awaited<ReturnType<typeof launch>> | null = await launch(bin, data, port, user);
  const stop = async () => {
    if (!running) return;
    // SIGINT: fast shutdown, open connections are ended.
    if (running.child.exitCode === null) running.child.kill('SIGINT');
    await running.exited;
    running = null;
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    restart: async () => {
      running ??= await launch(bin, data, port, user);
    },
    remove: async () => {
      await stop();
      rmSync(data, { recursive: true, force: true });
    },
  };
}
