import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCases, scoreCorpus } from './score-corpus.ts';

/**
 * The held-out set (tests/fixtures/corpus/heldout.jsonl): 273 cases written from the corpus README's
 * rules alone, in the dev set's format, to catch fitting the engine to dev.jsonl. It ships with the
 * repo, so it runs from a fresh clone; the policy is the corpus sample policy (shared/corpus/policy.json).
 */
const SAMPLE_POLICY = {
  version: 1,
  organization: 'Acme',
  defaultRegion: 'RU',
  corporateDomains: ['acme.example', 'acme-group.example'],
  corporateContacts: {
    emails: ['sales@acme.example', 'support@acme.example', 'info@acme.example'],
    phones: ['+7 495 123-45-67', '+7 800 555-35-35', '+81 3-1234-5678', '+1 415 555 0100'],
    messengers: ['telegram:acme_support', 'whatsapp:+74951234567'],
  },
  suggestion: { email: 'sales@acme.example', phone: '+7 495 123-45-67', messenger: 'telegram:acme_support' },
};

const casesFile = path.resolve(import.meta.dirname, '../../fixtures/corpus/heldout.jsonl');

describe('held-out labelled set (heldout.jsonl)', () => {
  const cases = readCases(casesFile);

  it('is a real held-out set: 200+ cases, clean ones included, every region and rule family', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.region))).toEqual(new Set(['RU', 'US', 'GB', 'JP', 'DE', 'FR', 'UA', 'KZ', 'CN']));
    const kinds = new Set(cases.flatMap((c) => c.expect.map((e) => (e.kind === 'messenger' ? e.normalized.split(':')[0] : e.kind))));
    for (const k of ['email', 'phone', 'telegram', 'whatsapp', 'viber', 'skype', 'signal', 'vk', 'line', 'wechat']) expect(kinds).toContain(k);
  });

  it('reaches F1 ≥ 0.97 with ≤ 2% false alarms (the acceptance aim)', () => {
    const score = scoreCorpus(cases, SAMPLE_POLICY);
    expect(score.f1).toBeGreaterThanOrEqual(0.97);
    expect(score.falseAlarm).toBeLessThanOrEqual(0.02);
  });
});
