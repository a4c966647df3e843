// The `after` and `before` options of /stat and /search: a year, a month or a day (2025, 2025-03,
// 2025-03-13), both ends included, so "after:2025 before:2025" is the year 2025.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Document } from '../../src/document/types.js';
import { datedWithin, daysInMonth, isoOf, type DateRange } from '../../src/library/dates.js';
import type { Scope } from '../../src/library/library.js';
import { notice, type Reply } from '../../src/render/reply.js';
import { escapeUserText, truncate } from '../../src/render/text.js';

export const dateOptions = {
  after: {
    type: ApplicationCommandOptionType.String,
    description: 'Only documents dated from then on: 2025, 2025-03 or 2025-03-13',
    maxLength: 20,
  },
  before: {
    type: ApplicationCommandOptionType.String,
    description: 'Only documents dated up to then: 2024, 2024-12 or 2024-12-31',
    maxLength: 20,
  },
} as const;

const OPTION_DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** The first (`start`) or last (`end`) day a written year, month or day covers; null when it is not one. */
export function dayBound(text: string, end: 'start' | 'end'): string | null {
  const match = OPTION_DATE.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  const iso = isoOf(year, month, day);
  if (!iso || day !== undefined) return iso;
  if (month === undefined) return end === 'start' ? `${iso}-01-01` : `${iso}-12-31`;
  return end === 'start' ? `${iso}-01` : `${iso}-${daysInMonth(year, month)}`;
}

function notADate(option: string, value: string): Reply {
  return notice(
    'Not a date',
    `“${option}” takes a year, a month or a day, written 2025, 2025-03 or 2025-03-13; “${escapeUserText(truncate(value, 40))}” is none of these.`,
  );
}

/** The range the options ask for (null: no limit), or a private note saying what is wrong with them. */
export function readDateRange(args: { readonly after?: string; readonly before?: string }): {
  range: DateRange | null;
  problem: Reply | null;
} {
  const from = args.after === undefined ? null : dayBound(args.after, 'start');
  const to = args.before === undefined ? null : dayBound(args.before, 'end');
  if (args.after !== undefined && from === null) return { range: null, problem: notADate('after', args.after) };
  if (args.before !== undefined && to === null) return { range: null, problem: notADate('before', args.before) };
  if (from && to && from > to) {
    return {
      range: null,
      problem: notice(
        'No day is both',
        `“after” (${from}) is later than “before” (${to}): no document can be dated both. Swap them, or leave one out.`,
      ),
    };
  }
  return { range: from || to ? { from, to } : null, problem: null };
}

/** "dated 2025-01-01 to 2025-12-31", "dated from 2025-01-01", "dated up to 2024-12-31". */
export function describeRange(range: DateRange): string {
  if (range.from && range.to) return `dated ${range.from} to ${range.to}`;
  return range.from ? `dated from ${range.from}` : `dated up to ${range.to}`;
}

/** Where an ask looks: its document, or all, within its dates. */
export function scopeOf({ document, range }: { document: Document | null; range: DateRange | null }): Scope {
  return { documentId: document?.id, within: range ? (d) => datedWithin(d, range) : undefined };
}
