import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyFingerprint } from '../../../lib/policy/fingerprint.ts';
import { PolicySchema } from '../../../lib/policy/schema.ts';

const sample = PolicySchema.parse(JSON.parse(readFileSync('samples/policy.json', 'utf8')));

describe('policyFingerprint', () => {
  it('is 12 hex digits and the same for the same policy whatever its key order', () => {
    const reordered = PolicySchema.parse(JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(sample).reverse()))));
    expect(policyFingerprint(sample)).toMatch(/^[0-9a-f]{12}$/u);
    expect(policyFingerprint(reordered)).toBe(policyFingerprint(sample));
  });

  it('changes when any setting changes', () => {
    const changed = PolicySchema.parse({ ...sample, suggestion: { ...sample.suggestion, phone: '+7 800 555-35-35' } });
    const blocked = PolicySchema.parse({ ...sample, mode: 'block' });
    expect(policyFingerprint(changed)).not.toBe(policyFingerprint(sample));
    expect(policyFingerprint(blocked)).not.toBe(policyFingerprint(sample));
  });
});
