import type { PolicyInput } from '../schema.ts';

/** The Firefox add-on id from wxt.config.ts; policies.json keys the managed settings by it. */
export const GECKO_ID = 'channel-guard@acme.example';

export type ManagedValues = Record<string, unknown>;

/**
 * The values an admin deploys are the policy file itself (issue 7: no renaming between testing and
 * deploying). One rewrite for Chromium: it has no union types, so `explanation` given as one string
 * becomes the per-language object the managed schema declares (see lib/policy/managed-schema.ts).
 */
export function toChromiumManagedValues(policy: PolicyInput): ManagedValues {
  const values: ManagedValues = { ...policy };
  if (typeof policy.explanation === 'string') {
    values.explanation = { en: policy.explanation, ru: policy.explanation, ja: policy.explanation };
  }
  return values;
}

/** Chrome/Edge derive an extension id from the SHA-256 of its public key: the first 32 hex digits, 0-f spelled a-p. */
export function extensionIdFromSha256Hex(sha256Hex: string): string {
  return sha256Hex
    .slice(0, 32)
    .toLowerCase()
    .replace(/[0-9a-f]/gu, (digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16)));
}

export const CHROMIUM_EXTENSION_ID_RE = /^[a-p]{32}$/u;
