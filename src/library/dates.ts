// A document's date as YYYY-MM-DD, however its front matter or its dated line wrote it ("2026-03-13",
// "September 14, 2022", "Monday, March 3, 2025", "Sept. 3 2025", "3/3/2025"): one form to show, sort and
// filter by, since the documents served span years and administrations.
import type { Document } from '../document/types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[T ])/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const WRITTEN = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

/** Days in a month (1-12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025", "2025-03" or "2025-03-13" when the parts name a real year, month and day; null otherwise. */
export function isoOf(year: number, month?: number, day?: number): string | null {
  if (year < 1000 || year > 9999) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A written date as YYYY-MM-DD (or YYYY-MM, YYYY for a partial one); null when it is not a date. */
export function isoDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined);
  const us = US.exec(trimmed);
  if (us) return isoOf(Number(us[3]), Number(us[1]), Number(us[2]));
  const written = WRITTEN.exec(trimmed);
  if (!written) return null;
  const month = MONTHS.indexOf(written[1]!.slice(0, 3).toLowerCase()) + 1;
  return month > 0 ? isoOf(Number(written[3]), month, Number(written[2])) : null;
}

const dates = new WeakMap<Document, string | null>();

/** The document's date as YYYY-MM-DD; null when it has none that reads as a date. */
export function documentDate(document: Document): string | null {
  let date = dates.get(document);
  if (date === undefined) dates.set(document, (date = document.date ? isoDate(document.date) : null));
  return date;
}

/** The date to show: the normalised one, else the document's own words, else null. */
export function shownDate(document: Document): string | null {
  return documentDate(document) ?? document.date;
}

/** Newer documents first; undated ones last. For ties in relevance. */
export function newerFirst(a: Document, b: Document): number {
  const da = documentDate(a) ?? '';
  const db = documentDate(b) ?? '';
  return da === db ? 0 : da < db ? 1 : -1;
}

/** Dates from `from` to `to`, both included (YYYY-MM-DD); null for an open end. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/** Whether the document's date lies in the range; an undated document lies in no range. */
export function datedWithin(document: Document, range: DateRange): boolean {
  const date = documentDate(document);
  if (date === null) return false;
  return (range.from === null || date >= range.from) && (range.to === null || date <= range.to);
}

/** "2021-03-04 to 2025-01-10", or one date when they are the same; null when none is dated. */
export function dateSpan(documents: readonly Document[]): string | null {
  const known = documents.map(documentDate).filter((d): d is string => d !== null);
  if (known.length === 0) return null;
  known.sort();
  return known[0] === known.at(-1) ? known[0]! : `${known[0]} to ${known.at(-1)}`;
}

/** What `inspect` says of a document with no date it can read: answers from it could not say when it was said. */
export function dateWarning(document: Document): { line: number; message: string } | null {
  if (documentDate(document) !== null) return null;
  const how =
    'put a dated line such as "September 14, 2022" under the title, or date: 2022-09-14 in a Markdown file\'s front matter';
  const message = document.date
    ? `the date "${document.date}" cannot be read as a date: ${how}`
    : `no date found, so answers from it cannot say when it was published: ${how}`;
  return { line: 1, message };
}
