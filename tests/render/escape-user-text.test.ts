// What a user typed (or a document's title) is echoed in replies: it must read as typed, never format, link,
// ping, or render as a live Discord element (heading, quote, list, timestamp, command or emoji).
import { describe, expect, it } from 'vitest';
import { escapeUserText } from '../../src/render/text.js';

/** Whether a line of Discord markdown starts with block markup Discord renders (heading, subtext, quote, list). */
const BLOCK_MARKUP = /^[ \t]*(#{1,3}[ \t]|-#[ \t]|>|[-*+][ \t]|\d+[.)][ \t])/m;
/** Timestamps, slash-command mentions, custom emoji, guild navigation: all live elements in message text. */
const LIVE_ELEMENT = /<(t:-?\d+(:[tTdDfFsSR])?|\/[\w -]+:\d+|a?:\w+:\d+|id:\w+)>/;

describe('escapeUserText', () => {
  it.each([
    'homicides\n# heading',
    'x\n## two\n### three',
    'x\n-# small print',
    'x\n> quoted',
    'x\n>>> quoted to the end',
    'x\n- item\n* item\n+ item',
    'x\n1. first\n2) second',
    '  # indented heading',
    '# at the start',
    '> at the start',
    'x\r\n# after CRLF',
  ])('leaves no line starting with block markup: %j', (input) => {
    const escaped = escapeUserText(input);
    for (const line of escaped.split('\n')) expect(line, JSON.stringify(escaped)).not.toMatch(BLOCK_MARKUP);
  });

  it.each([
    '<t:0:R>',
    '<t:1700000000>',
    'meet at <t:1700000000:F> sharp',
    '</stat:123456789012345678>',
    '</search query:123456789012345678>',
    '<:party:123456789012345678>',
    '<a:dance:123456789012345678>',
    '<id:customize>',
  ])('renders no live element: %j', (input) => {
    expect(escapeUserText(input)).not.toMatch(LIVE_ELEMENT);
  });

  it('keeps what was typed readable: only invisible characters and backslashes are added', () => {
    const input = 'x\n# heading <t:0:R> </stat:1> <:e:2>';
    const shown = escapeUserText(input)
      .replace(/\u200b/g, '')
      .replace(/\\(?=[#>\-.:/<])/g, '');
    expect(shown).toBe(input);
  });

  it('leaves ordinary text alone', () => {
    expect(escapeUserText('nearly 2,000 homicides - 5 > 4')).toBe('nearly 2,000 homicides - 5 > 4');
  });
});

describe('escapeUserText without Markdown marks', () => {
  /** The escape as it was before text without marks skipped escapeMarkdown: what it must still give, exactly. */
  const escapedWhole = (text: string) => {
    const marked = `${text}\u0060`; // a backquote makes escapeMarkdown run; its own escape is taken off after
    const escaped = escapeUserText(marked);
    return escaped.endsWith('\\\u0060') ? escaped.slice(0, -2) : null;
  };
  const alphabet = ['a', 'Z', '7', ' ', '\n', '#', '>', '-', '.', ':', '/', '<', '@', '’', 'é', '(', ')', '[', 'http'];

  it('gives exactly what running every escape gives, for titles and random text without marks', () => {
    let seed = 21;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * alphabet.length;
    const texts = ['Border Security · Fact Sheet: Securing the Border · 2025-01-20', 'a.b:c https://x.y <@1> @here'];
    for (let i = 0; i < 500; i++)
      texts.push(Array.from({ length: 1 + (i % 40) }, () => alphabet[Math.floor(random())]).join(''));
    for (const text of texts) expect(escapeUserText(text), JSON.stringify(text)).toBe(escapedWhole(text));
  });

  it('still escapes every mark it acts on', () => {
    for (const mark of ['*a*', '_a_', '**a**', '__a__', '~~a~~', '||a||', '`a`', 'a\\b'])
      expect(escapeUserText(mark)).not.toBe(mark);
  });
});
