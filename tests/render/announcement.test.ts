// The announcement of a new or updated fact sheet: title linked, date, two sentences of its opening, its three
// most telling figures quoted verbatim and linked to their sentences, the hint to ask; and the summed-up rest.
import { describe, expect, it } from 'vitest';
import { announcementMessage, summedUpMessage } from '../../src/render/announcement.js';
import { messageProblems } from '../support/discord-contract.js';
import { announceable } from '../db/fact-sheets.js';

const DAY = Date.parse('2025-05-01T12:00:00Z');

describe('announcement', () => {
  it('shows the title linked, the date, a two-sentence summary, three figures linked to their sentences and a hint', () => {
    const item = announceable('tariffs', 'Tariffs on Aircraft', DAY);
    const message = announcementMessage(item);
    expect(messageProblems(message as never)).toEqual([]);
    const embed = message.embeds![0]!;
    expect(embed.author?.name).toBe('New fact sheet');
    expect(embed.title).toBe('Tariffs on Aircraft');
    expect(embed.url).toBe('https://www.whitehouse.gov/fact-sheets/tariffs/');
    expect(embed.description).toContain('*2025-05-01*');
    expect(embed.description).toContain('signed an order on tariffs on aircraft. It takes effect at once.');
    expect(embed.description).not.toContain('A third sentence');
    for (const sentence of [
      'Border crossings fell by 95% since January.',
      'More than 120,000 criminal aliens were removed last year.',
      'The Department hired 2,500 new officers in six months.',
    ])
      expect(embed.description).toContain(`> ${sentence}`);
    expect(embed.description).not.toContain('Some 40 states joined.');
    expect(embed.description).toContain('(https://www.whitehouse.gov/fact-sheets/tariffs/#:~:text=Border%20crossings');
    expect(embed.footer?.text).toBe('Ask: /stat document:tariffs query:…');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('says "Updated" for a newer version of a document announced before', () => {
    const message = announcementMessage({ ...announceable('tariffs', 'Tariffs', DAY), updated: true });
    expect(message.embeds![0]!.author?.name).toBe('Updated fact sheet');
  });

  it('sums up the rest in one message within Discord’s limits, however many', () => {
    const items = Array.from({ length: 300 }, (_, i) =>
      announceable(`d${i}`, `Fact sheet number ${i} `.repeat(5), DAY),
    );
    const message = summedUpMessage(items);
    expect(messageProblems(message as never)).toEqual([]);
    expect(message.embeds![0]!.title).toBe('300 more fact sheets');
    expect(message.embeds![0]!.description).toMatch(/…and \d+ more$/);
  });
});
