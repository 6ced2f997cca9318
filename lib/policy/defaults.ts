import type { Policy } from './schema.ts';
import { PolicySchema } from './schema.ts';

/**
 * The policy in force when no admin has deployed one and the user changed nothing.
 *
 * It still protects: free-mail addresses, phones and messenger handles are personal whatever the
 * organization. With no corporate domains known, no recipient counts as internal, so nothing is
 * skipped for "internal" mail — the safe side. It is not a valid admin policy (an admin must name
 * at least one corporate domain), which is why it is built here rather than parsed.
 */
export function defaultPolicy(defaultRegion = 'US'): Policy {
  const filled = PolicySchema.partial().parse({});
  return {
    ...filled,
    version: 1,
    organization: 'Not configured',
    defaultRegion,
    corporateDomains: [],
    corporateContacts: { emails: [], phones: [], messengers: [] },
    suggestion: {},
  } as Policy;
}

const REGION_BY_LANGUAGE: Record<string, string> = { ru: 'RU', ja: 'JP', en: 'US', uk: 'UA', be: 'BY', kk: 'KZ' };

/**
 * National numbers are read with the policy's region; without a policy the browser's language is the
 * best guess (`ru-RU` → RU, `ja` → JP), so a Russian user's `8-915-…` is still recognised.
 */
export function regionFromLanguages(languages: readonly string[]): string {
  for (const tag of languages) {
    const [language, region] = tag.split(/[-_]/u);
    if (region && /^[A-Za-z]{2}$/u.test(region)) return region.toUpperCase();
    const guess = language ? REGION_BY_LANGUAGE[language.toLowerCase()] : undefined;
    if (guess) return guess;
  }
  return 'US';
}
