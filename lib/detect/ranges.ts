/** Half-open [start, end) spans, kept sorted and non-overlapping. */
export type Span = readonly [start: number, end: number];

export function mergeSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans.slice();
  const sorted = spans.slice().sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [[sorted[0]![0], sorted[0]![1]]];
  for (let i = 1; i < sorted.length; i++) {
    const [s, e] = sorted[i]!;
    const last = out[out.length - 1]!;
    if (s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Is `pos` inside one of the sorted, merged spans? Binary search: the hot path calls this per finding. */
export function inSpans(spans: readonly Span[], pos: number): boolean {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (pos < s) hi = mid - 1;
    else if (pos >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Start of `pos`'s line, looking back at most `limit` characters. Unbounded `lastIndexOf('\n')` would
 * make a newline-free multi-megabyte draft quadratic.
 */
export function lineStartWithin(text: string, pos: number, limit: number): number {
  const min = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= min; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return min;
}

/** End of `pos`'s line, looking ahead at most `limit` characters. */
export function lineEndWithin(text: string, pos: number, limit: number): number {
  const max = Math.min(text.length, pos + limit);
  for (let i = pos; i < max; i++) if (text.charCodeAt(i) === 10) return i;
  return max;
}
