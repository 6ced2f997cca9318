/**
 * JSON with object keys sorted and no whitespace, so the same event hashes the same in the
 * background, the viewer and the CLI regardless of property order after a round trip through
 * IndexedDB or a JSON file. Undefined properties are dropped, as JSON.stringify would.
 */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`cannot hash non-finite number ${value}`);
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot hash a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJSON(item))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJSON((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}
