// Runs one of the project's entry points as a child process, the way a person would. Tests run the source
// through tsx (what `npm run dev` runs), never a dist/ that may be stale; the compiled tree that `npm start`
// runs is proven by tests/e2e/production-install.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { ROOT } from './documents.js';
import { EVENT_DEADLINE_MS } from './deadline.js';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

const TSX = `${ROOT}node_modules/.bin/tsx`;

/** `tsx <script> ...args` in the project root: the source of the entry point the npm script runs compiled. */
export function runScript(
  script: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): Ran {
  const result = spawnSync(TSX, [script, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? EVENT_DEADLINE_MS,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like runScript, without blocking this process: for children that talk to a server this process runs. */
export function runScriptAsync(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeout?: number } = {},
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [script, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 30_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
