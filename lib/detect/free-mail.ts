import { FREE_MAIL_DOMAINS_SOURCE } from './free-mail-domains.generated.ts';

/**
 * Public mail providers (corpus rule 1). The bundled list (@activeprospect/freemail) is strong on US/EU
 * providers but misses Japanese carrier mail and a few others our users write from; those are added
 * here by hand.
 */
export const EXTRA_FREE_MAIL_DOMAINS: readonly string[] = [
  // Japanese carrier and provider mail
  'docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp', 'i.softbank.jp', 'disney.ne.jp', 'ymobile.ne.jp',
  'y-mobile.ne.jp', 'emobile.ne.jp', 'willcom.com', 'pdx.ne.jp', 'rakuten.jp', 'yahoo.ne.jp', 'ybb.ne.jp',
  'nifty.com', 'nifty.ne.jp', 'biglobe.ne.jp', 'ocn.ne.jp', 'so-net.ne.jp', 'plala.or.jp', 'dion.ne.jp',
  'icloud.jp', 'outlook.jp', 'hotmail.co.jp', 'live.jp', 'gmail.co.jp',
  // Russian / CIS
  'yandex.ru', 'ya.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua', 'yandex.com.tr', 'narod.ru',
  'mail.ru', 'bk.ru', 'list.ru', 'inbox.ru', 'internet.ru', 'mail.ua', 'rambler.ru', 'lenta.ru', 'autorambler.ru',
  'myrambler.ru', 'ro.ru', 'rambler.ua', 'ukr.net', 'i.ua', 'meta.ua', 'bigmir.net', 'tut.by', 'mail.kz',
  'vk.com', 'qip.ru', 'pochta.ru', 'e1.ru', 'ngs.ru',
  // Privacy-focused and newer providers
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io', 'tuta.com',
  'hey.com', 'fastmail.com', 'fastmail.fm', 'mailbox.org', 'posteo.de', 'posteo.net', 'skiff.com', 'duck.com',
  'zohomail.com', 'zoho.com', 'yahoo.com', 'ymail.com', 'rocketmail.com', 'aol.com', 'gmx.com', 'gmx.net',
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com', 'gmail.com', 'googlemail.com',
  // Consumer ISP mailboxes: personal addresses, not a business's own domain
  't-online.de', 'gmx.ch', 'bluewin.ch', 'btinternet.com', 'sky.com', 'talktalk.net', 'virginmedia.com', 'ntlworld.com',
  'sfr.fr', 'telenet.be', 'skynet.be', 'shaw.ca', 'rogers.com', 'sympatico.ca', 'telus.net', 'centurylink.net',
  'hotmail.com.au', 'o2.pl', 'abv.bg', 'inbox.lv', 'inbox.ua', 'mail.by', 'yandex.uz', 'hotbox.ru', 'icloud.ru',
  // China / Korea
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com',
  '139.com', '189.cn', 'wo.cn', 'sina.com.cn', 'vip.qq.com', 'vip.163.com', 'naver.com', 'daum.net', 'hanmail.net', 'kakao.com', 'nate.com',
];

let domains: Set<string> | null = null;

/** Built on first use: the content script may never need it on pages with no addresses. */
export function isFreeMailDomain(domain: string): boolean {
  if (!domains) {
    domains = new Set(FREE_MAIL_DOMAINS_SOURCE.split('\n'));
    for (const d of EXTRA_FREE_MAIL_DOMAINS) domains.add(d);
  }
  return domains.has(domain.toLowerCase());
}
