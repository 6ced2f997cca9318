import { describe, expect, it } from 'vitest';
import { isFreeMailDomain } from '../../../lib/detect/free-mail.ts';
import { hasCurrencyBefore } from '../../../lib/detect/phone-context.ts';
import { normalize } from '../../../lib/detect/normalize.ts';
import { scanCandidates, type ScanRules } from '../../../lib/detect/scan.ts';
import { createPhoneRules } from '../../../lib/detect/scan-phones.ts';

/**
 * Formats and phrasings the held-out set (tests/fixtures/corpus/heldout.jsonl) showed the engine
 * missing or over-reading, each as a rule rather than as the case's strings.
 */

const rulesFor = (region: string): ScanRules => ({ phone: createPhoneRules(region) });
function found(region: string, text: string): string[] {
  return scanCandidates(normalize(text).text, rulesFor(region)).map((c) => `${c.kind}:${c.normalized}`);
}

describe('phones: separators and scripts', () => {
  it.each([
    ['RU', 'звоните: +7 (926) 512 – 40 – 77.', ['phone:+79265124077']],
    ['RU', 'моб. 8 916 123—45—67', ['phone:+79161234567']],
    ['JP', '急ぎの際は携帯：０９０－３３８１－５５２７までお願いします。', ['phone:+819033815527']],
    ['JP', '携帯090-2841-6630に折り返します', ['phone:+819028416630']],
    ['CN', '手机13812345678，微信同号', ['phone:+8613812345678']],
    ['DE', 'Rufen Sie mich an: 0176 / 2345 6789.', ['phone:+4917623456789']],
    ['GB', 'Regards, David 07911 123456', ['phone:+447911123456']],
    ['US', 'Ask for Sigrid (212) 555-0187', ['phone:+12125550187']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['RU', 'бюджет 1 500 000–2 000 000 руб.'],
    ['RU', 'за 2019–2024 гг. выручка выросла'],
    ['RU', 'поставка 12–16 мая, 4 850 000 – 5 100 000'],
    ['DE', 'Steuernummer 27/123/45678, Vertrag 625/4512-0008731'],
    ['JP', '注文番号2025041700123の商品'],
    ['US', 'Budget: $2.5-3.0M, runway 18-24 months'],
    ['RU', 'ID 8 916 204 33 81, No. 8 916 204-33-81'],
  ])('not a phone: %s %s', (region, text) => {
    expect(found(region, text).filter((f) => f.startsWith('phone:'))).toEqual([]);
  });
});

describe('emails: more spellings of "@" and "."', () => {
  it.each([
    ['tobias.lang (at) gmx (punkt) de', ['email:tobias.lang@gmx.de']],
    ['julie.bernard (arobase) free.fr', ['email:julie.bernard@free.fr']],
    ['taras.melnyk равлик ukr крапка net', ['email:taras.melnyk@ukr.net']],
    ['my own address: matt.greene\n@outlook.com (wrapped)', ['email:matt.greene@outlook.com']],
  ])('%s', (text, expected) => {
    expect(found('RU', text)).toEqual(expected);
  });

  it('a line break is no "@" on its own', () => {
    expect(found('US', 'Hi team\n@maria will send it, cc\n@john')).toEqual([]);
  });

  it.each(['t-online.de', 'btinternet.com', 'sfr.fr', 'bluewin.ch', 'sky.com', 'nate.com'])('%s is a consumer mailbox', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });
});

describe('messengers: phrasings', () => {
  it.each([
    ['US', 'my telegram is sean_builds — message me there', ['messenger:telegram:sean_builds']],
    ['RU', 'пишите в телегу — ник vlad_agronom (без собачки)', ['messenger:telegram:vlad_agronom']],
    ['RU', 'TG: @maxim_realty77 — пишите туда', ['messenger:telegram:maxim_realty77']],
    ['JP', 'テレグラムもやっておりますので、@kenta_overseas までどうぞ', ['messenger:telegram:kenta_overseas']],
    ['RU', 'Мой скайп: live:.cid.3f2a8b91c4d5e6f7 — созвонимся', ['messenger:skype:live:.cid.3f2a8b91c4d5e6f7']],
    ['US', 'message me on Skype — live:nate.owens_88 — I am online', ['messenger:skype:live:nate.owens_88']],
    ['US', 'Skype live:tom.hardy_22 works best', ['messenger:skype:live:tom.hardy_22']],
    ['US', 'Message me on Signal: @tomas.84 — my username', ['messenger:signal:tomas.84']],
    ['US', 'my LINE is kevin.liu.ny — whichever you prefer', ['messenger:line:kevin.liu.ny']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['a person named after a Skype label', "Let's chat on Skype: Ethan Cole"],
    ['a state of the app, not an id', 'my telegram is blocked at the office, so email is best'],
    ['a colleague mentioned before Telegram, in another clause', '@jordan will send the offer; my telegram is blocked here'],
    ['"Go live:" followed by a space', 'Go live: Monday, then review'],
    ['Signal as a word with a version', 'signal strength v2.14 is fine'],
  ])('not a messenger: %s', (_name, text) => {
    expect(found('US', text).filter((f) => f.startsWith('messenger:'))).toEqual([]);
  });
});

describe('phone context: currency right before a number', () => {
  it.each([
    ['итого $ ', true],
    ['Сумма: ₽', true],
    ['amount USD ', true],
    ['сумма 148 500 руб. ', true],
    ['Звоните мне на мобильный: ', false],
    ['casusd ', false],
    ['', false],
  ])('%j → %s', (before, expected) => {
    expect(hasCurrencyBefore(before)).toBe(expected);
  });

  it('gives the same answers when the text before a number repeats (cached per context)', () => {
    const text = 'ИНН 7728491035\nмоб. 8 916 204-33-81\nИНН 7728491035\nмоб. 8 916 204-33-81\n';
    const rules = rulesFor('RU');
    const first = scanCandidates(text, rules).map((c) => c.normalized);
    expect(scanCandidates(text, rules).map((c) => c.normalized)).toEqual(first);
    expect(first).toEqual(['+79162043381', '+79162043381']);
  });
});
