import { describe, expect, it } from 'vitest';
import { defaultPolicy, regionFromLanguages } from '../../../lib/policy/defaults.ts';
import { POLICY_FIELDS } from '../../../lib/policy/fields.ts';
import { isEmptyManaged, resolvePolicy } from '../../../lib/policy/resolve.ts';
import { PolicySchema } from '../../../lib/policy/schema.ts';
import { acmePolicy } from './fixtures.ts';

const defaults = defaultPolicy('RU');

describe('resolvePolicy', () => {
  it('uses the built-in policy when there is nothing else', () => {
    const r = resolvePolicy(defaults, undefined, undefined);
    expect(r.source).toBe('default');
    expect(r.policy).toEqual(defaults);
    expect(r.policy.corporateDomains).toEqual([]);
    expect(r.locked).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it('applies a valid managed policy, with schema defaults, and locks every field not user-editable', () => {
    const r = resolvePolicy(defaults, acmePolicy({ mode: 'block', userEditable: ['personalDomains'] }), undefined);
    expect(r.source).toBe('managed');
    expect(r.managedIsFresh).toBe(true);
    expect(r.policy.organization).toBe('Acme');
    expect(r.policy.mode).toBe('block');
    expect(r.policy.audit.retentionDays).toBe(180);
    expect(r.locked).toContain('organization');
    expect(r.locked).toContain('mode');
    expect(r.locked).not.toContain('personalDomains');
    expect(r.locked).toHaveLength(POLICY_FIELDS.length - 1);
  });

  it('admin values win over local ones for locked fields; editable fields take the local value', () => {
    const managed = acmePolicy({ mode: 'block', userEditable: ['userLabel', 'mode'] });
    const local = { organization: 'Hacker Inc', userLabel: 'laptop-42', mode: 'monitor', corporateDomains: ['evil.example'] };
    const r = resolvePolicy(defaults, managed, local);
    expect(r.policy.organization).toBe('Acme');
    expect(r.policy.corporateDomains).toEqual(['acme.example']);
    expect(r.policy.userLabel).toBe('laptop-42');
    expect(r.policy.mode).toBe('monitor');
    // Stale local values for locked fields are ignored, not reported.
    expect(r.errors).toEqual([]);
  });

  it('lets local settings change anything when there is no managed policy', () => {
    const r = resolvePolicy(defaults, {}, { organization: 'My shop', corporateDomains: ['shop.example'], mode: 'block' });
    expect(r.source).toBe('local');
    expect(r.policy).toMatchObject({ organization: 'My shop', corporateDomains: ['shop.example'], mode: 'block', defaultRegion: 'RU' });
  });

  it('reports an invalid managed policy and keeps the last good one in force', () => {
    const lastGood = PolicySchema.parse(acmePolicy({ mode: 'block' }));
    const r = resolvePolicy(defaults, acmePolicy({ defaultRegion: 'Russia', mode: 'monitor' }), undefined, lastGood);
    expect(r.errors).toEqual([expect.objectContaining({ source: 'managed', path: 'defaultRegion' })]);
    expect(r.policy.mode).toBe('block');
    expect(r.policy.defaultRegion).toBe('RU');
    expect(r.source).toBe('managed');
    expect(r.managedIsFresh).toBe(false);
    expect(r.locked).toContain('mode');
  });

  it('falls back to the defaults (still reporting) when an invalid managed policy has no predecessor', () => {
    const r = resolvePolicy(defaults, { organization: 'Acme' }, undefined);
    expect(r.source).toBe('default');
    expect(r.policy).toEqual(defaults);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.every((e) => e.source === 'managed')).toBe(true);
  });

  it('keeps the last good managed policy with a warning when managed storage becomes empty', () => {
    const lastGood = PolicySchema.parse(acmePolicy());
    const r = resolvePolicy(defaults, {}, undefined, lastGood);
    expect(r.policy.organization).toBe('Acme');
    expect(r.source).toBe('managed');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
  });

  it('skips an invalid local field with a precise error and applies the valid ones', () => {
    const r = resolvePolicy(defaults, undefined, { mode: 'loud', personalDomains: ['Example.COM', 'bad domain'], userLabel: 'me', nonsense: 1 });
    expect(r.policy.mode).toBe('warn');
    expect(r.policy.personalDomains).toEqual([]);
    expect(r.policy.userLabel).toBe('me');
    expect(r.errors.map((e) => `${e.source}:${e.path}`).sort()).toEqual(['local:mode', 'local:nonsense', 'local:personalDomains[1]']);
  });

  it('normalises local values through the schema', () => {
    const r = resolvePolicy(defaults, undefined, { personalDomains: [' Example.COM '] });
    expect(r.policy.personalDomains).toEqual(['example.com']);
  });

  it('reports local settings that are not an object', () => {
    const r = resolvePolicy(defaults, undefined, ['mode']);
    expect(r.errors).toEqual([{ source: 'local', path: '(local settings)', message: 'expected an object' }]);
  });
});

describe('isEmptyManaged', () => {
  it.each([
    [undefined, true],
    [null, true],
    [{}, true],
    [{ organization: 'x' }, false],
    [[], false],
    ['text', false],
  ])('%j -> %s', (raw, expected) => expect(isEmptyManaged(raw)).toBe(expected));
});

describe('regionFromLanguages', () => {
  it.each([
    [['ru-RU', 'en'], 'RU'],
    [['ja'], 'JP'],
    [['en-GB'], 'GB'],
    [['ru'], 'RU'],
    [['fr', 'en'], 'US'],
    [[], 'US'],
  ])('%j -> %s', (languages, expected) => expect(regionFromLanguages(languages)).toBe(expected));
});
