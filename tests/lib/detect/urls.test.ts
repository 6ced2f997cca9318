import { describe, expect, it } from 'vitest';
import { mergeSpans, type Span } from '../../../lib/detect/ranges.ts';
import { findUrlSpans } from '../../../lib/detect/urls.ts';

// The regex findUrlSpans replaces (too slow: its leading look-behind is tried at every position).
const URL_LIKE = /(?:https?:\/\/|www\.)[^\s<>"'）」]+|(?<![\p{L}\p{N}@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/[^\s<>"'）」]*/giu;
function byRegex(text: string): Span[] {
  const spans: Span[] = [];
  URL_LIKE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_LIKE.exec(text))) spans.push([m.index, m.index + m[0].length]);
  return mergeSpans(spans);
}
const spans = (text: string): string[] => mergeSpans(findUrlSpans(text)).map(([s, e]) => text.slice(s, e));

describe('findUrlSpans', () => {
  it.each([
    ['https://us02web.zoom.us/j/84529310047?pwd=K2x', ['https://us02web.zoom.us/j/84529310047?pwd=K2x']],
    ['see zoom.us/j/8452931004 now', ['zoom.us/j/8452931004']],
    ['www.acme.example and docs.acme.example/d/1A9x7715550142/view.', ['www.acme.example', 'docs.acme.example/d/1A9x7715550142/view.']],
    ['ivan@foo-bar.com/x', ['bar.com/x']],
    ['р/с 40702810 and 12/03/2025 and a.b/c', []],
    ['Пишите на vk.com/id48213907 — там', ['vk.com/id48213907']],
    ['x..com/a .com/b -a.com/c', ['-a.com/c']],
  ])('%s', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it('covers exactly what the regex covered, on generated text', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), (seed >> 8) % n);
    const pieces = ['a', 'Z', '9', '-', '.', '/', ' ', '@', 'ж', 'com', 'ru', 'http', '://', 'www.', '"', '\n', 'x.y', '..', 'é', '）'];
    for (let round = 0; round < 3000; round++) {
      let text = '';
      for (let k = 0, n = 1 + rnd(25); k < n; k++) text += pieces[rnd(pieces.length)];
      expect(mergeSpans(findUrlSpans(text)), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
