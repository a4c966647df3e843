// Runs one of the project's npm scripts as a child process, the way a person would.
import { spawnSync } from 'node:child_process';
import { ROOT } from './documents.js';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

const TSX = `${ROOT}node_modules/.bin/tsx`;

/** `tsx <script> ...args` in the project root: the same entry point the npm scripts run. */
export function runScript(script: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Ran {
  const result = spawnSync(TSX, [script, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
