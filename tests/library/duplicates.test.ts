// Two files holding the same document are served once, with a warning naming both (issue: "No repeats").
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveLibrary } from '../../src/library/reload.js';
import { SEED_PATH } from '../support/documents.js';

const sheet = (date: string, url: string, title = 'Fact Sheet: Parks for Everyone') =>
  `---\ntitle: '${title}'\ndate: '${date}'\nsource_url: ${url}\n---\n\n**PARKS:** The city opened 12 parks.\n\nThey serve 40,000 families.\n`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'duplicates-'));
  copyFileSync(SEED_PATH, join(dir, 'border.txt'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('the same document in two files', () => {
  it('is served once (the first by name, a copy\'s "-2" aside), and a warning names both files', async () => {
    const dir = folder({
      'parks.md': sheet('2025-02-04', 'https://example.gov/parks'),
      // A second download, a day later under another address: the same title and words.
      'parks-2.md': sheet('2025-02-05', 'https://example.gov/parks-again'),
    });
    const live = new LiveLibrary(dir);
    const report = await live.refresh();
    expect(live.current().documents.map((d) => d.file)).toEqual(['border.txt', 'parks.md']);
    expect(report.warnings).toEqual([
      'parks-2.md: not served: the same document (“Fact Sheet: Parks for Everyone”) as parks.md, which is served',
    ]);
    expect(live.current().search.statements('parks')).toHaveLength(1);
  });

  it('keeps documents that share only a title, or only their words', async () => {
    const dir = folder({
      'a.md': sheet('2025-02-04', 'https://example.gov/a'),
      'b.md': sheet('2025-02-04', 'https://example.gov/b', 'Fact Sheet: Parks, a Second Look'),
      'c.md': sheet('2025-02-04', 'https://example.gov/c').replace('12 parks', '13 parks'),
    });
    const live = new LiveLibrary(dir);
    const report = await live.refresh();
    expect(live.current().documents).toHaveLength(4);
    expect(report.warnings).toEqual([]);
  });

  it('names a repeat once, not again at every reload', async () => {
    const dir = folder({ 'a.md': sheet('2025-02-04', 'https://example.gov/a'), 'b.md': sheet('2025-02-04', 'x') });
    const live = new LiveLibrary(dir);
    expect((await live.refresh()).warnings).toHaveLength(1);
    writeFileSync(join(dir, 'other.txt'), 'LIBRARIES: The city opened 3 libraries.\n');
    const again = await live.refresh();
    expect(again.added).toEqual(['other.txt']);
    expect(again.warnings).toEqual([]);
    expect(live.current().documents).toHaveLength(3);
  });
});
