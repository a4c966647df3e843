// The test split (tests/fixtures/gold-test/) was written by reading its documents before any ranking change and
// is never tuned on. FROZEN.sha256 records every file as frozen: an edit to the split fails here, so changing it
// is a deliberate, visible act (a new manifest in its own commit, with the reason), never a side effect of tuning.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SPLIT = join(import.meta.dirname, '../fixtures/gold-test');
// /trend's questions: test.json is frozen; tune.json beside it is the one to tune on.
const TREND_SPLIT = join(import.meta.dirname, '../fixtures/trend-gold');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [relative(SPLIT, path)];
  });
}

function manifestOf(dir: string): [string, string][] {
  return readFileSync(join(dir, 'FROZEN.sha256'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/) as [string, string]);
}

const hashOf = (dir: string, file: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, file)))
    .digest('hex');

describe('the frozen test split', () => {
  it('is exactly the files its manifest records, unchanged', () => {
    const manifest = manifestOf(SPLIT);
    expect(manifest.map(([, file]) => file).sort()).toEqual(
      filesUnder(SPLIT)
        .filter((f) => f !== 'FROZEN.sha256')
        .sort(),
    );
    for (const [hash, file] of manifest) expect(hashOf(SPLIT, file), file).toBe(hash);
  });

  it("keeps /trend's test questions as annotated", () => {
    const manifest = manifestOf(TREND_SPLIT);
    expect(manifest.map(([, file]) => file)).toEqual(['test.json']);
    for (const [hash, file] of manifest) expect(hashOf(TREND_SPLIT, file), file).toBe(hash);
  });
});
