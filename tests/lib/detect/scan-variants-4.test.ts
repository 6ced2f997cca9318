import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lib/detect/normalize.ts';
import { scanCandidates, type ScanRules } from '../../../lib/detect/scan.ts';
import { createPhoneRules } from '../../../lib/detect/scan-phones.ts';

/**
 * Phrasings the fourth held-out set (tests/fixtures/corpus/heldout-4.jsonl) showed the engine missing,
 * each as a rule with fresh strings, plus the look-alikes the rule must leave alone.
 */

const rulesFor = (region: string): ScanRules => ({ phone: createPhoneRules(region) });
function found(region: string, text: string): string[] {
  return scanCandidates(normalize(text).text, rulesFor(region)).map((c) => `${c.kind}:${c.normalized}`);
}

describe('Telegram links to a phone number', () => {
  it.each([
    ['RU', 'мой телеграм: t.me/+79264410733', ['messenger:telegram:+79264410733']],
    ['US', 'ping me at https://t.me/+16465550131 any time', ['messenger:telegram:+16465550131']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it('a number also written out in the text is reported once, as the phone', () => {
    expect(found('RU', 'мой +7 926 441-07-33, телеграм: t.me/+79264410733')).toEqual(['phone:+79264410733']);
  });

  it.each([
    ['RU', 'чат проекта: t.me/+Ab3kLm9QzX1hYjE6'],
    ['RU', 'группа: t.me/+1234567'],
  ])('invite links and invalid numbers stay unflagged: %s %s', (region, text) => {
    expect(found(region, text)).toEqual([]);
  });
});

describe('Japanese and trailing-period messenger labels', () => {
  it.each([
    ['JP', '私のWeChat IDは chen_li_tokyo です。', ['messenger:wechat:chen_li_tokyo']],
    ['JP', '資料共有はSkype名：ono.kenta_works でお願いします。', ['messenger:skype:ono.kenta_works']],
    ['US', 'Find me on Signal as @rita_k.07.', ['messenger:signal:rita_k.07']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['JP', 'WeChatはこちらの部署では使っておりません。'],
    ['US', 'Signal is down again.'],
  ])('leaves alone: %s %s', (region, text) => {
    expect(found(region, text)).toEqual([]);
  });
});

describe('ids in Japanese corner quotes', () => {
  it.each([
    ['JP', 'LINEのIDは「kaori_n21」です。', ['messenger:line:kaori_n21']],
    ['JP', 'WeChat IDは『wang_osaka88』です。', ['messenger:wechat:wang_osaka88']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it('a quoted word after LINE with no id label stays unflagged', () => {
    expect(found('JP', 'LINEは「便利」ですが、社内では使えません。')).toEqual([]);
  });
});
