import { describe, expect, it } from 'vitest';
import { normalize } from '../../../lib/detect/normalize.ts';
import { scanCandidates, scanLinkTarget, type ScanRules } from '../../../lib/detect/scan.ts';
import { createPhoneRules } from '../../../lib/detect/scan-phones.ts';

const rulesFor = (region: string): ScanRules => ({ phone: createPhoneRules(region) });

/** `kind:normalized` of every candidate in a text, in order. */
function found(region: string, text: string): string[] {
  const n = normalize(text);
  return scanCandidates(n.text, rulesFor(region)).map((c) => `${c.kind}:${c.normalized}`);
}

describe('scan: emails', () => {
  it.each([
    ['plain', 'пишите на ivan.petrov@gmail.com, спасибо', ['email:ivan.petrov@gmail.com']],
    ['upper case and +tag kept', 'Mail Ivan.Petrov+work@Gmail.COM today', ['email:ivan.petrov+work@gmail.com']],
    ['sentence dot after', 'Write to ivan@mail.ru. Thanks!', ['email:ivan@mail.ru']],
    ['(at) (dot)', 'john.carver84 (at) gmail (dot) com', ['email:john.carver84@gmail.com']],
    ['[at] with dotted domain', 'bohdan.lytvyn[at]ukr.net', ['email:bohdan.lytvyn@ukr.net']],
    ['[at] [dot]', 'amanda.reyes[at]protonmail[dot]com.', ['email:amanda.reyes@protonmail.com']],
    ['{at}', 'ivan{at}yandex.ru', ['email:ivan@yandex.ru']],
    ['собака точка', 'a.zotova собака yandex точка ru', ['email:a.zotova@yandex.ru']],
    ['[собака][точка]', 'sergey_lobanov[собака]list[точка]ru', ['email:sergey_lobanov@list.ru']],
    ['bare at/dot words', 'write to jenna dot walsh at yahoo dot com and', ['email:jenna.walsh@yahoo.com']],
    ['AT/DOT upper', 'reach me at kate.morrison AT icloud DOT com.', ['email:kate.morrison@icloud.com']],
    ['arroba punto', 'escríbeme a lucia.martin arroba gmail punto com.', ['email:lucia.martin@gmail.com']],
    ['アットマーク', '（s.yamamoto.biz アットマーク gmail.com）宛', ['email:s.yamamoto.biz@gmail.com']],
    ['spaces around @', 'пишите на igor.lavrov @ rambler.ru — договоримся', ['email:igor.lavrov@rambler.ru']],
    ['spaces around @ and dots', 'на pavel . kiselev @ gmail . com', ['email:pavel.kiselev@gmail.com']],
    ['full-width @', 'アドレス kenji.wada＠yahoo.co.jp まで', ['email:kenji.wada@yahoo.co.jp']],
    ['full-width everything', 'アドレス ｓａｔｏ．ｍａｍｉ＠ｇｍａｉｌ．ｃｏｍ へ', ['email:sato.mami@gmail.com']],
    ['zero-width around @', 'email, mike.donovan\u200b@\u200bgmail.com, as', ['email:mike.donovan@gmail.com']],
    ['Cyrillic look-alike in local part', 'ящик: vаsya.grachev@mail.ru', ['email:vasya.grachev@mail.ru']],
    ['Cyrillic look-alike in domain', 'inbox, d.foster@hоtmail.com; thanks', ['email:d.foster@hotmail.com']],
    ['Greek look-alike', 'mail nikos@gmαil.com now', ['email:nikos@gmail.com']],
  ])('%s', (_name, text, expected) => {
    expect(found('RU', text)).toEqual(expected);
  });

  it.each([
    ['"at" in a sentence', 'We meet at office.com tomorrow and arrive at noon.'],
    ['a Telegram handle is not an email', 'Telegram: @ivan_petrov'],
    ['no top-level domain', 'ivan (at) home'],
    ['"at" with a company word', 'see you at acme.example'],
  ])('not an email: %s', (_name, text) => {
    expect(found('US', text).filter((f) => f.startsWith('email:'))).toEqual([]);
  });
});

describe('scan: phones', () => {
  it.each([
    ['RU', '8-916-482-17-35, Кравцов Денис', ['phone:+79164821735']],
    ['RU', 'мой номер +7 (985) 712-34-06.', ['phone:+79857123406']],
    ['RU', 'звоните 89161234567', ['phone:+79161234567']],
    ['RU', 'мобильный 79161234567', ['phone:+79161234567']],
    ['RU', 'домашний: (812) 575-33-90.', ['phone:+78125753390']],
    ['RU', 'корпоративный +7(495)1234567, доб. 305', ['phone:+74951234567']],
    ['RU', 'мой номер 8 9 1 6 2 0 4 5 5 7 1, звоните', ['phone:+79162045571']],
    ['RU', 'мой мобильный 8 (915)\n408-22-19, наберите', ['phone:+79154082219']],
    ['RU', 'напрямую: +7\u200b(916)\u200b338-71-25 — так', ['phone:+79163387125']],
    ['RU', 'мобильный: +7 916 4О5-22-18 (звонки)', ['phone:+79164052218']],
    ['RU', 'тел. 8 (495) 123-45-67\n2025 год', ['phone:+74951234567']],
    ['RU', 'в 10:00 на 8 (903) 118-27-64, обсудим', ['phone:+79031182764']],
    ['US', 'my cell is (312) 555-0163.', ['phone:+13125550163']],
    ['US', 'cell: 415.555.0199.', ['phone:+14155550199']],
    ['US', 'Call 1 (415) 555-0100 ext. 212', ['phone:+14155550100']],
    ['US', 'or +1.415.555.0100', ['phone:+14155550100']],
    ['US', 'call my cell: 9 1 7 5 5 5 0 1 2 4.', ['phone:+19175550124']],
    ['GB', 'M: 07400 183562', ['phone:+447400183562']],
    ['GB', 'mobile: +44 (0)7911 204578.', ['phone:+447911204578']],
    ['GB', 'text me: 0 7 8 2 3 1 1 9 0 4 5', ['phone:+447823119045']],
    ['JP', '携帯：090-3412-7789', ['phone:+819034127789']],
    ['JP', '携帯：０９０－４４１２－８８３７', ['phone:+819044128837']],
    ['JP', '携帯 080-6129-\n3374 まで', ['phone:+818061293374']],
    ['JP', '携帯 090ー1234ー5678 まで', ['phone:+819012345678']],
    ['JP', 'Mobile: +81-90-2210-4478', ['phone:+819022104478']],
    ['DE', 'Handy: 0151 27384956.', ['phone:+4915127384956']],
    ['DE', 'privat: +49 176 98412735.', ['phone:+4917698412735']],
    ['CN', '打我手机就行：138 1742 6650。', ['phone:+8613817426650']],
    ['ES', 'mi móvil personal es el 612 48 37 90; llámame', ['phone:+34612483790']],
    ['UA', 'Мій мобільний: 067 218 44 90 — телефонуйте', ['phone:+380672184490']],
    ['RU', 'Viber: +380 67 431 22 89', ['messenger:viber:+380674312289']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['RU', 'счёт № 318 от 14.03.2025 на сумму 1 248 500,00 руб.'],
    ['RU', 'ИНН 7714382916, КПП 771401001'],
    ['RU', 'ИНН/КПП 7714382916/771401001'],
    ['RU', 'ОГРН 1157746382014'],
    ['RU', 'р/с 40702810938000012345 в банке, к/с 30101810745250000318, БИК 044525318'],
    ['RU', 'накладная СДЭК 1487523690, доставка 2-3 дня'],
    ['RU', 'Трек-номер Почты России: 80091283456712, индекс 603005'],
    ['RU', 'номер сделки в CRM: 2025041512; код клиента: 00091511'],
    ['RU', 'ОГРНИП 320774600123456'],
    ['RU', 'кадастровый номер 77:01:0004012:1234'],
    ['RU', 'координаты: 55.751244, 37.618423'],
    ['RU', 'стоимость 8 915 000 руб. с НДС'],
    ['RU', 'вес 18 420 кг, 1 240 мест'],
    ['RU', 'карта **** **** **** 4421, платёжное поручение № 2218'],
    ['RU', 'Тестовый стенд: 185.12.94.201, порт 8080, версия 3.2.14'],
    ['RU', 'период 01.01.2025–31.03.2025, созвон 15.04 в 11:30'],
    ['RU', 'паспорт 45 12 345678'],
    ['US', 'S/N 8472019365, firmware 10.2.1.3456'],
    ['US', 'Management IP 172.16.40.12, MAC 00:1A:2B:3C:4D:5E'],
    ['US', 'tracking 1Z 999 AA1 01 2345 6784'],
    ['US', 'Your PO #4500012345 has been applied'],
    ['US', 'Hotel confirmation 83921746 (check-in 05/17)'],
    ['US', 'USPS 9400 1000 0000 0000 0000 00'],
    ['US', 'EIN 94-3187652, DUNS 08-146-6849'],
    ['US', 'Budget: $10-15k/month; total $1,249,000'],
    ['US', 'Case number 8472019365'],
    ['US', 'Serial: 4155550199'],
    ['DE', 'Kundennummer 40017823'],
    ['DE', 'Angebot Nr. 2025-0147'],
    ['DE', 'IBAN DE89 3704 0044 0532 0130 00'],
    ['GB', 'Sort code 20-32-06, Account no. 53871204, Company No. 08765432'],
    ['JP', 'ミーティングID：812 3456 7890'],
    ['JP', '〒530-0001 大阪府'],
    ['JP', 'お問い合わせ番号：4418-2290-7731'],
    ['JP', 'JANコード：4901234567894'],
    ['JP', '法人番号 1010401123456'],
    ['CN', '开户行账号：1001 2345 6789 0123 456'],
    ['CN', '发票号码：04412345'],
    ['ES', 'presupuesto n.º 2025-0311, importe 14.250 €'],
    ['ES', 'IBAN ES91 2100 0418 4502 0005 1332'],
    ['UA', 'IBAN UA21 3223 1300 0002 6007 2335 6600 1'],
  ])('not a phone (%s): %s', (region, text) => {
    expect(found(region, text).filter((f) => f.startsWith('phone:'))).toEqual([]);
  });

  it('a number inside an email or a link is not a phone', () => {
    expect(found('RU', '79151234567@mail.ru')).toEqual(['email:79151234567@mail.ru']);
    expect(found('US', 'join https://zoom.us/j/4155550199 now')).toEqual([]);
  });
});

describe('scan: messengers', () => {
  it.each([
    ['RU', 'добавьтесь ко мне в телеграм — @ryabov_web, там', ['messenger:telegram:ryabov_web']],
    ['RU', 'в телеграм, ник @Elena_Shirokova — там', ['messenger:telegram:elena_shirokova']],
    ['RU', 'пишите мне в тг @ivan_petrov', ['messenger:telegram:ivan_petrov']],
    ['RU', 'Telegram: @acme_support (круглосуточно)', ['messenger:telegram:acme_support']],
    ['US', 'on Telegram: https://t.me/alexmorgan_deals', ['messenger:telegram:alexmorgan_deals']],
    ['RU', 'в Telegram: https://t.me/Pavel_Logist', ['messenger:telegram:pavel_logist']],
    ['RU', 'WhatsApp: https://wa.me/79167003412', ['messenger:whatsapp:+79167003412']],
    ['RU', 'https://api.whatsapp.com/send?phone=79161234567', ['messenger:whatsapp:+79161234567']],
    ['GB', 'best to WhatsApp me on +44 7911 284613 rather', ['messenger:whatsapp:+447911284613']],
    ['US', 'WhatsApp is easiest: +1 (305) 555-0176.', ['messenger:whatsapp:+13055550176']],
    ['ES', 'escribirme por WhatsApp al 699 112 233, es', ['messenger:whatsapp:+34699112233']],
    ['RU', 'viber://chat?number=%2B79161234567', ['messenger:viber:+79161234567']],
    ['US', "I'm on Signal at +1 (202) 555-0143.", ['messenger:signal:+12025550143']],
    ['US', 'signal.me/#p/+12025550143', ['messenger:signal:+12025550143']],
    ['US', 'add me on Skype: daniel.reyes.sales', ['messenger:skype:daniel.reyes.sales']],
    ['US', 'Skype: live:jordan.pike_7', ['messenger:skype:live:jordan.pike_7']],
    ['US', 'skype:live:jordan.pike_7?chat', ['messenger:skype:live:jordan.pike_7']],
    ['RU', 'пишите мне в ВК: vk.com/andrey_semenov_pro — там', ['messenger:vk:andrey_semenov_pro']],
    ['RU', 'https://vk.com/id12345', ['messenger:vk:id12345']],
    ['JP', 'LINE ID: yuki_sato0412', ['messenger:line:yuki_sato0412']],
    ['JP', 'LINE ID：takumi.n0707', ['messenger:line:takumi.n0707']],
    ['JP', 'LINE（ID: kenta_osaka）まで', ['messenger:line:kenta_osaka']],
    ['JP', 'https://line.me/ti/p/~haruka.yoshida', ['messenger:line:haruka.yoshida']],
    ['CN', '加我微信：wangli_sh88，我回复', ['messenger:wechat:wangli_sh88']],
    ['US', 'My WeChat ID is mike_liu_sh.', ['messenger:wechat:mike_liu_sh']],
  ])('%s %s', (region, text, expected) => {
    expect(found(region, text)).toEqual(expected);
  });

  it.each([
    ['a bare @name without a messenger', 'ping @ivan_petrov about it'],
    ['an @name in another network', 'follow us on Instagram @acme_shop'],
    ['WeChat without an id', 'coordinate on WeChat, so feel free to add me'],
    ['"line" as a word', 'the office line is busy'],
  ])('not a messenger: %s', (_name, text) => {
    expect(found('US', text).filter((f) => f.startsWith('messenger:'))).toEqual([]);
  });
});

describe('scan: link targets', () => {
  it.each([
    ['mailto:rachel.kim.events@outlook.com', ['email:rachel.kim.events@outlook.com']],
    ['mailto:a@gmail.com?subject=hi', ['email:a@gmail.com']],
    ['tel:+79037751204', ['phone:+79037751204']],
    ['tel:09087725316', ['phone:+819087725316']],
    ['tel:+81-3-1234-5678', ['phone:+81312345678']],
    ['https://t.me/jwalker_recruits', ['messenger:telegram:jwalker_recruits']],
    ['https://wa.me/14085550191', ['messenger:whatsapp:+14085550191']],
    ['https://example.com/page', []],
  ])('%s', (target, expected) => {
    expect(scanLinkTarget(target, rulesFor('JP')).map((c) => `${c.kind}:${c.normalized}`)).toEqual(expected);
  });
});
