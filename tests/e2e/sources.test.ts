// Every answer linked and citable, end to end: the real bot process against the Discord stand-in, serving a
// folder with dated fact sheets (one held by two files), a long section and the seed. The Cite button answers
// privately with a citation; a long section pages with Next and Previous; a shared section name gives a list
// whose numbers post the section. Every body the bot sends is checked against Discord's schema.
import { MessageFlags } from 'discord-api-types/v10';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_TOKEN, type BotProcess } from '../support/bot-process.js';
import { startStandIn, type Callback, type DiscordStandIn } from '../support/discord-stand-in.js';
import { ROOT, SEED_PATH } from '../support/documents.js';

const STRING = 3;
let standIn: DiscordStandIn;
let bot: BotProcess;

type Button = { custom_id: string; label: string; disabled?: boolean };
const buttonsOf = (callback: Callback) =>
  ((callback.body.data?.components ?? []) as Array<{ components: Button[] }>).flatMap((r) => r.components);
const embedOf = (callback: Callback) =>
  (callback.body.data as { embeds: Array<{ title?: string; description: string; footer: { text: string } }> })
    .embeds[0]!;

/** A section of 60 statements: longer than one message. */
function longSheet(): string {
  const statements = Array.from(
    { length: 60 },
    (_, i) => `Statement ${i} says the city opened ${i + 2} parks in district ${i}, ${'and more '.repeat(8)}.`,
  );
  return `PARKS AND GREEN SPACES: The city opened parks.\n\n${statements.join('\n\n')}\n\nOVERVIEW: Parks are for everyone.\n`;
}

function documentsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sources-e2e-'));
  copyFileSync(SEED_PATH, join(dir, 'border.txt'));
  copyFileSync(`${ROOT}tests/fixtures/corpus/mortgage-credit.md`, join(dir, 'mortgage-credit.md'));
  // The same fact sheet downloaded twice: served once.
  copyFileSync(`${ROOT}tests/fixtures/corpus/mortgage-credit.md`, join(dir, 'mortgage-credit-2.md'));
  writeFileSync(join(dir, 'parks.txt'), longSheet());
  writeFileSync(
    join(dir, 'roads.md'),
    "---\ntitle: 'Fact Sheet: Roads'\ndate: '2024-05-01'\n---\n\n**OVERVIEW:** Roads are repaired.\n\n**WORK:** Crews fixed 300 bridges.\n",
  );
  return dir;
}

async function ask(name: string, options: Array<{ name: string; type: number; value: unknown }>) {
  return standIn.waitForCallback(standIn.dispatchInteraction(name, options));
}

beforeAll(async () => {
  standIn = await startStandIn({ token: TEST_TOKEN });
  bot = startBot({ DISCORD_API_URL: standIn.apiUrl, SEEDS_DIR: documentsFolder() });
  await standIn.waitForReady(30_000);
}, 40_000);

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

describe('sources against the stand-in', () => {
  it('serves a document held by two files once, and the log names both files', async () => {
    const line = await bot.waitForLog((l) => String(l.msg).includes('not served: the same document'));
    expect(line.msg).toBe(
      'mortgage-credit-2.md: not served: the same document (“Fact Sheet: President Donald J. Trump Promotes Access to Mortgage Credit”) as mortgage-credit.md, which is served',
    );
    const listed = await ask('documents', []);
    expect(embedOf(listed).footer.text).toMatch(/^4 documents · /);
  });

  it('links each hit to its sentence, and Cite answers privately with a citation ready to paste', async () => {
    const answer = await ask('stat', [{ name: 'query', type: STRING, value: 'billion' }]);
    expect(answer.body.type).toBe(4);
    expect(embedOf(answer).description).toContain(
      '](https://www.whitehouse.gov/fact-sheets/2026/03/fact-sheet-president-donald-j-trump-promotes-access-to-mortgage-credit/#:~:text=',
    );
    const cite = buttonsOf(answer).find((b) => b.label === 'Cite 1')!;
    // Anyone may cite an answer, not only who asked.
    const pressed = await standIn.waitForCallback(standIn.dispatchButton(cite.custom_id, '930000000000000777'));
    expect(pressed.body.type).toBe(4);
    const data = pressed.body.data as { flags: number; content: string };
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toMatch(
      /^Citation, ready to paste:\n```\n“.+” — Fact Sheet: President Donald J\. Trump Promotes Access to Mortgage Credit, 2026-03-13\. https:\/\/www\.whitehouse\.gov\/\S+#:~:text=\S+\n```$/,
    );
    expect(standIn.violations).toEqual([]);
  });

  it('pages a long section with Next and Previous', async () => {
    const first = await ask('section', [{ name: 'name', type: STRING, value: 'parks and green spaces' }]);
    expect(embedOf(first).footer.text).toMatch(/^Section 1 of 2 · Page 1 of \d+ · Parks/);
    const next = buttonsOf(first).find((b) => b.label === 'Next')!;
    const second = await standIn.waitForCallback(standIn.dispatchButton(next.custom_id));
    expect(second.body.type).toBe(7);
    expect(embedOf(second).footer.text).toMatch(/^Section 1 of 2 · Page 2 of /);
    expect(embedOf(second).description).not.toContain('Statement 0 says');
    const previous = buttonsOf(second).find((b) => b.label === 'Previous')!;
    const back = await standIn.waitForCallback(standIn.dispatchButton(previous.custom_id));
    expect(embedOf(back).description).toContain('Statement 0 says');
    const cite = buttonsOf(back).find((b) => b.label === 'Cite')!;
    const cited = await standIn.waitForCallback(standIn.dispatchButton(cite.custom_id));
    expect((cited.body.data as { content: string }).content).toContain('“PARKS AND GREEN SPACES” — Parks');
    expect(standIn.violations).toEqual([]);
  });

  it('a name two documents share gives a list; a number pressed posts that section', async () => {
    const list = await ask('section', [{ name: 'name', type: STRING, value: 'overview' }]);
    expect((list.body.data as { flags: number }).flags).toBe(MessageFlags.Ephemeral);
    expect(embedOf(list).description).toMatch(/^\*\*1\.\*\* Overview — \*Fact Sheet: Roads\* · 2024-05-01\n/);
    const posted = await standIn.waitForCallback(standIn.dispatchButton(buttonsOf(list)[0]!.custom_id));
    expect(posted.body.type).toBe(4);
    expect(embedOf(posted).title).toBe('Overview');
    expect(embedOf(posted).footer.text).toBe('Section 1 of 2 · Fact Sheet: Roads · 2024-05-01');
    expect(standIn.violations).toEqual([]);
  });
});
