// npm run build (and npm's prepare step, with --if-compiler): compiles src/ and commands/ into dist/, which
// npm start runs with plain node. dist/ is emptied first so a deleted source file leaves no stale module.
// With --if-compiler, a production install (npm ci --omit=dev) has no TypeScript: it keeps the dist/ built
// before instead of failing, and says so only when there is none.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);

function compilerPath() {
  try {
    return require.resolve('typescript/bin/tsc');
  } catch {
    return null;
  }
}

const tsc = compilerPath();
if (!tsc) {
  if (process.argv.includes('--if-compiler') && existsSync('dist/src/main.js')) process.exit(0);
  process.stderr.write(
    'build: TypeScript is not installed, so dist/ cannot be built: run `npm ci` with development dependencies ' +
      '(or build elsewhere and copy dist/), then `npm ci --omit=dev` for a production install\n',
  );
  process.exit(1);
}
rmSync('dist', { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(compiled.status ?? 1);
