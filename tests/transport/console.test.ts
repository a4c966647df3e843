import { InteractionResponseType } from 'discord-api-types/v10';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { complete, newSession, pressButton, runInteractive, runLine } from '../../src/transport/console.js';
import { SEIZURE_SHEETS, sheetsFolder } from '../support/dated-sheets.js';
import { expectValidResponse } from '../support/discord-contract.js';
import { seedLibrary } from '../support/library.js';
import { ROOT } from '../support/documents.js';
import { runScript } from '../support/run.js';
import { EVENT_DEADLINE_MS } from '../support/deadline.js';

const CONSOLE = 'src/console.ts';

describe('npm run console (child process)', () => {
  it("--out writes a reply's chart and prints its path; without it, says it is attached", () => {
    const seeds = sheetsFolder(SEIZURE_SHEETS);
    const out = join(mkdtempSync(join(tmpdir(), 'charts-')), 'charts');
    const ran = runScript(CONSOLE, [`--seeds=${seeds}`, `--out=${out}`, '/trend query:pounds of fentanyl']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('Trend of “pounds of fentanyl” — pounds');
    expect(ran.stdout.trim().split('\n').at(-1)).toBe(`wrote ${join(out, 'trend.png')}`);
    const png = PNG.sync.read(readFileSync(join(out, 'trend.png')));
    expect([png.width, png.height]).toEqual([800, 450]);
    const plain = runScript(CONSOLE, [`--seeds=${seeds}`, '/trend query:pounds of fentanyl']);
    expect(plain.stdout).toMatch(/\(attached: trend\.png, \d+ bytes; --out=DIR writes it\)\n$/);
  });

  it('--json describes an attachment by name, size and type, never its bytes', () => {
    const ran = runScript(CONSOLE, [
      `--seeds=${sheetsFolder(SEIZURE_SHEETS)}`,
      '--json',
      '/trend query:pounds of fentanyl',
    ]);
    const response = JSON.parse(ran.stdout);
    expect(response.data.files).toEqual([{ name: 'trend.png', size: expect.any(Number), contentType: 'image/png' }]);
    expect(response.data.files[0].size).toBeGreaterThan(1000);
    expect(response.data.attachments).toEqual([
      { id: '0', filename: 'trend.png', description: 'Chart of pounds of fentanyl (pounds) by document date' },
    ]);
  });

  it('one-shot: prints the reply as readable text', () => {
    const ran = runScript(CONSOLE, ['/stat query:homicides']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('Figures for “homicides”');
    expect(ran.stdout).toContain('│ These criminals were responsible for nearly 2,000 homicides');
    expect(ran.stdout).toContain('— Saving American Lives');
  });

  it('--json prints only the exact interaction response the bot would send', () => {
    const ran = runScript(CONSOLE, ['--json', '/stat query:homicides']);
    expect(ran.status).toBe(0);
    expect(ran.stdout.trim().split('\n')).toHaveLength(1);
    const response = JSON.parse(ran.stdout);
    expectValidResponse(response);
    expect(response.type).toBe(4);
    expect(response.data.embeds[0].description).toContain('**nearly 2,000** homicides');
  });

  it('--autocomplete prints the autocomplete response', () => {
    const ran = runScript(CONSOLE, ['--autocomplete', '/section name:sav']);
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Saving American Lives', value: 'saving-american-lives' }] },
    });
  });

  it('with stdin not a terminal, reads one command a line and prints one JSON line each', () => {
    const ran = runScript(CONSOLE, [], {
      input:
        '/section name:border\n\n/stat query:troops\n/nope\n--autocomplete /stat query:homi\n/quote private:true\n',
    });
    const lines = ran.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].data.embeds[0].title).toBe('Securing Our Border');
    expect(lines[1].data.embeds[0].description).toContain('**thousands** of troops');
    expect(lines[2]).toEqual({
      error:
        'unknown command /nope; the commands are /section, /stat, /trend, /quote, /search, /check, /documents, /help',
    });
    expect(lines[3].data.choices[0].name).toBe('nearly 2,000 — homicides');
    expect(lines[4].data.flags).toBe(64);
    for (const line of [lines[0], lines[1], lines[3], lines[4]]) expectValidResponse(line);
    expect(ran.status).toBe(2);
  });

  it('an unknown command or option gets a clear message and exit code 2', () => {
    const command = runScript(CONSOLE, ['/stats query:x']);
    expect(command.status).toBe(2);
    expect(command.stderr.trim()).toBe(
      'console: unknown command /stats; the commands are /section, /stat, /trend, /quote, /search, /check, /documents, /help',
    );
    const option = runScript(CONSOLE, ['/stat q:homicides']);
    expect(option.status).toBe(2);
    expect(option.stderr.trim()).toBe(
      'console: unknown option "q" for /stat; usage: /stat document:<text> query:<text> after:<text> before:<text> private:<true|false>',
    );
    const flag = runScript(CONSOLE, ['--jsno', '/stat']);
    expect(flag.status).toBe(2);
    const bool = runScript(CONSOLE, ['/quote private:maybe']);
    expect(bool.status).toBe(2);
    expect(bool.stderr).toContain('option "private" takes true or false');
  });

  it('--json after the command: taken when the shell or npm split it off, refused clearly inside the command', () => {
    // `npm run console -- /stat query:homicides --json`: the shell splits it off, and the console takes it.
    const after = runScript(CONSOLE, ['/stat', 'query:homicides', '--json']);
    expect(after.status).toBe(0);
    expect(JSON.parse(after.stdout).data.embeds[0].description).toContain('**nearly 2,000** homicides');
    // `npm run console "/stat query:homicides" --json` (no `--`): npm keeps --json and says so in npm_config_json.
    const npmKept = runScript(CONSOLE, ['/stat query:homicides'], { env: { npm_config_json: 'true' } });
    expect(npmKept.status).toBe(0);
    expect(JSON.parse(npmKept.stdout).data.embeds[0].description).toContain('**nearly 2,000** homicides');
    // Inside the quotes it would be searched for as words of the query.
    const inside = runScript(CONSOLE, ['/stat query:homicides --json']);
    expect(inside.status).toBe(2);
    expect(inside.stdout).toBe('');
    expect(inside.stderr.trim()).toBe(
      'console: --json is an option of the console, not of /stat: give it before the command, as in npm run console -- --json "/stat …"',
    );
    const typed = runScript(CONSOLE, [], { input: '/stat query:homicides --json\n' });
    expect(JSON.parse(typed.stdout).error).toMatch(/^--json is an option of the console, not of \/stat/);
  });

  it('--seeds serves another folder, and says so when it has nothing to serve', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 12 parks.\n');
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00]));
    const ran = runScript(CONSOLE, ['--seeds', dir, '--json', '/stat query:parks']);
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout).data.embeds[0].description).toContain('**12** parks');
    expect(ran.stderr).toContain('not served: broken.txt:1: the file is binary');
    const empty = mkdtempSync(join(tmpdir(), 'seeds-'));
    const none = runScript(CONSOLE, ['--seeds', empty, '/stat']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no servable document');
  });
});

describe('interactive console', () => {
  it('completes commands, options and option values', () => {
    const session = newSession(seedLibrary(), commands);
    expect(complete(session, '/st')[0]).toEqual(['/stat ']);
    expect(complete(session, '/stat ')[0]).toEqual([
      '/stat document:',
      '/stat query:',
      '/stat after:',
      '/stat before:',
      '/stat private:',
    ]);
    expect(complete(session, '/stat query:homicides p')[0]).toEqual(['/stat query:homicides private:']);
    // Values complete as text a person would type, not the ids Discord sends back.
    expect(complete(session, '/section name:sav')[0]).toEqual(['/section name:Saving American Lives']);
  });

  it('completes to lines without runs of spaces, and no space after a command that takes no option', () => {
    const session = newSession(seedLibrary(), commands);
    expect(complete(session, '/he')[0]).toEqual(['/help']);
    expect(complete(session, '  /st')[0]).toEqual(['/stat ']);
    expect(complete(session, '/stat   q')).toEqual([['/stat query:'], '/stat   q']);
    expect(complete(session, '/stat  ')[0]).toContain('/stat query:');
    expect(complete(session, '/stat query:homicides   p')[0]).toEqual(['/stat query:homicides private:']);
    expect(complete(session, '/section  name:sav')[0]).toEqual(['/section name:Saving American Lives']);
    const completed = complete(session, '/stat query:homicides  ')[0];
    expect(completed.filter((line) => /\s{2}|\s$/.test(line))).toEqual([]);
  });

  it('hands a press the reply it sits on, as Discord does: a long query pages, a preview posts', () => {
    const session = newSession(seedLibrary(), commands);
    const query = 'president '.repeat(11).trim();
    runLine(session, `/search query:${query} preview:true`);
    const paged = JSON.stringify(pressButton(session, 'next'));
    expect(paged).toContain('Page 2 of');
    expect(paged).toContain(`Search: “${query}”`);
    expect(JSON.stringify(pressButton(session, 'post'))).not.toContain('Preview');
  });

  it('answers typed commands until exit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += chunk));
    const done = runInteractive(newSession(seedLibrary(), commands), input, output, false);
    input.write('/stat query:burglaries\n');
    input.write('next\n');
    input.write('/search query:president\n');
    input.write('next\n');
    input.write('next\n');
    input.write('previous\n');
    input.write('/nope\n');
    input.write('help\n');
    input.write('exit\n');
    await done;
    expect(text).toContain('more than 10,000 burglaries');
    expect(text).toMatch(/Page 1 of 3[\s\S]*Page 2 of 3[\s\S]*Page 3 of 3[\s\S]*Page 2 of 3/);
    expect(text).toContain('The last reply has no "next" button to press.');
    expect(text).toContain('unknown command /nope');
    expect(text).toContain('/section document: name: private:');
  });
});

describe('the console for people editing documents', () => {
  it('Tab completes text a person would type, not ids', () => {
    const session = newSession(seedLibrary(), commands);
    expect(complete(session, '/stat query:burg')[0]).toEqual(['/stat query:burglaries']);
    expect(complete(session, '/quote section:sav')[0]).toEqual(['/quote section:Saving American Lives']);
    expect(complete(session, '/stat document:bord')[0]).toEqual(['/stat document:Border Security and Immigration']);
  });

  it('runs several one-shot commands one after another, each under its own line', () => {
    const ran = runScript(CONSOLE, ['/stat query:troops', '/section', 'name:2']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/factsheet> \/stat query:troops\n[\s\S]*thousands[\s\S]*factsheet> \/section name:2\n/);
    expect(ran.stdout).toContain('Saving American Lives');
    const json = runScript(CONSOLE, ['--json', '/stat query:troops', '/nope', '/section name:2']);
    expect(json.status).toBe(2);
    expect(
      json.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).data.embeds[0].title),
    ).toEqual(['Figures for “troops”', 'Saving American Lives']);
    expect(json.stderr).toContain('console: unknown command /nope');
  });

  it('takes --seeds=DIR, and an error names the flag that was used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(join(dir, 'parks.txt'), 'PARKS: The city opened 12 parks.\n');
    const ran = runScript(CONSOLE, [`--seeds=${dir}`, '--json', '/stat query:parks']);
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout).data.embeds[0].description).toContain('**12** parks');
    const missing = runScript(CONSOLE, ['--seeds=/no/such/folder', '/stat']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'console: --seeds /no/such/folder is not a folder: there are no documents to serve',
    );
    const bare = runScript(CONSOLE, ['/stat', '--seeds']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^console: --seeds needs a folder/);
    const fromEnv = runScript(CONSOLE, ['/stat'], { env: { SEEDS_DIR: '/no/such/folder' } });
    expect(fromEnv.stderr.trim()).toBe(
      'console: SEEDS_DIR /no/such/folder is not a folder: there are no documents to serve',
    );
  });

  it('in line mode, "next" presses the last reply’s button, or says clearly that it has none', () => {
    const ran = runScript(CONSOLE, [], { input: 'next\n/search query:president\nnext\n/quote\nprevious\n' });
    const lines = ran.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ error: 'The last reply has no "next" button to press.' });
    expect(lines[1].type).toBe(4);
    expect(lines[2].type).toBe(7);
    expect(lines[2].data.embeds[0].footer.text).toMatch(/^Page 2 of 3/);
    expect(lines[4]).toEqual({ error: 'The last reply has no "previous" button to press.' });
    expect(ran.status).toBe(2);
  });

  it('serves an edited document from the next command on, as the bot does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    const parks = join(dir, 'parks.txt');
    writeFileSync(parks, 'PARKS: The city opened 12 parks.\n');
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, [CONSOLE, `--seeds=${dir}`], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const ask = async (seen: number) => {
      child.stdin.write('/stat query:parks\n');
      const deadline = Date.now() + 15_000;
      while (out.split('\n').filter(Boolean).length <= seen && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      return out.trim().split('\n').at(-1)!;
    };
    expect(await ask(0)).toContain('**12** parks');
    writeFileSync(parks, 'PARKS: The city opened 15 parks.\n');
    let answer = '';
    for (let tries = 0; tries < 40 && !answer.includes('**15** parks'); tries++) {
      await new Promise((r) => setTimeout(r, 250));
      answer = await ask(out.trim().split('\n').length);
    }
    child.stdin.end();
    expect(answer).toContain('**15** parks');
    expect(err).toContain('documents reloaded: changed parks.txt');
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  }, 30_000);
});

describe('npm start without a token', () => {
  it('says in one line what is missing, and that npm run console exists, and exits 1 when not at a terminal', () => {
    const ran = runScript('src/main.ts', [], { env: { DISCORD_TOKEN: '', DOTENV_CONFIG_PATH: '/nonexistent' } });
    expect(ran.status).toBe(1);
    expect(ran.stderr.trim().split('\n')).toEqual([
      'factsheet-bot: DISCORD_TOKEN is not set, so the bot cannot connect to Discord (README, "Discord setup"). npm run console answers the commands here, without Discord.',
    ]);
  });

  it('names a bad setting in one line, with no stack trace', () => {
    const ran = runScript('src/main.ts', [], { env: { DISCORD_TOKEN: 'nope', DOTENV_CONFIG_PATH: '/nonexistent' } });
    expect(ran.status).toBe(1);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toMatch(/^factsheet-bot: DISCORD_TOKEN does not look like a bot token/);
  });

  // `script` (util-linux) gives the child a real terminal, as a person at a shell has.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('at a terminal, says what is missing and opens the console', () => {
    const ran = spawnSync('script', ['-qec', 'node_modules/.bin/tsx src/main.ts', '/dev/null'], {
      cwd: ROOT,
      input: '/stat query:troops\nexit\n',
      env: { ...process.env, DISCORD_TOKEN: '', DOTENV_CONFIG_PATH: '/nonexistent' },
      encoding: 'utf8',
      timeout: EVENT_DEADLINE_MS,
    });
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(
      'DISCORD_TOKEN is not set, so the bot cannot connect to Discord (README, "Discord setup"); starting the local console instead.',
    );
    expect(ran.stdout).toContain('factsheet-bot console: Border Security and Immigration');
    expect(ran.stdout).toContain('thousands');
    expect(ran.stdout).toContain('of troops to address this crisis.');
  });
});
