import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Candidate } from './candidate.ts';
import { emailCandidates, findEmails } from './scan-emails.ts';
import { announcePhonesAsMessengers, messengerFromTarget, messengerLabelCandidates, messengerLinkCandidates } from './scan-messengers.ts';
import { phoneCandidates, type PhoneRules } from './scan-phones.ts';
import { mergeSpans, type Span } from './ranges.ts';
import { findUrlSpans } from './urls.ts';

/**
 * Stage one: every contact-like thing in a (normalized) text, with offsets. No verdicts here; see
 * classify.ts. Order matters: emails and links claim their spans first so the digits inside them
 * (`79151234567@mail.ru`, `wa.me/7915…`, `zoom.us/j/812…`) are never read as phones.
 */

export interface ScanRules {
  phone: PhoneRules;
}


export function scanCandidates(text: string, rules: ScanRules): Candidate[] {
  const emails = emailCandidates(text);
  const links = messengerLinkCandidates(text);
  const taken: Span[] = [];
  for (const c of emails) taken.push([c.start, c.end]);
  for (const c of links) taken.push([c.start, c.end]);
  for (const span of findUrlSpans(text)) taken.push(span);
  const takenSpans = mergeSpans(taken);
  const labels = messengerLabelCandidates(text, (s, e) => overlaps(takenSpans, s, e));
  const blocked = mergeSpans([...takenSpans, ...labels.map((c): Span => [c.start, c.end])]);
  const phones = phoneCandidates(text, rules.phone, blocked);
  announcePhonesAsMessengers(text, phones);
  // "мой +7 981 …, пишите в телеграм: t.me/+7981…": one number, already flagged as the phone
  const plainPhones = new Set(phones.filter((c) => c.kind === 'phone').map((c) => c.normalized));
  const keptLinks = links.filter((c) => !(c.network === 'telegram' && c.phone && plainPhones.has(c.phone)));
  return [...emails, ...keptLinks, ...labels, ...phones].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Contacts behind an href: `mailto:`, `tel:`/`sms:`/`callto:`, messenger links. */
export function scanLinkTarget(target: string, rules: ScanRules): Candidate[] {
  const t = target.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(t)?.[1]?.toLowerCase();
  if (scheme === 'mailto') {
    const addresses = safeDecode(t.slice(7).split('?')[0]!);
    return findEmails(addresses).map((e) => ({ kind: 'email', start: 0, end: 0, normalized: e.address }));
  }
  if (scheme === 'tel' || scheme === 'sms' || scheme === 'callto') {
    const number = safeDecode(t.slice(scheme.length + 1)).replace(/^\/\//u, '').split(/[;?]/u)[0]!;
    if (scheme === 'callto' && /[a-z]/iu.test(number)) {
      return [{ kind: 'messenger', start: 0, end: 0, normalized: `skype:${number.toLowerCase()}`, network: 'skype' }];
    }
    const pn = parsePhoneNumberFromString(number.trim(), { defaultCountry: rules.phone.region });
    if (!pn || !pn.isValid()) return [];
    return [{ kind: 'phone', start: 0, end: 0, normalized: pn.number, phone: pn.number }];
  }
  return messengerFromTarget(safeDecode(t));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Does [s, e) intersect one of the sorted, merged spans? */
function overlaps(spans: readonly Span[], s: number, e: number): boolean {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = spans[mid]!;
    if (b <= s) lo = mid + 1;
    else if (a >= e) hi = mid - 1;
    else return true;
  }
  return false;
}
