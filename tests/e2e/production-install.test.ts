// The tree as an administrator deploys it: copied, built once with `npm run build`, then installed with
// production dependencies only (`npm ci --omit=dev`: no TypeScript, no tsx) and started with the command the
// container runs (`node dist/src/main.js`). No container engine runs where these tests run, so this is how the
// image's start command is proven outside the image.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN } from '../support/bot-process.js';
import { startStandIn, type DiscordStandIn } from '../support/discord-stand-in.js';
import { ROOT } from '../support/documents.js';
import { freePort } from '../support/free-port.js';

/** What a clone holds that the build and the bot need (the Dockerfile copies the same). */
const TREE = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts',
  'src',
  'commands',
];

let tree: string;
let standIn: DiscordStandIn;

function npm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const ran = spawnSync('npm', args, {
    cwd: tree,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_PATH: '/nonexistent', NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

/** The Dockerfile's HEALTHCHECK: `node dist/src/healthcheck.js`, in the built tree. */
function healthcheck(env: Record<string, string>): { status: number | null; stderr: string } {
  const ran = spawnSync(process.execPath, ['dist/src/healthcheck.js'], {
    cwd: tree,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_PATH: '/nonexistent', ...env },
    timeout: 10_000,
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

beforeAll(async () => {
  tree = mkdtempSync(join(tmpdir(), 'factsheet-built-'));
  for (const entry of [...TREE, 'seeds']) cpSync(join(ROOT, entry), join(tree, entry), { recursive: true });
  // Build with the development dependencies this checkout already has, then drop them for the real install.
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(tree, 'node_modules'));
  const built = npm(['run', 'build']);
  expect(built.stderr + built.stdout).not.toMatch(/error/i);
  rmSync(join(tree, 'node_modules'));
  const installed = npm(['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline']);
  expect(installed.stderr).not.toMatch(/ERR!/);
  expect(installed.status).toBe(0);
  standIn = await startStandIn({ token: TEST_TOKEN });
}, 90_000);

afterAll(async () => {
  await standIn?.stop();
  if (tree) rmSync(tree, { recursive: true, force: true });
});

describe('a built tree with production dependencies only', () => {
  it('has no development dependency installed, and npm ci kept the dist/ built before', () => {
    for (const dev of ['typescript', 'tsx', 'vitest']) expect(existsSync(join(tree, 'node_modules', dev))).toBe(false);
    expect(existsSync(join(tree, 'node_modules', 'discord.js'))).toBe(true);
    expect(existsSync(join(tree, 'dist/src/main.js'))).toBe(true);
  });

  it('answers a one-shot console command with `npm run console`', async () => {
    const ran = await npmAsync(['run', '--silent', 'console', '--', '/stat query:homicides'], {});
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('nearly 2,000 homicides');
  });

  it('starts with `node dist/src/main.js`, answers on Discord, serves /metrics, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const settings = { HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' };
    const bot = startBot(
      { DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: 'seeds', LOG_LEVEL: 'info', LOG_FORMAT: 'pretty', ...settings },
      { built: tree },
    );
    try {
      // A bot that cannot start (a dependency missing from the production install) fails here with its output.
      await Promise.race([
        standIn.waitForReady(30_000),
        bot.exited.then((code) => Promise.reject(new Error(`the bot exited (${code}):\n${bot.output()}`))),
      ]);
      const callback = await standIn.waitForCallback(
        standIn.dispatchInteraction('stat', [{ name: 'query', type: 3, value: 'homicides' }]),
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
