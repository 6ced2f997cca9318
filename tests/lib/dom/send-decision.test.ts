import { describe, expect, it } from 'vitest';
import { auditEvent, contextAround, decideSend, snippetAround, suggestionFor, type FindingLike } from '../../../lib/dom/send-decision.ts';

const finding = (over: Partial<FindingLike> = {}): FindingLike => ({
  kind: 'phone',
  value: '+7 915 111-11-11',
  normalized: '+79151111111',
  start: 10,
  end: 26,
  verdict: 'personal',
  action: 'warn',
  reason: 'personal phone',
  ...over,
});

describe('decideSend', () => {
  const table: [string, FindingLike[], { mode: 'monitor' | 'warn' | 'block'; allowOverride: boolean }, unknown][] = [
    ['nothing found', [], { mode: 'warn', allowOverride: false }, { kind: 'pass' }],
    ['only allowed findings', [finding({ action: 'allow', verdict: 'corporate' })], { mode: 'block', allowOverride: false }, { kind: 'pass' }],
    ['warn mode', [finding()], { mode: 'warn', allowOverride: false }, { kind: 'dialog', canSendAnyway: true, blocked: false }],
    ['block without override', [finding({ action: 'block' })], { mode: 'block', allowOverride: false }, { kind: 'dialog', canSendAnyway: false, blocked: true }],
    ['block with override', [finding({ action: 'block' })], { mode: 'block', allowOverride: true }, { kind: 'dialog', canSendAnyway: true, blocked: false }],
    ['monitor mode', [finding()], { mode: 'monitor', allowOverride: false }, { kind: 'monitor' }],
  ];
  for (const [name, findings, policy, expected] of table) {
    it(name, () => {
      expect(decideSend(findings, policy)).toMatchObject(expected as object);
    });
  }
});

describe('suggestionFor', () => {
  const policy = { suggestion: { email: 'sales@acme.example', phone: '+7 495 123-45-67', messenger: 'telegram:acme_support' } };
  it("prefers the detector's own suggestion, else the policy's for that kind", () => {
    expect(suggestionFor(finding({ suggestion: '+7 800 555-35-35' }), policy)).toBe('+7 800 555-35-35');
    expect(suggestionFor(finding(), policy)).toBe('+7 495 123-45-67');
    expect(suggestionFor(finding({ kind: 'email' }), policy)).toBe('sales@acme.example');
    expect(suggestionFor(finding({ kind: 'messenger' }), policy)).toBe('t.me/acme_support');
    expect(suggestionFor(finding({ kind: 'email' }), { suggestion: {} })).toBeUndefined();
  });
});

describe('snippets and context', () => {
  const text = 'Hello Anna, please call +7 915 111-11-11 after lunch tomorrow.';
  const start = text.indexOf('+7');
  const end = start + 16;
  it('cuts the audit snippet at snippetChars each side', () => {
    expect(snippetAround(text, start, end, 5)).toBe('call +7 915 111-11-11 afte');
    expect(snippetAround(text, start, end, 0)).toBe('+7 915 111-11-11');
  });
  it('quotes the finding in context for the dialog', () => {
    expect(contextAround(text, start, end, 14)).toEqual({ before: '…please call ', match: '+7 915 111-11-11', after: ' after lunch…' });
  });
  it('builds an audit event with the flagged findings and the recipients', () => {
    const event = auditEvent(
      'sent-anyway',
      { site: 'mail.google.com', origin: 'https://mail.google.com', adapter: 'gmail', recipients: ['a@client.ru'], snippetChars: 4 },
      [{ text, findings: [finding({ start, end })] }],
      { justification: 'client asked' },
    );
    expect(event).toMatchObject({
      decision: 'sent-anyway',
      adapter: 'gmail',
      recipients: ['a@client.ru'],
      justification: 'client asked',
      findings: [{ kind: 'phone', snippet: 'all +7 915 111-11-11 aft' }],
    });
  });
});
