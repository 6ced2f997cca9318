import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from '../../../lib/detect/quotes.ts';

/** The quoted part of a text, joined. */
function quoted(text: string): string {
  return findQuotedSpans(text).map(([s, e]) => text.slice(s, e)).join('|');
}

describe('plain-text quoted history', () => {
  it.each([
    ['"On … wrote:"', 'Thanks!\n\nOn Tue, Apr 8, 2025 at 3:14 PM Jane <jane@x.com> wrote:\n> call me', 'On Tue, Apr 8, 2025 at 3:14 PM Jane <jane@x.com> wrote:\n> call me'],
    ['Gmail header wrapped before "wrote:"', 'Ok\n\nOn Tue, Apr 8, 2025 at 3:14 PM Jane Whitaker <jane@x.com>\nwrote:\nhi', 'On Tue, Apr 8, 2025 at 3:14 PM Jane Whitaker <jane@x.com>\nwrote:\nhi'],
    ['"… пишет:"', 'Да.\n\n17.03.2025, 18:22, Сергей <s@x.ru> пишет:\nтекст', '17.03.2025, 18:22, Сергей <s@x.ru> пишет:\nтекст'],
    ['"… написал(а):"', 'Ок\nПн, 07.04.2025 в 10:48 Татьяна написал(а):\nтекст', 'Пн, 07.04.2025 в 10:48 Татьяна написал(а):\nтекст'],
    ['Japanese dated header', '了解です。\n2025年3月3日(月) 10:00 佐藤 健 <k.sato@x.co.jp>:\n> 携帯', '2025年3月3日(月) 10:00 佐藤 健 <k.sato@x.co.jp>:\n> 携帯'],
    ['-----Original Message-----', 'Sure.\n-----Original Message-----\nFrom: a', '-----Original Message-----\nFrom: a'],
    ['Russian forward separator', 'См. ниже\n-------- Пересылаемое сообщение --------\nтекст', '-------- Пересылаемое сообщение --------\nтекст'],
    ['Gmail forward separator', 'FYI\n---------- Forwarded message ---------\nFrom: x', '---------- Forwarded message ---------\nFrom: x'],
    ['"From: … Sent: …"', 'Ok\nFrom: Chris <c@x.com>\nSent: Wednesday, April 2, 2025 9:05 AM\nbody', 'From: Chris <c@x.com>\nSent: Wednesday, April 2, 2025 9:05 AM\nbody'],
    ['"От: … Отправлено: …"', 'Ок\nОт: Марина <m@x.ru>\nОтправлено: 17 марта 2025 г.\nтекст', 'От: Марина <m@x.ru>\nОтправлено: 17 марта 2025 г.\nтекст'],
    ['">" lines only', 'Answer\n> quoted 1\n> quoted 2\nmore answer\n> q3', '> quoted 1\n> quoted 2|> q3'],
  ])('%s', (_name, text, expected) => {
    expect(quoted(text)).toBe(expected);
  });

  it.each([
    ['"wrote:" inside a sentence', 'As Ivan wrote: call him tomorrow.'],
    ['a "From:" line without a date line', 'From: the warehouse in Reno\nwe ship on Monday'],
    ['an email address with a colon', 'Contact: ivan@x.com'],
  ])('not quoted: %s', (_name, text) => {
    expect(quoted(text)).toBe('');
  });
});
