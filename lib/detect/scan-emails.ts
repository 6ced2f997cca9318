import type { Candidate } from './candidate.ts';
import { isFreeMailDomain } from './free-mail.ts';

/**
 * Email candidates, plain and disguised (corpus rule 4): `ivan (at) gmail (dot) com`, `ivan[at]mail.ru`,
 * `ivan собака yandex точка ru`, `ivan アットマーク gmail.com`, `ivan @ gmail . com`, `arroba`/`punto`.
 *
 * The scan is anchored on the "@" (or its stand-in) and reads the local part backwards and the domain
 * forwards, so ordinary words never start an expensive match.
 */

// Top-level domains accepted after a spelled-out "dot": plain emails accept any alphabetic TLD.
const KNOWN_TLDS = new Set(
  ('com net org info biz edu gov mil int io co me app dev ai pro name mobi email online site xyz club shop store tech cloud ' +
    'ru su рф ua by kz uz am ge az md kg tj tm jp cn hk tw kr sg my th vn id ph in pk au nz us ca mx br ar cl co pe ' +
    'uk de fr es it pt nl be lu ch at dk se no fi is ie pl cz sk hu ro bg gr tr il ae sa eg za ng ke lt lv ee si hr rs ' +
    'ba mk al me eu asia tv cc ws la').split(' '),
);

// A plain "@" may also have a line break on either side: a mail client wrapped the address.
const AT_SEPARATOR =
  /[ \t]*[(\[{<][ \t]*(?:at|собака|равлик|arroba|arobase|アットマーク|@)[ \t]*[)\]}>][ \t]*|[ \t]*\n?[ \t]*@[ \t]*\n?[ \t]*|[ \t]+(?:at|собака|собачка|равлик|arroba|arobase)[ \t]+|[ \t]*アットマーク[ \t]*/iuy;
// The core of every separator. AT_SEPARATOR may start only on the blanks and brackets right before it.
const AT_CORE = /@|at|собак|равлик|arroba|arobase|アットマーク/giu;
const isSeparatorLead = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x28 || c === 0x5b || c === 0x7b || c === 0x3c;

/**
 * The next AT_SEPARATOR match at or after `from`, as a global search would find it. Searching for the
 * core first keeps V8 from trying the blank-led pattern at every space of the text.
 */
function nextSeparator(text: string, from: number): RegExpExecArray | null {
  AT_CORE.lastIndex = from;
  let q: RegExpExecArray | null;
  while ((q = AT_CORE.exec(text))) {
    let lead = q.index;
    while (lead > from && isSeparatorLead(text.charCodeAt(lead - 1))) lead--;
    for (let p = lead; p <= q.index; p++) {
      AT_SEPARATOR.lastIndex = p;
      const m = AT_SEPARATOR.exec(text);
      if (m && m[0].length > 0) return m;
    }
    AT_CORE.lastIndex = q.index + 1;
  }
  return null;
}

const DOT_WORD = String.raw`(?:dot|точка|крапка|punto|punkt|point|ドット)`;
// "gmail [.] com": a bracketed literal dot is as deliberate a disguise as a bracketed "dot"
const BRACKETED_DOT = String.raw`(?:${DOT_WORD}|\.)`;
const DOT_SEPARATOR = String.raw`(?:\.|[ \t]+\.[ \t]*|\.[ \t]+|[ \t]*[(\[{<][ \t]*${BRACKETED_DOT}[ \t]*[)\]}>][ \t]*|[ \t]+${DOT_WORD}[ \t]+)`;
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;
const DOMAIN_AT = new RegExp(String.raw`${LABEL}(?:${DOT_SEPARATOR}${LABEL})+`, 'iuy');
const SPLIT_DOMAIN = new RegExp(DOT_SEPARATOR, 'giu');
const DOT_BEFORE = new RegExp(String.raw`(?:[ \t]+\.[ \t]+|[ \t]*[(\[{<][ \t]*${BRACKETED_DOT}[ \t]*[)\]}>][ \t]*|[ \t]+${DOT_WORD}[ \t]+)$`, 'iu');

const isLocalChar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;

export interface EmailMatch {
  start: number;
  end: number;
  address: string;
}

export function findEmails(text: string): EmailMatch[] {
  const found: EmailMatch[] = [];
  let next = 0;
  let m: RegExpExecArray | null;
  while ((m = nextSeparator(text, next))) {
    next = m.index + m[0].length;
    const sepStart = m.index, sepEnd = m.index + m[0].length;
    const separator = m[0].trim();
    const plainAt = m[0] === '@';
    const wordAt = /^(?:at|собака|собачка|равлик|arroba|arobase)$/iu.test(separator);

    // local part, read backwards; spelled-out dots between its pieces are allowed
    let pos = sepStart;
    let localStart = -1;
    let localObfuscated = false;
    for (;;) {
      let a = pos;
      while (a > 0 && isLocalChar(text.charCodeAt(a - 1))) a--;
      if (a === pos) break;
      localStart = a;
      if (plainAt) break;
      const before = DOT_BEFORE.exec(text.slice(Math.max(0, a - 16), a));
      if (!before || a - before[0].length <= 0 || !isLocalChar(text.charCodeAt(a - before[0].length - 1))) break;
      localObfuscated = true;
      pos = a - before[0].length;
    }
    if (localStart < 0) continue;
    while (localStart < sepStart && text[localStart] === '.') localStart++;
    const localRaw = text.slice(localStart, sepStart);
    const local = localRaw.replace(SPLIT_DOMAIN, '.').replace(/[ \t]+/gu, '').replace(/\.+$/u, '');
    if (!/[a-z0-9]/iu.test(local) || local.length > 64) continue;

    DOMAIN_AT.lastIndex = sepEnd;
    const d = DOMAIN_AT.exec(text);
    if (!d) continue;
    const pieces: { label: string; end: number; plain: boolean }[] = [];
    SPLIT_DOMAIN.lastIndex = 0;
    let last = 0, sm: RegExpExecArray | null;
    const raw = d[0];
    let plainDomain = true;
    while ((sm = SPLIT_DOMAIN.exec(raw))) {
      pieces.push({ label: raw.slice(last, sm.index), end: sepEnd + sm.index, plain: plainDomain });
      if (sm[0] !== '.') plainDomain = false;
      last = sm.index + sm[0].length;
    }
    pieces.push({ label: raw.slice(last), end: sepEnd + raw.length, plain: plainDomain });

    const obfuscated = !plainAt || localObfuscated;
    // longest prefix of labels ending in an acceptable top-level domain
    let take = -1;
    for (let k = pieces.length - 1; k >= 1; k--) {
      const tld = pieces[k]!.label.toLowerCase();
      const ok = obfuscated || !pieces[k]!.plain ? KNOWN_TLDS.has(tld) : /^(?:[a-z]{2,24}|xn--[a-z0-9-]+)$/u.test(tld);
      if (ok) { take = k; break; }
    }
    if (take < 1) continue;
    const domain = pieces.slice(0, take + 1).map((p) => p.label.toLowerCase()).join('.');
    const end = pieces[take]!.end;
    const domainObfuscated = !pieces[take]!.plain;
    // A bare " at " is an email only in a clear email-like context (a known provider, a local part
    // that looks like an address, or a spelled-out dot): "meet at acme.com" is not an address.
    if (wordAt && !isFreeMailDomain(domain) && !/[._\d-]/u.test(local) && !domainObfuscated && !localObfuscated) continue;
    found.push({ start: localStart, end, address: `${local.toLowerCase()}@${domain}` });
    next = Math.max(next, end);
  }
  return found;
}

export function emailCandidates(text: string): Candidate[] {
  return findEmails(text).map((e) => ({ kind: 'email', start: e.start, end: e.end, normalized: e.address }));
}
