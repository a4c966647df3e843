// The tree as an administrator deploys it: the files the Dockerfile copies, built with `npm run build`, then
// installed with production dependencies only (`npm ci --omit=dev`: no TypeScript, no tsx) and started with the
// Dockerfile's own CMD, checked with its own HEALTHCHECK. No container engine runs where these tests run, so
// this is how the image's start command is proven outside the image.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { startBot, TEST_TOKEN } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { ROOT } from '../support/documents.js';
import { freePort } from '../support/free-port.js';
import { EVENT_DEADLINE_MS } from '../support/deadline.js';

const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** The exec-form command of an instruction: CMD ["node", ...], or the CMD inside HEALTHCHECK. */
function dockerCommand(instruction: 'CMD' | 'HEALTHCHECK'): string[] {
  const pattern = instruction === 'CMD' ? /^CMD (\[.*\])\s*$/m : /^HEALTHCHECK .*?CMD (\[.*\])\s*$/m;
  return JSON.parse(pattern.exec(DOCKERFILE)![1]!);
}

/** What the Dockerfile copies from the build context (every COPY without --from, less its destination). */
const COPIED = [
  ...new Set(
    [...DOCKERFILE.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/).slice(0, -1)),
  ),
];

let tree: string;
let standIn: DiscordStandIn;

// An install may compile better-sqlite3 from source (no prebuilt binary can be fetched offline): minutes on a
// busy machine, a cost of the install and not of the bot.
const INSTALL_MS = 15 * 60_000;

function npm(args: string[], timeout = EVENT_DEADLINE_MS): { status: number | null; stdout: string; stderr: string } {
  const ran = spawnSync('npm', args, {
    cwd: tree,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_PATH: '/nonexistent', NO_COLOR: '1' },
    timeout,
  });
  return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

/** The Dockerfile's HEALTHCHECK command, run in the built tree. */
function healthcheck(env: Record<string, string>): { status: number | null; stderr: string } {
  const [node, ...args] = dockerCommand('HEALTHCHECK');
  expect(node).toBe('node');
  const ran = spawnSync(process.execPath, args, {
    cwd: tree,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_PATH: '/nonexistent', ...env },
    timeout: EVENT_DEADLINE_MS,
  });
  return { status: ran.status, stderr: ran.stderr };
}

/** Like npm(), without blocking this process while the child talks to the stand-in it runs. */
function npmAsync(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: tree, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

beforeAll(
  async () => {
    tree = mkdtempSync(join(tmpdir(), 'factsheet-built-'));
    for (const entry of COPIED) cpSync(join(ROOT, entry), join(tree, entry), { recursive: true });
    // Build with the development dependencies this checkout already has, then drop them for the real install.
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(tree, 'node_modules'));
    const built = npm(['run', 'build']);
    expect(built.stderr + built.stdout).not.toMatch(/error/i);
    rmSync(join(tree, 'node_modules'));
    const installed = npm(['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], INSTALL_MS);
    expect(installed.stderr).not.toMatch(/ERR!/);
    expect(installed.status).toBe(0);
    standIn = await startStandIn({ token: TEST_TOKEN });
  },
  INSTALL_MS + 2 * EVENT_DEADLINE_MS,
);

afterAll(async () => {
  await standIn?.stop();
  if (tree) rmSync(tree, { recursive: true, force: true });
});

describe('what the container runs, proven outside a container', () => {
  it('is what the Dockerfile copies, started and checked by node itself', () => {
    expect(COPIED).toEqual(expect.arrayContaining(['package-lock.json', 'src', 'commands', 'scripts', 'seeds']));
    expect(dockerCommand('CMD')).toEqual(['node', 'dist/src/main.js']);
    expect(dockerCommand('HEALTHCHECK')).toEqual(['node', 'dist/src/healthcheck.js']);
  });

  it('has no development dependency installed, and npm ci kept the dist/ built before', () => {
    for (const dev of ['typescript', 'tsx', 'vitest']) expect(existsSync(join(tree, 'node_modules', dev))).toBe(false);
    expect(existsSync(join(tree, 'node_modules', 'discord.js'))).toBe(true);
    // The default database's native module, built by the install.
    expect(existsSync(join(tree, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(tree, 'dist/src/main.js'))).toBe(true);
  });

  it('runs under compose with the documents folder mounted where the image serves it, and HTTP_PORT published', () => {
    const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8'));
    const bot = compose.services.bot;
    const seedsDir = /SEEDS_DIR=(\S+)/.exec(DOCKERFILE)![1];
    expect(bot.volumes).toContain(`./seeds:${seedsDir}:ro`);
    expect(bot.environment.SEEDS_DIR).toBe(seedsDir);
    expect(bot.ports).toContain(`127.0.0.1:${bot.environment.HTTP_PORT}:${bot.environment.HTTP_PORT}`);
    expect(loadConfig(bot.environment)).toMatchObject({ httpPort: 8080, httpHost: null, seedsDir });
  });

  it('answers a one-shot console command with `npm run console`', async () => {
    const ran = await npmAsync(['run', '--silent', 'console', '--', '/stat query:homicides'], {});
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('nearly 2,000 homicides');
  });

  it('starts with the Dockerfile CMD, answers on Discord, passes its HEALTHCHECK, exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const settings = { HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' };
    const bot = startBot(
      { DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: 'seeds', LOG_LEVEL: 'info', LOG_FORMAT: 'pretty', ...settings },
      { built: { root: tree, command: dockerCommand('CMD') } },
    );
    try {
      // A bot that cannot start (a dependency missing from the production install) fails here with its output.
      await Promise.race([
        standIn.waitForReady(),
        bot.exited.then((code) => Promise.reject(new Error(`the bot exited (${code}):\n${bot.output()}`))),
      ]);
      const callback = await standIn.waitForCallback(
        standIn.dispatchInteraction('stat', [
          { name: 'query', type: ApplicationCommandOptionType.String, value: 'homicides' },
        ]),
      );
      expect(JSON.stringify(callback.body)).toContain('**nearly 2,000** homicides');
      // The container's HEALTHCHECK command, and a scrape: prom-client and pino-pretty are production dependencies.
      expect(healthcheck(settings)).toEqual({ status: 0, stderr: '' });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^factsheet_interactions_total\{command="stat",kind="command",outcome="answered"\} 1$/m);
      expect(bot.output()).toMatch(/INFO.*connected to Discord/);
      expect((await bot.stop('SIGTERM')).code).toBe(0);
      expect(healthcheck(settings).status).toBe(1);
      expect(standIn.violations).toEqual([]);
    } finally {
      await bot.stop('SIGKILL');
    }
  });
});
