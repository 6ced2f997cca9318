import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FindingSummary } from '../messaging/protocol.ts';

/**
 * Masked forms keep enough for an auditor to recognise a contact (`+7 915 ***-**-11`,
 * `iv***@gmail.com`, `telegram:va***`) and too little to use it.
 */

/**
 * Keeps the country code, the first three national digits and the last two, grouped the way the
 * country writes numbers (`+7 915 ***-**-11`, `+81 90-1***-**78`): the national format with its
 * trunk prefix and parentheses removed, because international formatting groups with spaces only.
 */
export function maskPhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone.startsWith('+') ? phone : `+${phone.replace(/\D/gu, '')}`);
  if (parsed) {
    const national = parsed.formatNational();
    const wanted = parsed.nationalNumber.length;
    let digits = 0;
    let start = national.length;
    while (start > 0 && digits < wanted) {
      start--;
      if (/\d/u.test(national[start]!)) digits++;
    }
    const grouped = national.slice(start).replace(/[()]/gu, '').replace(/\s+/gu, ' ').trim();
    return `+${parsed.countryCallingCode} ${maskDigits(grouped, 3, 2)}`;
  }
  return maskDigits(phone, 4, 2);
}

function maskDigits(text: string, keepFirst: number, keepLast: number): string {
  const total = (text.match(/\d/gu) ?? []).length;
  let seen = 0;
  return text.replace(/\d/gu, (digit) => {
    seen++;
    return seen <= keepFirst || seen > total - keepLast ? digit : '*';
  });
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return maskTail(email);
  const local = email.slice(0, at);
  return `${local.slice(0, local.length > 2 ? 2 : 1)}***${email.slice(at)}`;
}

function maskTail(id: string): string {
  return `${id.slice(0, id.length > 2 ? 2 : 1)}***`;
}

/** `network:id`; a messenger id that is a phone number is masked as a phone. */
export function maskMessenger(contact: string): string {
  const colon = contact.indexOf(':');
  if (colon < 0) return maskTail(contact);
  const network = contact.slice(0, colon);
  const id = contact.slice(colon + 1);
  return `${network}:${/^\+?\d[\d\s-]{5,}$/u.test(id) ? maskPhone(id) : maskTail(id)}`;
}

export function maskContact(kind: FindingSummary['kind'], normalized: string): string {
  switch (kind) {
    case 'phone':
      return maskPhone(normalized);
    case 'email':
      return maskEmail(normalized);
    case 'messenger':
      return maskMessenger(normalized);
  }
}
