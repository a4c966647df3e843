import { vi } from 'vitest';
import { sharedContext, type CommandContext } from '../../src/command.js';
import { parseDocument } from '../../src/document/parse.js';
import { createLibrary, type Library } from '../../src/library/library.js';
import { loadSeed } from './documents.js';
import { snowflakeAt } from './pressed.js';
import { seededRandom } from './random.js';

export { seededRandom };

export function seedLibrary(): Library {
  return createLibrary([loadSeed()]);
}

/** The seed library whose /stat search throws: a command failing inside, for the handler's apology and metrics. */
export function failingStatLibrary(): Library {
  const library = seedLibrary();
  const figureSentences = () => {
    throw new Error('index exploded');
  };
  return { ...library, search: { ...library.search, figureSentences } };
}

/** The seed library with its /stat search watched (a built library is frozen, so it is wrapped, not spied on). */
export function watchedStatSearch() {
  const library = seedLibrary();
  const searched = vi.fn((...args: Parameters<Library['search']['figureSentences']>) =>
    library.search.figureSentences(...args),
  );
  return { library: { ...library, search: { ...library.search, figureSentences: searched } }, searched };
}

export function libraryOf(files: Record<string, string>): Library {
  return createLibrary(Object.entries(files).map(([file, text]) => parseDocument(text, { file })));
}

export function context(
  channelId = 'channel-1',
  random = seededRandom(),
  overrides: Partial<CommandContext> = {},
): CommandContext {
  return { ...sharedContext({ random }), channelId, userId: 'user-1', ...overrides };
}

/** A fact sheet far past every Discord limit: long headings, 5,000-character statements, many sections and figures. */
export function hugeDocument(sections = 40, statementsEach = 30): string {
  const out: string[] = [];
  for (let s = 0; s < sections; s++) {
    out.push(
      `${'VERY LONG HEADING NUMBER '.repeat(3)}${String.fromCharCode(65 + (s % 26))}${s}: Lead sentence with ${s + 1},000 workers and @everyone.`,
      '',
    );
    for (let p = 0; p < statementsEach; p++) {
      const words =
        p % 10 === 0
          ? 'word '.repeat(1000)
          : `Statement ${p} says nearly ${p + 2},500 homicides **and** more than ${p}% of <@123456789012345678> things.`;
      out.push(words.trim() + '.');
      if (p % 3 === 2) out.push('');
    }
    out.push('');
  }
  return out.join('\n');
}

/** The context of a button press from Discord: on a message made now by the command user-1 ran. */
export function pressContext(overrides: Partial<CommandContext> = {}): CommandContext {
  const base = context();
  return { ...base, messageOwnerId: 'user-1', message: { id: snowflakeAt(base.now()) }, ...overrides };
}

/** Three dated sheets: two near-identical sentences ("17 leading economists", "17 of the leading ...") and one with another figure. */
export function nearSameLibrary(): Library {
  const sheet = (title: string, date: string, text: string) => `# ${title}\n\n${date}\n\n## Economy\n\n${text}\n`;
  return libraryOf({
    'march.md': sheet('March jobs', 'March 3, 2025', 'The plan is backed by 17 leading economists across the country.'),
    'april.md': sheet(
      'April jobs',
      'April 3, 2025',
      'The plan is backed by 17 of the leading economists across the country.',
    ),
    'may.md': sheet('May jobs', 'May 3, 2025', 'The plan is backed by 12 leading economists across the country.'),
  });
}
