import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lib/detect/normalize.ts';
import { scanCandidates, type ScanRules } from '../../../lib/detect/scan.ts';
import { createPhoneRules } from '../../../lib/detect/scan-phones.ts';

/**
 * Formats and phrasings the second held-out set (tests/fixtures/corpus/heldout-2.jsonl) showed the
 * engine missing or over-reading, each as a rule with fresh strings, plus the look-alikes the rule
 * must leave alone.
 */

const rulesFor = (region: string): ScanRules => ({ phone: createPhoneRules(region) });
function found(region: string, text: string): string[] {
  return scanCandidates(normalize(text).text, rulesFor(region)).map((c) => `${c.kind}:${c.normalized}`);
}

describe('phones: dialling prefixes and trunk forms', () => {
  it.each([
    ['RU', 'из Берлина звоните на 00 7 903 551-20-44', ['phone:+79035512044']],
    ['US', "I'm in Madrid: 0034 622 18 40 97 works all week.", ['phone:+34622184097']],
    ['US', 'my Tokyo cell is 011 81 90 4412 3378', ['phone:+819044123378']],
    ['GB', 'my German mobile: 0049 176 2345 6789', ['phone:+4917623456789']],
    ['BY', 'звоните 8 029 655 41 20 после обеда', ['phone:+375296554120']],
    ['BY', 'городской 8 017 284-33-10', ['phone:+375172843310']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['RU', 'ОКПО 00032537, ОКТМО 45382000'],
    ['DE', 'Sendungsnummer 00340434161094015902'],
    ['RU', 'Акт № 00-001184 от 14.03.2025'],
  ])('not a phone: %s %s', (region, text) => {
    expect(found(region, text)).toEqual([]);
  });
});

describe('phones: digit look-alikes inside a number', () => {
  it.each([
    ['RU', 'мой номер +7 926 O47-18-33', ['phone:+79260471833']],
    ['RU', 'тел. 8 (903) З12-4О-77', ['phone:+79033124077']],
    ['US', 'cell: (646) 555-O1O4', ['phone:+16465550104']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it('leaves words, company forms and chemistry alone', () => {
    expect(normalize('ООО «Зенит» 12 шт., CO2 и O2, Зона 3').text).toBe('ООО «Зенит» 12 шт., CO2 и O2, Зона 3');
    expect(found('RU', 'ООО 12-45 и зона З12')).toEqual([]);
  });
});

describe('phones: tax and company registration labels', () => {
  it.each([
    ['IT', 'P.IVA 03912840157, C.F. 03912840157'],
    ['IT', 'Partita IVA 02184730398'],
    ['BY', 'УНП 190654321, р/с BY20AKBB30120000000000000000'],
    ['KZ', 'БИН 050140000656, ИИН 870412300517'],
    ['FR', 'TVA FR 40 123456789, RCS Lyon 812 345 678'],
  ])('not a phone: %s %s', (region, text) => {
    expect(found(region, text)).toEqual([]);
  });
});

describe('emails: angle-bracket disguise', () => {
  it('reads <at> and <dot> like their bracketed twins', () => {
    expect(found('RU', 'пишите olga.petrenko<at>gmail<dot>com')).toEqual(['email:olga.petrenko@gmail.com']);
    expect(found('US', 'see <b>notes</b> at <dot> matrix')).toEqual([]);
  });
});

describe('messengers: more phrasings', () => {
  it.each([
    ['KR', '텔레그램 @jiho_sales 로 연락 주세요', ['messenger:telegram:jiho_sales']],
    ['KR', '왓츠앱 +82 10 3321 7764 으로 보내주세요', ['messenger:whatsapp:+821033217764']],
    ['US', 'Suppliers reach me on WeChat — my ID is chen_buyer_sz.', ['messenger:wechat:chen_buyer_sz']],
    ['US', 'Ping me on Skype, my username is olga.tran.works', ['messenger:skype:olga.tran.works']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it('does not read the visible word of a link as a Telegram handle', () => {
    expect(found('US', 'DM me on Telegram: here.')).toEqual([]);
    expect(found('RU', 'Пишите в Telegram: ссылка ниже')).toEqual([]);
    expect(found('US', 'Telegram: @here_now_42')).toEqual(['messenger:telegram:here_now_42']);
  });
});
