import { describe, expect, it } from 'vitest';
import { forEachAnchored } from '../../../lib/detect/anchored.ts';

function anchored(text: string, start: RegExp, full: RegExp): [number, string][] {
  const out: [number, string][] = [];
  forEachAnchored(text, start, full, (m) => out.push([m.index, m[0]]));
  return out;
}
function global(text: string, re: RegExp): [number, string][] {
  return [...text.matchAll(re)].map((m) => [m.index!, m[0]]);
}

describe('forEachAnchored', () => {
  const FULL = String.raw`(?<![\p{L}])(whats\s?app|вотс?ап+\p{L}*|viber|signal)(?![\p{L}])`;
  it.each([
    'WhatsApp: +7 916, Viber тоже; signal-boost, вотсапп и вот так',
    'whatsappwhatsapp Whats App viber.viber',
    'nothing here',
    '',
  ])('finds what a global search finds: %s', (text) => {
    expect(anchored(text, /whats|вот|viber|signal/giu, new RegExp(FULL, 'iuy'))).toEqual(global(text, new RegExp(FULL, 'giu')));
  });

  it('never reports a match twice or an overlapping one', () => {
    const text = 'aaaa';
    expect(anchored(text, /a/gu, /aa/uy)).toEqual([[0, 'aa'], [2, 'aa']]);
  });
});
