import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../../lib/sites/match-pattern.ts';
import { COMPOSE_SCRIPT_FILE, diffRegistration, planSiteRegistration, POLICY_SITES_SCRIPT_ID } from '../../../lib/sites/registration.ts';

describe('planSiteRegistration', () => {
  it('registers the compose script for every listed host that the manifest does not cover', () => {
    const plan = planSiteRegistration(
      [
        { match: 'https://mail.acme.example/*', adapter: 'roundcube' },
        { match: 'https://mail.google.com/*', adapter: 'gmail', selectors: { editor: 'div' } },
        { match: 'https://crm.acme.example/*', adapter: 'generic' },
        { match: 'https://crm.acme.example/*', adapter: 'generic' },
      ],
      ['https://mail.google.com/*'],
    );
    expect(plan).toEqual([
      {
        id: POLICY_SITES_SCRIPT_ID,
        matches: ['https://crm.acme.example/*', 'https://mail.acme.example/*'],
        js: [COMPOSE_SCRIPT_FILE],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  });
  it('plans nothing when the policy lists no extra host', () => {
    expect(planSiteRegistration([], ['https://mail.google.com/*'])).toEqual([]);
  });
});

describe('diffRegistration', () => {
  const plan = planSiteRegistration([{ match: 'https://mail.acme.example/*', adapter: 'roundcube' }], []);
  it('does nothing when the registered script already has these hosts', () => {
    expect(diffRegistration([{ id: POLICY_SITES_SCRIPT_ID, matches: ['https://mail.acme.example/*'] }], plan)).toEqual({ unregister: [], register: [] });
  });
  it('replaces ours when the hosts changed, and leaves scripts it does not own alone', () => {
    expect(diffRegistration([{ id: 'other', matches: [] }, { id: POLICY_SITES_SCRIPT_ID, matches: ['https://old.example/*'] }], plan)).toEqual({
      unregister: [POLICY_SITES_SCRIPT_ID],
      register: plan,
    });
  });
  it('unregisters ours when the policy no longer lists any host', () => {
    expect(diffRegistration([{ id: POLICY_SITES_SCRIPT_ID, matches: ['https://x.example/*'] }], [])).toEqual({ unregister: [POLICY_SITES_SCRIPT_ID], register: [] });
  });
});

describe('matchesPattern', () => {
  const table: [string, string, boolean][] = [
    ['https://mail.google.com/*', 'https://mail.google.com/mail/u/0/#inbox', true],
    ['https://mail.google.com/*', 'http://mail.google.com/', false],
    ['https://*.acme.example/*', 'https://mail.acme.example/?_task=mail', true],
    ['https://*.acme.example/*', 'https://acme.example/', true],
    ['https://*.acme.example/*', 'https://evilacme.example/', false],
    ['*://crm.acme.example/deals/*', 'http://crm.acme.example/deals/42', true],
    ['*://crm.acme.example/deals/*', 'https://crm.acme.example/contacts/1', false],
    ['https://mail.acme.example:8443/*', 'https://mail.acme.example:8443/x', true],
    ['not a pattern', 'https://x.example/', false],
  ];
  for (const [pattern, url, expected] of table) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${url}`, () => expect(matchesPattern(pattern, url)).toBe(expected));
  }
});
