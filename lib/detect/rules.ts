import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Policy } from '../policy/schema.ts';
import { createPhoneRules } from './scan-phones.ts';
import type { ScanRules } from './scan.ts';

/** A policy turned into lookup tables once, so scanning does no set-up per message. */
export interface Rules {
  scan: ScanRules;
  organization: string;
  corporateDomains: readonly string[];
  corporateEmails: ReadonlySet<string>;
  /** `phone:+E164`, `messenger:network:id` keys of corporate contacts. */
  corporateKeys: ReadonlySet<string>;
  personalDomains: ReadonlySet<string>;
  allowedDomains: ReadonlySet<string>;
  mode: Policy['mode'];
  suggestion: { email?: string; phone?: string; messenger?: string };
}

export function bindRules(policy: Policy): Rules {
  const region = policy.defaultRegion.toUpperCase() as CountryCode;
  const corporateKeys = new Set<string>();
  for (const phone of policy.corporateContacts.phones) {
    const e164 = toE164(phone, region);
    if (e164) corporateKeys.add(`phone:${e164}`);
  }
  for (const contact of policy.corporateContacts.messengers) {
    const key = messengerKey(contact, region);
    if (!key) continue;
    corporateKeys.add(`messenger:${key.normalized}`);
    if (key.phone) corporateKeys.add(`phone:${key.phone}`);
  }
  const firstMessenger = policy.corporateContacts.messengers[0];
  return {
    scan: { phone: createPhoneRules(region) },
    organization: policy.organization,
    corporateDomains: policy.corporateDomains.map((d) => d.toLowerCase()),
    corporateEmails: new Set(policy.corporateContacts.emails.map((e) => e.trim().toLowerCase())),
    corporateKeys,
    personalDomains: new Set(policy.personalDomains.map((d) => d.toLowerCase())),
    allowedDomains: new Set(policy.allowedDomains.map((d) => d.toLowerCase())),
    mode: policy.mode,
    suggestion: {
      email: policy.suggestion.email ?? policy.corporateContacts.emails[0],
      phone: policy.suggestion.phone ?? policy.corporateContacts.phones[0],
      messenger: policy.suggestion.messenger ?? firstMessenger,
    },
  };
}

export function toE164(phone: string, region: CountryCode): string | null {
  const pn = parsePhoneNumberFromString(phone.trim(), { defaultCountry: region });
  return pn ? pn.number : null;
}

/** `telegram:@Acme_Support` -> `telegram:acme_support`; `whatsapp:+7 495 …` -> `whatsapp:+7495…`. */
export function messengerKey(contact: string, region: CountryCode): { normalized: string; phone?: string } | null {
  const colon = contact.indexOf(':');
  if (colon < 0) return null;
  const network = contact.slice(0, colon).trim().toLowerCase();
  const id = contact.slice(colon + 1).trim().replace(/^@/u, '');
  if (/^\+?[\d\s().-]{7,}$/u.test(id)) {
    const e164 = toE164(id.startsWith('+') ? id : `+${id.replace(/\D/gu, '')}`, region);
    if (e164) return { normalized: `${network}:${e164}`, phone: e164 };
  }
  return { normalized: `${network}:${id.toLowerCase()}` };
}

export function isCorporateDomain(domain: string, rules: Rules): boolean {
  return rules.corporateDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}
