// Binary search over ascending lists, shared by the indexes that keep their entries sorted.

/** Where `value` is, or would be, in the ascending stretch [from, to) of `sorted`: the first place not below it. */
export function lowerBound<T extends string | number>(
  sorted: ArrayLike<T>,
  value: T,
  from = 0,
  to = sorted.length,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether the ascending stretch [from, to) of `sorted` holds `value`. */
export function holds<T extends string | number>(
  sorted: ArrayLike<T>,
  value: T,
  from = 0,
  to = sorted.length,
): boolean {
  const at = lowerBound(sorted, value, from, to);
  return at < to && sorted[at] === value;
}

/**
 * The first place in [from, to) where `below(place)` is false, for a sorted list that is not an array (keys read
 * from a joined string): `below` says whether the entry at a place sorts before the one sought.
 */
export function firstNotBelow(from: number, to: number, below: (place: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (below(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
