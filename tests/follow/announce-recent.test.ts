// Announcing what was fetched, on both databases: a replica announces a version only once its own library has
// read that version, so an edit another replica stored after this one's last sync is never announced with the
// text this replica still serves; it is announced, with the new text, after the next sync.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { PostMessage } from '../../src/announce/post-message.js';
import type { MessageBody } from '../../src/render/announcement.js';
import { storeDocument } from '../../src/db/documents.js';
import type { Database } from '../../src/db/open.js';
import { follow } from '../../src/db/subscriptions.js';
import { announceRecent } from '../../src/follow/announce-recent.js';
import { fetchedFile, FetchedFolder } from '../../src/follow/fetched-folder.js';
import { onBothBackends } from '../db/backends.js';
import { libraryOf } from '../support/library.js';
import { logLines } from '../support/log-lines.js';

const ID = 'fact-sheet-president-buys-aircraft';
const CHANNEL = '920000000000000101';
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A fact sheet whose opening, quoted in its announcement, carries `figure`. */
function sheet(figure: string): string {
  const front = `---\ndate: '2025-05-01'\nsource_url: https://www.whitehouse.gov/fact-sheets/${ID}/\ntitle: 'Fact Sheet: President Buys Aircraft'\n---\n`;
  return `${front}\n**THE RESULTS:**\n\n- The order buys ${figure} aircraft for the Air Force.\n`;
}

async function store(database: Database, figure: string): Promise<void> {
  const modifiedTime = new Date().toISOString();
  const document = { id: ID, url: `https://example.test/${ID}/`, title: 'Aircraft', date: '2025-05-01' };
  await storeDocument(database.db, { ...document, modifiedTime, markdown: sheet(figure) }, Date.now());
}

/** This replica's library as it reads its folder: the fetched file, parsed. */
function libraryIn(folder: FetchedFolder) {
  const file = fetchedFile(ID);
  return libraryOf({ [file]: readFileSync(join(folder.dir, `${ID}.md`), 'utf8') });
}

onBothBackends((under) => {
  it('announces an edit only with the text this replica serves', async () => {
    const database = await under.open(await under.fresh());
    await follow(database.db, { guildId: '910000000000000000', channelId: CHANNEL, words: null, createdAt: 0 });
    const posted: MessageBody[] = [];
    const post: PostMessage = (_channel, body) => (posted.push(body), Promise.resolve({ ok: true }));
    const dir = mkdtempSync(join(tmpdir(), 'fetched-'));
    folders.push(dir);
    const folder = new FetchedFolder(dir, database.db);
    const options = { db: database.db, post, owner: 'replica-a', log: logLines([]).log, folder };
    await store(database, '4,321');
    await folder.sync();
    await announceRecent(libraryIn(folder), options);
    expect(JSON.stringify(posted)).toContain('4,321');
    // Another replica stores the edit after this one's sync: its library still holds the first version.
    await store(database, '5,432');
    await announceRecent(libraryIn(folder), options);
    expect(posted).toHaveLength(1);
    await folder.sync();
    await announceRecent(libraryIn(folder), options);
    expect(posted).toHaveLength(2);
    expect(JSON.stringify(posted[1])).toContain('5,432');
    expect(JSON.stringify(posted[1])).not.toContain('4,321');
  });
});
