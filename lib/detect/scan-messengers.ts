import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Candidate } from './candidate.ts';
import { forEachAnchored } from './anchored.ts';
import { lineEndWithin, lineStartWithin } from './ranges.ts';

/**
 * Messenger contacts (corpus rule 3): links (t.me, wa.me, viber://, skype:, signal.me, vk.com, line.me),
 * labelled ids ("Skype: x", "LINE ID: x", "微信：x"), bare @handles in a sentence that names the
 * messenger, and phone numbers announced as WhatsApp/Viber/Signal.
 */

const TELEGRAM_RESERVED = new Set(['joinchat', 'addstickers', 'addemoji', 'share', 'proxy', 'socks', 'iv', 'c', 'setlanguage', 'login', 'confirmphone', 'addlist', 'boost']);
const VK_RESERVED = /^(?:join|club|public|event|wall|album|photo|video|topic|board|away|feed|im|search|groups|friends|audio|music|market|apps|app|settings|doc|note|page|story|clip|share|login|support|dev|about|blog|jobs|terms|privacy)\d*(?:[_-]|$)/iu;

// Links with an optional scheme are tried only where a scheme, "www." or the host starts (see anchored.ts).
type LinkRule = { re: RegExp; network: string; id: (m: RegExpExecArray) => string | null; start?: RegExp };

const LINK_RULES: LinkRule[] = [
  {
    network: 'telegram',
    start: /https?:\/\/|www\.|t\.me|telegram\.(?:me|dog)/giu,
    re: /(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)\/(?:s\/)?@?([A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_])/iuy,
    id: (m) => (TELEGRAM_RESERVED.has(m[1]!.toLowerCase()) ? null : m[1]!.toLowerCase()),
  },
  // "t.me/+79031185624": a Telegram link to a phone number (invite links are "+" and a letter-bearing hash)
  {
    network: 'telegram',
    start: /https?:\/\/|www\.|t\.me/giu,
    re: /(?:https?:\/\/)?(?:www\.)?t\.me\/(?:\+|%2B)(\d{7,15})(?![A-Za-z0-9_])/iuy,
    id: (m) => validPhoneId(m[1]!),
  },
  {
    network: 'telegram',
    re: /tg:\/\/resolve\?domain=([A-Za-z][A-Za-z0-9_]{3,31})/giu,
    id: (m) => m[1]!.toLowerCase(),
  },
  { network: 'whatsapp', start: /https?:\/\/|www\.|wa\.me/giu, re: /(?:https?:\/\/)?(?:www\.)?wa\.me\/(?:%2B|\+)?(\d{7,15})(?!\d)/iuy, id: (m) => phoneId(m[1]!) },
  {
    network: 'whatsapp',
    start: /https?:\/\/|(?:api|web|www)\.whatsapp/giu,
    re: /(?:https?:\/\/)?(?:api|web|www)\.whatsapp\.com\/send\/?\?(?:[^\s"'<>]*?&(?:amp;)?)?phone=(?:%2B|\+)?(\d{7,15})(?!\d)/iuy,
    id: (m) => phoneId(m[1]!),
  },
  { network: 'whatsapp', re: /whatsapp:\/\/send\?(?:[^\s"'<>]*?&)?phone=(?:%2B|\+)?(\d{7,15})(?!\d)/giu, id: (m) => phoneId(m[1]!) },
  { network: 'viber', re: /viber:\/\/(?:chat|add|contact)\?number=(?:%2B|\+)?(\d{7,15})(?!\d)/giu, id: (m) => phoneId(m[1]!) },
  { network: 'signal', start: /https?:\/\/|signal\.me/giu, re: /(?:https?:\/\/)?signal\.me\/#p\/(?:%2B|\+)?(\d{7,15})(?!\d)/iuy, id: (m) => phoneId(m[1]!) },
  {
    network: 'skype',
    start: /skype:/giu,
    re: /(?<![A-Za-z])skype:((?:live:\.?)?[A-Za-z0-9][A-Za-z0-9._\-]{2,40})(?:\?[a-z]+)?/iuy,
    id: (m) => cleanId(m[1]!),
  },
  {
    network: 'vk',
    start: /https?:\/\/|www\.|m\.vk|vk\./giu,
    re: /(?:https?:\/\/)?(?:www\.|m\.)?vk\.(?:com|ru|me)\/([A-Za-z0-9_.]{2,40})/iuy,
    id: (m) => {
      const id = cleanId(m[1]!);
      return !id || VK_RESERVED.test(id) ? null : id;
    },
  },
  {
    network: 'line',
    start: /https?:\/\/|line\.me/giu,
    re: /(?:https?:\/\/)?line\.me\/(?:R\/)?ti\/p\/(?:~|@|%40)?([A-Za-z0-9._\-]{2,40})/iuy,
    id: (m) => cleanId(m[1]!),
  },
  { network: 'wechat', re: /weixin:\/\/dl\/chat\?([A-Za-z][A-Za-z0-9_\-]{5,19})/giu, id: (m) => m[1]!.toLowerCase() },
];

// Names of Telegram: Latin/Cyrillic ones need word boundaries, Japanese/Chinese ones run into the
// surrounding text ("テレグラムもやっております").
const TELEGRAM_NAME = String.raw`(?:(?<![\p{L}])(?:telegram|телеграм\p{L}*|телег[аеиу]|тг|tg)(?![\p{L}])|テレグラム|电报|텔레그램)`;
// Words that announce an id ("ник", "username", "ID").
const ID_WORD = String.raw`(?:id|ид|ник|никнейм|nick|nickname|user\s?name|handle|логин|аккаунт|юзернейм)`;

/**
 * "Telegram: x", "TG: @x", "my telegram is x", "в телегу — ник x". Without a colon or an "@" the id
 * counts only when the phrase is clearly about the sender's account ("my …", "ник …"): "Telegram is
 * blocked here" names no account.
 */
const TELEGRAM_START = /telegram|телег|тг|tg|テレグラム|电报|텔레그램/giu;
const TELEGRAM_LABEL = new RegExp(
  String.raw`${TELEGRAM_NAME}(\s*${ID_WORD})?(\s*[:：]\s*|\s+(?:is|—|–|-)\s+(?:${ID_WORD}\s*[:：]?\s*)?)(@?)([A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_])`,
  'iuy',
);
const OWNER_BEFORE = /(?:^|[^\p{L}])(?:my|our|мой|моя|мою|мои|наш|ник\s+в|ник\s+в\s+мессенджере)\s*$/iu;
// "my telegram is blocked at the office": after "is" a plain word is a handle only if it looks like one
// (digits, "_") or ends the phrase, and is not one of the words that describe the app instead.
const NOT_A_HANDLE = /^(?:blocked|banned|down|broken|off|busy|private|closed|deleted|hidden|disabled|unavailable|slow|same|here|there|below|above|attached|not|also|only|now|still|fine|better|faster|best|easier|open|active|new|old|different|empty|gone|muted|full)$/iu;
const ID_WORD_RE = new RegExp(ID_WORD, 'iu');
// Words that stand in for a link's target in its visible text.
const LINK_WORDS = /^(?:link|links|click|chat|profile|page|channel|group|me|us|please|ссылк\p{L}*|сюда|тут|здесь|профиль|чат|канал)$/iu;

// "Skype: x", "LINE ID: x", "微信：x", "ВК: x" — an explicit label before an id.
// `start` finds where a match can begin (see anchored.ts); `re` is tried there, sticky.
const LABEL_RULES: { re: RegExp; network: string; start: RegExp }[] = [
  {
    network: 'skype',
    start: /skype|скайп|スカイプ/giu,
    re: /(?<![A-Za-zА-Яа-яЁё])(?:skype|скайп|スカイプ)(?:\s*(?:id|name|login|логин|名))?\s*(?:[:：]|\bis\b|[-–—])\s*((?:live:\.?)?[A-Za-z][A-Za-z0-9._,\-]{2,40})/iuy,
  },
  // (Japanese text runs straight into the label: "資料はSkype名：x")
  // "live:" ids exist only on Skype, whatever the sentence says around them
  { network: 'skype', start: /live:/giu, re: /(?<![\p{L}\p{N}_/.:\-])(live:\.?[A-Za-z0-9][A-Za-z0-9._\-]{2,40})/iuy },
  // Signal usernames always end in ".<digits>"
  { network: 'signal', start: /Signal/gu, re: /(?<![\p{L}])Signal(?![\p{L}])[^\n@.!?]{0,30}?@?([A-Za-z][A-Za-z0-9_]{2,31}\.\d{2,10})(?!\w|\.\w)/uy },
  { network: 'line', start: /LINE|Line|ライン/gu, re: /(?<![A-Za-z])(?:LINE|Line|ライン)\s*の?\s*[(（]?\s*ID\s*(?:[:：]|\bis\b|は)?\s*[「『“"]?@?([A-Za-z0-9][A-Za-z0-9._\-]{2,19})/uy },
  { network: 'line', start: /LINE|ライン/gu, re: /(?<![A-Za-z])(?:LINE|ライン)\s*[:：]\s*@?([A-Za-z0-9][A-Za-z0-9._\-]{2,19})/uy },
  // "LINEでもご連絡いただけます（ID：x）": the id announced later in the same sentence
  { network: 'line', start: /LINE|ライン/gu, re: /(?<![A-Za-z])(?:LINE|ライン)[^\n.!?。！？:：]{1,40}?(?<![A-Za-z])ID\s*(?:[:：]|は)\s*[「『“"]?@?([A-Za-z0-9][A-Za-z0-9._\-]{2,19})/uy },
  { network: 'line', start: /my|our/giu, re: /(?<![\p{L}])(?:my|our)\s+LINE\s+(?:is|[—–-])\s+@?([A-Za-z0-9][A-Za-z0-9._\-]{2,19})/iuy },
  {
    network: 'wechat',
    start: /wechat|weixin|微信/giu,
    re: /(?<![A-Za-z])(?:wechat|weixin|微信)(?:\s*(?:id|号|账号|帳號|帐号))?\s*(?:[:：]|\bis\b|は)\s*[「『“"]?([A-Za-z][A-Za-z0-9_\-]{5,19})/iuy,
  },
  { network: 'wechat', start: /微信/gu, re: /(?:微信|微信号)\s*([A-Za-z][A-Za-z0-9_\-]{5,19})/uy },
  // the id announced later in the same clause: "add me on WeChat - my ID is x", "Skype, my login: x"
  {
    network: 'wechat',
    start: /wechat|weixin/giu,
    re: /(?<![A-Za-z])(?:wechat|weixin)[^\n.!?:：]{0,64}?(?<![\p{L}])(?:id|user\s?name|handle)\s*(?:[:：]|\bis\b|は)\s*([A-Za-z][A-Za-z0-9_\-]{5,19})/iuy,
  },
  {
    network: 'skype',
    start: /skype|скайп/giu,
    re: /(?<![\p{L}])(?:skype|скайп\p{L}*)[^\n.!?:：]{0,24}?(?<![\p{L}])(?:id|user\s?name|name|login|логин|ник)\s*(?:[:：]|\bis\b|[-–—])\s*((?:live:\.?)?[A-Za-z][A-Za-z0-9._\-]{2,40})/iuy,
  },
  { network: 'vk', start: /vk|вк/giu, re: /(?<![\p{L}])(?:vk|вк|вконтакте|vkontakte)\s*[:：]\s*@?([A-Za-z0-9_.]{3,40})/iuy },
  // "мой вк — id4471": after a dash only an id that cannot be a word (digits, "_", ".")
  { network: 'vk', start: /vk|вк/giu, re: /(?<![\p{L}])(?:vk|вк|вконтакте|vkontakte)\s+[—–-]\s+@?([A-Za-z0-9_.]*[\d_.][A-Za-z0-9_.]*)(?![A-Za-z0-9_])/iuy },
];

// Networks a bare @handle can belong to, when the sentence names them.
const HANDLE_NETWORKS: { network: string; re: RegExp }[] = [
  { network: 'telegram', re: new RegExp(TELEGRAM_NAME, 'giu') },
  { network: 'line', re: /(?<![A-Za-z])(?:LINE|ライン)(?![A-Za-z])/gu },
  { network: 'skype', re: /(?<![\p{L}])(?:skype|скайп\p{L}*)(?![\p{L}])|スカイプ/giu },
  { network: 'vk', re: /(?<![\p{L}])(?:vk|вк|вконтакте\p{L}*|vkontakte)(?![\p{L}])/giu },
  // Other networks named nearer to the handle take it away from the ones above.
  { network: '', re: /(?<![\p{L}])(?:instagram|инстаграм\p{L}*|инст\p{L}*|twitter|твиттер\p{L}*|github|facebook|фейсбук\p{L}*|tiktok|тикток\p{L}*|threads|x\.com)(?![\p{L}])/giu },
];

const HANDLE = /(?<![\p{L}\p{N}_.@/])@([A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_@])(?!\.[A-Za-z])/gu;

// Messengers a phone number can be announced as (tried where the first syllable is, see anchored.ts).
const PHONE_MESSENGER_START = /whats|вот|ват|вац|viber|вайбер|signal|왓츠앱|바이버|ワッツアップ|バイバー/giu;
const PHONE_MESSENGER = /(?<![\p{L}])(whats\s?app|вотс?ап+\p{L}*|ватс?ап+\p{L}*|вацап+\p{L}*|viber|вайбер\p{L}*|signal)(?![\p{L}])|(왓츠앱|바이버|ワッツアップ|バイバー)/iuy;

function phoneId(digits: string): string {
  const pn = parsePhoneNumberFromString(`+${digits}`);
  return pn && pn.isValid() ? pn.number : `+${digits}`;
}

function validPhoneId(digits: string): string | null {
  const pn = parsePhoneNumberFromString(`+${digits}`);
  return pn && pn.isValid() ? pn.number : null;
}

function cleanId(id: string): string {
  return id.replace(/[.,\-_]+$/u, '').toLowerCase();
}

function messenger(network: string, id: string, start: number, end: number): Candidate {
  const c: Candidate = { kind: 'messenger', start, end, normalized: `${network}:${id}`, network };
  if (/^\+\d{7,15}$/u.test(id)) c.phone = id;
  return c;
}

/** Messenger links written in the text (and, via `messengerFromTarget`, in hrefs). */
export function messengerLinkCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const present = networksLinkedIn(text);
  if (present.size === 0) return out;
  for (const rule of LINK_RULES) {
    if (!present.has(rule.network)) continue;
    const onMatch = (m: RegExpExecArray): void => {
      const id = rule.id(m);
      if (id) out.push(messenger(rule.network, id, m.index, m.index + m[0].length));
    };
    if (rule.start) {
      forEachAnchored(text, rule.start, rule.re, onMatch);
      continue;
    }
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text))) onMatch(m);
  }
  return out;
}

// One cheap pass tells which networks' link patterns are worth running at all.
const LINK_HINT = /t\.me|telegram|tg:|wa\.me|whatsapp|viber:|signal\.me|skype:|vk\.(?:com|ru|me)|line\.me|weixin:/giu;
const HINT_NETWORK: [RegExp, string][] = [
  [/^(?:t\.me|telegram|tg:)$/iu, 'telegram'], [/^(?:wa\.me|whatsapp)$/iu, 'whatsapp'], [/^viber:$/iu, 'viber'],
  [/^signal\.me$/iu, 'signal'], [/^skype:$/iu, 'skype'], [/^vk\./iu, 'vk'], [/^line\.me$/iu, 'line'], [/^weixin:$/iu, 'wechat'],
];

function networksLinkedIn(text: string): Set<string> {
  const found = new Set<string>();
  LINK_HINT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LINK_HINT.exec(text))) {
    for (const [re, network] of HINT_NETWORK) if (re.test(m[0])) found.add(network);
    if (found.size === HINT_NETWORK.length) break;
  }
  return found;
}

export function messengerFromTarget(target: string): Candidate[] {
  return messengerLinkCandidates(target);
}

/** Labelled ids and @handles; `taken` are spans already claimed by links and emails. */
export function messengerLabelCandidates(text: string, overlapsTaken: (s: number, e: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const add = (network: string, raw: string, idStart: number): void => {
    let id = cleanId(raw.replace(/^@/u, ''));
    if (network === 'vk' && VK_RESERVED.test(id)) return;
    if (!/[a-z]/iu.test(id) || id.length < 3) return;
    const idEnd = idStart + raw.replace(/[.,\-_]+$/u, '').length;
    if (overlapsTaken(idStart, idEnd) || out.some((c) => c.start < idEnd && idStart < c.end)) return;
    // "vk.com/…" after "ВК:" is a link, handled there
    if (/^(?:vk\.|https?:|www\.|t\.me|line\.me)/iu.test(text.slice(idStart, idStart + 8))) return;
    if (network === 'skype') {
      id = id.replace(/,+$/u, '');
      // Skype names are 6+ characters; "Skype: Ethan Cole" is a person's name, not an id
      if (!id.startsWith('live:') && (id.length < 6 || /^[A-Z][a-z]+\s+[A-Z][a-z]+/u.test(text.slice(idStart, idStart + 40)))) return;
    }
    out.push(messenger(network, id, idStart, idEnd));
  };
  {
    forEachAnchored(text, TELEGRAM_START, TELEGRAM_LABEL, (m) => {
      const [, idWord, separator, at, raw] = m as unknown as [string, string | undefined, string, string, string];
      const explicit = separator.includes(':') || separator.includes('：') || at === '@' || idWord !== undefined || ID_WORD_RE.test(separator);
      const next = text[m.index + m[0].length];
      const handleLike = /[\d_]/u.test(raw) || ((next === undefined || /[\s.,;!?)—–-]/u.test(next)) && !/^[ \t]+\p{L}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)) && !NOT_A_HANDLE.test(raw));
      // "Telegram: here" (the visible text of a link): a plain word, not an account
      if (at !== '@' && !/[\d_]/u.test(raw) && (NOT_A_HANDLE.test(raw) || LINK_WORDS.test(raw))) return;
      // "Телега — ivan_sales77": a dash before an id that cannot be a word ("_" or digits) announces it
      const dashedId = /[—–-]/u.test(separator) && /[\d_]/u.test(raw);
      const announced = explicit || dashedId || (OWNER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)) && handleLike);
      if (announced) add('telegram', at + raw, m.index + m[0].length - raw.length - at.length);
    });
  }
  for (const rule of LABEL_RULES) {
    forEachAnchored(text, rule.start, rule.re, (m) => {
      const idStart = m.index + m[0].length - m[1]!.length;
      if (describesAppNotAccount(text, m[0], m[1]!, idStart)) return;
      add(rule.network, m[1]!, idStart);
    });
  }
  HANDLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HANDLE.exec(text))) {
    const start = m.index, end = start + m[0].length;
    if (overlapsTaken(start, end) || out.some((c) => c.start < end && start < c.end)) continue;
    const network = networkNamedNear(text, start, end);
    if (network) out.push(messenger(network, m[1]!.toLowerCase(), start, end));
  }
  return out;
}

/**
 * "WeChat is easiest for the team": after a bare "is" a plain word that runs on into more words
 * describes the app; an id after "is" has digits or "_", or ends the phrase.
 */
function describesAppNotAccount(text: string, matched: string, raw: string, idStart: number): boolean {
  if (!/\bis\s+$/iu.test(matched.slice(0, matched.length - raw.length))) return false;
  if (/[\d_.]/u.test(raw) || raw.startsWith('live:')) return false;
  const after = text.slice(idStart + raw.length, idStart + raw.length + 3);
  return NOT_A_HANDLE.test(raw) || /^[ \t]+\p{L}/u.test(after);
}

/** The messenger named in the same sentence, nearest before the handle (else nearest after). */
function networkNamedNear(text: string, start: number, end: number): string | null {
  const [s, e] = sentenceBounds(text, start, end);
  const sentence = text.slice(s, e);
  let before: { at: number; network: string } | null = null;
  let after: { at: number; network: string } | null = null;
  for (const { network, re } of HANDLE_NETWORKS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence))) {
      const at = s + m.index;
      if (at + m[0].length <= start) { if (!before || at > before.at) before = { at, network }; }
      else if (at >= end) { if (!after || at < after.at) after = { at, network }; }
    }
  }
  // "@jordan will send it; my telegram is blocked": a network named after the handle must be close by
  if (after && (after.at - end > 30 || text.slice(end, after.at).includes(';'))) after = null;
  const chosen = before ?? after;
  return chosen && chosen.network ? chosen.network : null;
}

const SENTENCE_END = /[.!?。！？]/u;

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let s = start;
  const minS = Math.max(0, start - 300);
  while (s > minS) {
    const ch = text[s - 1]!;
    if (ch === '\n') break;
    if (SENTENCE_END.test(ch) && /\s/u.test(text[s] ?? ' ')) break;
    s--;
  }
  let e = end;
  const maxE = Math.min(text.length, end + 300);
  while (e < maxE) {
    const ch = text[e]!;
    if (ch === '\n') break;
    if (SENTENCE_END.test(ch) && /\s/u.test(text[e + 1] ?? ' ')) break;
    e++;
  }
  return [s, e];
}

/**
 * "WhatsApp: +7 916 …", "write to me on Viber +380 …", "I'm on Signal at +1 …": the phone becomes a
 * messenger contact `whatsapp:+7916…` (corpus: the scorer also accepts the plain phone).
 *
 * The messenger words are found in one pass over the text; each phone then looks only at the mentions
 * on its own line (at most 60 characters before it, 30 after), found by binary search.
 */
export function announcePhonesAsMessengers(text: string, candidates: Candidate[]): void {
  if (!/whats|вотс|ватс|вацап|viber|вайбер|signal|왓츠앱|바이버|ワッツアップ|バイバー/iu.test(text)) return;
  const mentions: { start: number; end: number; network: string | null }[] = [];
  forEachAnchored(text, PHONE_MESSENGER_START, PHONE_MESSENGER, (m) => mentions.push({ start: m.index, end: m.index + m[0].length, network: networkOf(m[1] ?? m[2]!) }));
  if (mentions.length === 0) return;
  for (const c of candidates) {
    if (c.kind !== 'phone') continue;
    const from = lineStartWithin(text, c.start, 60);
    let network: string | null = null;
    // the last mention before the phone with no sentence end or digit between them wins
    for (let k = firstMentionAtOrAfter(mentions, from); k < mentions.length && mentions[k]!.end <= c.start; k++) {
      const gap = text.slice(mentions[k]!.end, c.start);
      if (/[.!?。](?:\s|$)|\d/u.test(gap)) continue;
      network = mentions[k]!.network;
    }
    if (!network) {
      const to = lineEndWithin(text, c.end, 30);
      const k = firstMentionAtOrAfter(mentions, c.end);
      const a = mentions[k];
      if (a && a.end <= to && !/[.!?。\d]/u.test(text.slice(c.end, a.start))) network = a.network;
    }
    if (!network) continue;
    c.kind = 'messenger';
    c.network = network;
    c.normalized = `${network}:${c.phone}`;
  }
}

function firstMentionAtOrAfter(mentions: readonly { start: number }[], pos: number): number {
  let lo = 0, hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function networkOf(word: string): string | null {
  const w = word.toLowerCase();
  if (w.startsWith('viber') || w.startsWith('вайбер') || w === '바이버' || w === 'バイバー') return 'viber';
  if (w === 'signal') return word[0] === 'S' ? 'signal' : null;
  return 'whatsapp';
}
