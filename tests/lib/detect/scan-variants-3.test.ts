import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lib/detect/normalize.ts';
import { scanCandidates, type ScanRules } from '../../../lib/detect/scan.ts';
import { createPhoneRules } from '../../../lib/detect/scan-phones.ts';

/**
 * Phrasings the third held-out set (tests/fixtures/corpus/heldout-3.jsonl) showed the engine missing
 * or over-reading, each as a rule with fresh strings, plus the look-alikes the rule must leave alone.
 */

const rulesFor = (region: string): ScanRules => ({ phone: createPhoneRules(region) });
function found(region: string, text: string): string[] {
  return scanCandidates(normalize(text).text, rulesFor(region)).map((c) => `${c.kind}:${c.normalized}`);
}

describe('phones glued to an abbreviated phone label', () => {
  it.each([
    ['RU', 'пишите или звоните: сот.89264410733', ['phone:+79264410733']],
    ['RU', 'тлф.+7 921 300-18-45 (вечером)', ['phone:+79213001845']],
    ['US', 'reach me any time, cell.6465550131', ['phone:+16465550131']],
    ['RU', 'Сидоров А., т.+7 985 002-61-19', ['phone:+79850026119']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['RU', 'документ вх.89264410733 от 12.05'],
    ['RU', 'см. приказ п.89264410733'],
    ['US', 'ref.6465550131 on the invoice'],
  ])('an identifier after another abbreviation stays unflagged: %s %s', (region, text) => {
    expect(found(region, text)).toEqual([]);
  });
});

describe('messenger ids announced later in the sentence', () => {
  it.each([
    ['JP', 'ラインでも対応しております（ID：mika_tanabe77）。', ['messenger:line:mika_tanabe77']],
    ['US', 'LINE works best for the Osaka team (ID: ken.mori21).', ['messenger:line:ken.mori21']],
    ['US', 'WeChat is the fastest way for our Ningbo supplier, and my ID is li_ming_buyer.', ['messenger:wechat:li_ming_buyer']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it('does not take the word after "WeChat is" for an id', () => {
    expect(found('US', 'WeChat is popular with suppliers in Shenzhen.')).toEqual([]);
    expect(found('US', 'Honestly WeChat is easiest for them.')).toEqual([]);
  });
});

describe('more disguises and labels', () => {
  it.each([
    ['RU', 'почта: olga.fedina [at] mail [.] ru', ['email:olga.fedina@mail.ru']],
    ['US', 'sam.price (at) outlook (.) com', ['email:sam.price@outlook.com']],
    ['RU', 'Телега — fedina_olga85', ['messenger:telegram:fedina_olga85']],
    ['RU', 'мой вк — id58213377', ['messenger:vk:id58213377']],
    ['RU', 'пишите в личку vk.me/olga.fedina', ['messenger:vk:olga.fedina']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['RU', 'Телега — лучший мессенджер'],
    ['US', 'VK - the Russian social network'],
    ['RU', 'вступайте в чат vk.me/join/Qx7Lm2'],
    ['RU', 'Версия [.] и прочие скобки ничего не значат'],
  ])('leaves alone: %s %s', (region, text) => {
    expect(found(region, text)).toEqual([]);
  });
});

describe('German numbers with a bare slash after the area code', () => {
  it.each([
    ['DE', 'Mobil: 0160/9182736', ['phone:+491609182736']],
    ['DE', 'Tel. 030/61207745', ['phone:+493061207745']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['DE', 'Aktenzeichen 0815/123456'],
    ['DE', 'Rechnung 2025/0012345, Datum 01/02/2025'],
  ])('without a phone label the slash joins a file number: %s %s', (region, text) => {
    expect(found(region, text)).toEqual([]);
  });
});
