/** A lookup table without Object's prototype, so "constructor" or "__proto__" in a document or query finds nothing. */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
