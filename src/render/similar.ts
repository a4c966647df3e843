// "Did you mean ...?": the closest string by shared letter pairs (Dice coefficient), for suggestions.
// Candidates (titles, what figures count) repeat from call to call: their pairs are kept.
const cache = new Map<string, Map<string, number>>();

function pairs(text: string): Map<string, number> {
  const cached = cache.get(text);
  if (cached) return cached;
  if (cache.size > 20_000) cache.clear();
  const made = countPairs(text);
  cache.set(text, made);
  return made;
}

function countPairs(text: string): Map<string, number> {
  const clean = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const out = new Map<string, number>();
  for (let i = 0; i < clean.length - 1; i++) {
    const pair = clean.slice(i, i + 2);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  let total = 0;
  for (const [pair, n] of pa) {
    shared += Math.min(n, pb.get(pair) ?? 0);
    total += n;
  }
  for (const n of pb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The candidate most like the query, or null when none shares anything with it. */
export function closest<T>(query: string, candidates: T[], text: (c: T) => string): T | null {
  let best: T | null = null;
  let bestScore = 0;
  for (const candidate of candidates) {
    const score = Math.max(
      similarity(query, text(candidate)),
      ...text(candidate)
        .split(/\s+/)
        .map((w) => similarity(query, w) * 0.9),
    );
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore > 0.2 ? best : null;
}
