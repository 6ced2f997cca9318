import { describe, expect, it } from 'vitest';
import { formatErrorLines, formatPath, formatPolicyErrors, parsePolicyJson, POLICY_PARSE_OPTIONS } from '../../../lib/policy/errors.ts';
import { PolicySchema } from '../../../lib/policy/schema.ts';
import { acmePolicy } from './fixtures.ts';

function errorsOf(input: unknown) {
  const parsed = PolicySchema.safeParse(input, POLICY_PARSE_OPTIONS);
  if (parsed.success) throw new Error('expected the policy to be invalid');
  return formatPolicyErrors(parsed.error);
}

describe('formatPath', () => {
  it.each([
    [[], '(policy)'],
    [['mode'], 'mode'],
    [['corporateContacts', 'phones', 1], 'corporateContacts.phones[1]'],
    [['sites', 0, 'match'], 'sites[0].match'],
  ] as const)('%j -> %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('formatPolicyErrors', () => {
  it.each([
    [{ defaultRegion: 'Russia' }, 'defaultRegion', /two-letter region code.*got "RUSSIA"/u],
    [{ mode: 'strict' }, 'mode', /must be one of "monitor", "warn", "block", got "strict"/u],
    [{ corporateDomains: ['acme.example', 'not a domain'] }, 'corporateDomains[1]', /domain name.*got "not a domain"/u],
    [{ corporateDomains: 'acme.example' }, 'corporateDomains', /expected array, got "acme.example"/u],
    [{ organization: undefined }, 'organization', /^required \(expected string\)$/u],
    [{ corporateContacts: { emails: [], phones: ['call me'], messengers: [] } }, 'corporateContacts.phones[0]', /phone number/u],
    [{ corporateContacts: { emails: [], phones: [], messengers: ['icq:123'] } }, 'corporateContacts.messengers[0]', /network:id/u],
    [{ sites: [{ match: 'mail.acme.example', adapter: 'roundcube' }] }, 'sites[0].match', /match pattern/u],
    [{ sites: [{ match: 'https://mail.acme.example/*', adapter: 'squirrelmail' }] }, 'sites[0].adapter', /must be one of/u],
    [{ colour: 'red' }, 'colour', /^unknown field$/u],
    [{ audit: { retentionDays: 0 } }, 'audit.retentionDays', /./u],
    [{ version: 2 }, 'version', /1/u],
  ])('%j reports %s', (override, path, message) => {
    const errors = errorsOf(acmePolicy(override));
    const match = errors.find((e) => e.path === path);
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match!.message).toMatch(message);
  });

  it('lists every problem of a policy, not just the first', () => {
    const errors = errorsOf({ version: 1, organization: 'Acme', defaultRegion: 'Russia', extra: true });
    expect(errors.map((e) => e.path).sort()).toEqual(['corporateContacts', 'corporateDomains', 'defaultRegion', 'extra', 'suggestion']);
  });

  it('formats one "path: reason" line per error', () => {
    expect(formatErrorLines([{ path: 'mode', message: 'bad' }, { path: 'sites[0].match', message: 'worse' }])).toBe('mode: bad\nsites[0].match: worse');
  });
});

describe('parsePolicyJson', () => {
  it('parses valid JSON, with or without a BOM', () => {
    expect(parsePolicyJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['{\n  "a": 1,\n}', /line 3, column 1/u],
    ['{"a" 1}', /line 1, column 6/u],
    ['{\n "a": 1\n "b": 2\n}', /line 3/u],
    ['', /invalid JSON/u],
  ])('places the error in %j', (text, expected) => {
    const result = parsePolicyJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.path).toBe('(file)');
      expect(result.errors[0]!.message).toMatch(expected);
    }
  });
});
