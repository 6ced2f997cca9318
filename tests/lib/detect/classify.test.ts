import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../lib/detect/candidate.ts';
import { classify, type ClassifyContext } from '../../../lib/detect/classify.ts';
import { bindRules } from '../../../lib/detect/rules.ts';
import { PolicySchema, type PolicyInput } from '../../../lib/policy/schema.ts';

const base: PolicyInput = {
  version: 1,
  organization: 'Acme',
  defaultRegion: 'RU',
  corporateDomains: ['acme.example', 'acme-group.example'],
  corporateContacts: {
    emails: ['sales@acme.example'],
    phones: ['+7 495 123-45-67', '8 800 555-35-35'],
    messengers: ['telegram:@Acme_Support', 'whatsapp:+74951234567'],
  },
  suggestion: { email: 'sales@acme.example', phone: '+7 495 123-45-67' },
  personalDomains: ['family-mail.example'],
  allowedDomains: ['gmx.de'],
};
const rules = (over: Partial<PolicyInput> = {}) => bindRules(PolicySchema.parse({ ...base, ...over }));
const ctx = (over: Partial<ClassifyContext> = {}): ClassifyContext => ({ recipients: new Set(['ivan@client.ru']), clientKeys: new Set(), internalOnly: false, ...over });
const email = (a: string): Candidate => ({ kind: 'email', start: 0, end: 1, normalized: a });
const phone = (e164: string): Candidate => ({ kind: 'phone', start: 0, end: 1, normalized: e164, phone: e164 });
const msg = (network: string, id: string): Candidate => ({ kind: 'messenger', start: 0, end: 1, normalized: `${network}:${id}`, network, ...(id.startsWith('+') ? { phone: id } : {}) });

describe('classify', () => {
  it.each([
    ['free-mail address', email('ivan@gmail.com'), 'personal', 'warn', 'free-mail-domain'],
    ['ru free-mail address', email('a.zotova@yandex.ru'), 'personal', 'warn', 'free-mail-domain'],
    ['jp carrier mail', email('x@docomo.ne.jp'), 'personal', 'warn', 'free-mail-domain'],
    ['proton.me', email('x@proton.me'), 'personal', 'warn', 'free-mail-domain'],
    ['policy personal domain', email('x@family-mail.example'), 'personal', 'warn', 'personal-domain'],
    ['allowed domain wins over the free-mail list', email('x@gmx.de'), 'external', 'allow', 'external-domain'],
    ['corporate domain', email('anyone@acme.example'), 'corporate', 'allow', 'corporate'],
    ['corporate subdomain', email('x@mail.acme-group.example'), 'corporate', 'allow', 'corporate'],
    ['recipient own address', email('ivan@client.ru'), 'client', 'allow', 'client'],
    ['partner business domain', email('ops@bluewater-forwarding.com'), 'external', 'allow', 'external-domain'],
    ['personal phone', phone('+79161234567'), 'personal', 'warn', 'personal-phone'],
    ['corporate phone', phone('+74951234567'), 'corporate', 'allow', 'corporate'],
    ['corporate phone written with 8', phone('+78005553535'), 'corporate', 'allow', 'corporate'],
    ['personal telegram', msg('telegram', 'ivan_p'), 'personal', 'warn', 'personal-messenger'],
    ['corporate telegram (policy written with @ and capitals)', msg('telegram', 'acme_support'), 'corporate', 'allow', 'corporate'],
    ['corporate whatsapp number', msg('whatsapp', '+74951234567'), 'corporate', 'allow', 'corporate'],
    ['a messenger on a corporate number', msg('viber', '+74951234567'), 'corporate', 'allow', 'corporate'],
  ] as const)('%s', (_name, candidate, verdict, action, reasonCode) => {
    const c = classify(candidate, rules(), ctx());
    expect([c.verdict, c.action, c.reasonCode]).toEqual([verdict, action, reasonCode]);
    expect(c.reason.length).toBeGreaterThan(5);
  });

  it('gives the gmail reason in plain words', () => {
    expect(classify(email('ivan@gmail.com'), rules(), ctx()).reason).toBe('gmail.com is a public mail provider');
  });

  it('treats contacts from the quoted history as the client’s', () => {
    const c = ctx({ clientKeys: new Set(['phone:+79161234567']) });
    expect(classify(phone('+79161234567'), rules(), c).verdict).toBe('client');
    expect(classify(msg('whatsapp', '+79161234567'), rules(), c).verdict).toBe('client');
  });

  it('blocks in block mode and warns in monitor mode', () => {
    expect(classify(phone('+79161234567'), rules({ mode: 'block' }), ctx()).action).toBe('block');
    expect(classify(phone('+79161234567'), rules({ mode: 'monitor' }), ctx()).action).toBe('warn');
  });

  it('allows everything when every recipient is internal', () => {
    const c = classify(email('ivan@gmail.com'), rules(), ctx({ internalOnly: true }));
    expect([c.verdict, c.action, c.reasonCode]).toEqual(['personal', 'allow', 'internal-only']);
    expect(c.suggestion).toBeUndefined();
  });

  it('suggests the policy contact, falling back to the first corporate one', () => {
    expect(classify(email('ivan@gmail.com'), rules(), ctx()).suggestion).toBe('sales@acme.example');
    expect(classify(msg('telegram', 'x_y_z'), rules(), ctx()).suggestion).toBe('telegram:@Acme_Support');
    const noMessengers = rules({ corporateContacts: { emails: ['info@acme.example'], phones: ['+7 495 123-45-67'], messengers: [] }, suggestion: {} });
    expect(classify(msg('telegram', 'x_y_z'), noMessengers, ctx()).suggestion).toBe('+7 495 123-45-67');
    expect(classify(email('a@gmail.com'), noMessengers, ctx()).suggestion).toBe('info@acme.example');
  });
});
