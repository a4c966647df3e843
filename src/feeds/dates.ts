// Feed dates (RFC 822 in RSS, ISO 8601 in Atom and on the publisher's pages) as ISO 8601 with the publisher's
// own offset, so the day a document is dated is the publisher's day, not UTC's.

const NAMED_OFFSETS: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** The date as ISO 8601 with its own offset, or undefined when it is not a date. */
export function normalizeDate(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return undefined;
  const offset = offsetMinutes(trimmed);
  if (offset === undefined && /^\d{4}-\d\d-\d\d$/.test(trimmed)) return trimmed;
  return isoWithOffset(ms, offset ?? 0);
}

/** The offset a date is written in: "+0400", "-04:00", "Z", "EDT"; undefined when it names none. */
function offsetMinutes(text: string): number | undefined {
  const numeric = /([+-])(\d\d):?(\d\d)$/.exec(text);
  if (numeric && /[T ]\d/.test(text)) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = /(?:\d|\s)([A-Z]{1,3})$/.exec(text);
  return named ? NAMED_OFFSETS[named[1]!] : undefined;
}

function isoWithOffset(ms: number, offset: number): string {
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/** A date believed: one not further ahead of now than the tolerance (a publisher's clock or zone gone wrong). */
export function believableDate(iso: string | undefined, now: number, toleranceMs: number): string | undefined {
  if (!iso) return undefined;
  return Date.parse(iso) > now + toleranceMs ? undefined : iso;
}

/** The publisher's day of an ISO date: its first ten characters, written in its own offset. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}
