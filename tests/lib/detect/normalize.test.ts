import { describe, expect, it } from 'vitest';
import { normalize, sourceEnd, sourceStart } from '../../../lib/detect/normalize.ts';

describe('normalize', () => {
  it.each([
    ['zero-width characters are dropped', 'mike\u200b@\u200bgmail.com', 'mike@gmail.com'],
    ['soft hyphen and BOM are dropped', '\ufeff+7 916\u00ad 123', '+7 916 123'],
    ['full-width ASCII becomes ASCII', 'ｓａｔｏ＠ｇｍａｉｌ．ｃｏｍ ０９０－１２３４', 'sato@gmail.com 090-1234'],
    ['odd spaces become spaces', '+7\u00a0916\u2009123\u3000x', '+7 916 123 x'],
    ['a katakana long mark between digits is a dash', '090ー1234ー5678', '090-1234-5678'],
    ['a katakana long mark in a word stays', 'メール', 'メール'],
    ['Cyrillic look-alikes in a Latin address', 'vаsya.grachev@mail.ru', 'vasya.grachev@mail.ru'],
    ['Greek look-alikes in a Latin address', 'gmαil.cοm', 'gmail.com'],
    ['a Cyrillic O between digits is a zero', '+7 916 4О5-22-18', '+7 916 405-22-18'],
    ['a Latin O between digits is a zero', '8 916 4O5 22 18', '8 916 405 22 18'],
    ['Russian words are left alone', 'пишите на почту', 'пишите на почту'],
    ['a Russian word next to an address is left alone', 'почта: vаsya@mail.ru спасибо', 'почта: vasya@mail.ru спасибо'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('returns the input untouched (no map) when there is nothing to do', () => {
    const n = normalize('plain ASCII text, 8 916 123 45 67');
    expect(n.map).toBeNull();
    expect(n.text).toBe('plain ASCII text, 8 916 123 45 67');
  });

  it('maps every output span back to the original text', () => {
    const input = 'write: mike\u200b@\u200bgmail.com now';
    const n = normalize(input);
    const start = n.text.indexOf('mike');
    const end = n.text.indexOf('.com') + 4;
    expect(input.slice(sourceStart(n, start), sourceEnd(n, end))).toBe('mike\u200b@\u200bgmail.com');
  });
});
