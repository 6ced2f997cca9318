import type { PolicyInput } from '../../../lib/policy/schema.ts';

/** The minimal valid policy from issue 3, as an admin would write it. */
export function acmePolicy(overrides: Record<string, unknown> = {}): PolicyInput {
  return {
    version: 1,
    organization: 'Acme',
    defaultRegion: 'RU',
    corporateDomains: ['acme.example'],
    corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67'], messengers: ['telegram:acme_support'] },
    suggestion: { email: 'sales@acme.example', phone: '+7 495 123-45-67' },
    ...overrides,
  } as PolicyInput;
}
