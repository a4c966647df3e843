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
