import { describe, expect, it } from 'vitest';
import type { StoredEvent, StoredFinding } from '../../../lib/audit/event.ts';
import { domainWords, eventWords, searchTerms, textWords } from '../../../lib/audit/words.ts';

function finding(overrides: Partial<StoredFinding>): StoredFinding {
  return {
    kind: 'phone',
    verdict: 'personal',
    action: 'warn',
    value: '+7 915 ***-**-11',
    contact: '+7 915 ***-**-11',
    contactKey: 'a'.repeat(64),
    valueMode: 'masked',
    snippet: 'call me on +7 915 ***-**-11 tonight',
    ...overrides,
  };
}

function event(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id: 1,
    time: 0,
    user: 'Anna Petrova',
    site: 'mail.yandex.ru',
    origin: 'https://mail.yandex.ru',
    adapter: 'yandex',
    organization: 'Acme',
    policyVersion: 1,
    decision: 'sent-anyway',
    findings: [finding({})],
    kinds: ['phone'],
    contactKeys: ['a'.repeat(64)],
    recipientDomains: ['mail.client-corp.ru'],
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
    ...overrides,
  };
}

describe('textWords', () => {
  it.each([
    ['Клиент попросил мобильный, срочно!', ['клиент', 'попросил', 'мобильный', 'срочно']],
    ["Client's request: call a.s.a.p", ["client's", 'request', 'call']],
    ['顧客の依頼で送信', ['顧客', 'の', '依頼', 'で', '送信']],
  ])('%s', (text, expected) => {
    expect(textWords(text)).toEqual(expected);
  });
});

describe('domainWords', () => {
  it('keeps the domain and its parents, not the top-level label alone', () => {
    expect(domainWords('Mail.Yandex.ru')).toEqual(['mail.yandex.ru', 'yandex.ru']);
    expect(domainWords('client.example')).toEqual(['client.example']);
  });
});

describe('eventWords', () => {
  it('indexes the user, contacts, parent domains and justification words, lowercased', () => {
    const words = eventWords(event({ justification: 'Клиент попросил WhatsApp', account: 'Anna@Acme.example' }));
    expect(words).toEqual(
      expect.arrayContaining(['anna petrova', 'anna', 'petrova', 'anna@acme.example', 'acme.example', 'yandex.ru', 'client-corp.ru', '+7915*****11', 'клиент', 'попросил', 'whatsapp']),
    );
  });

  it('leaves out what the events table already indexes (lowercase user, site, recipient domain, decision, kind)', () => {
    const words = eventWords(event({ user: 'boris@acme.example' }));
    for (const covered of ['boris@acme.example', 'mail.yandex.ru', 'mail.client-corp.ru', 'sent-anyway', 'phone']) expect(words).not.toContain(covered);
    expect(words).toContain('acme.example');
  });

  it('keeps masked contacts masked and never indexes a salted hash', () => {
    const masked = eventWords(event({ findings: [finding({ kind: 'email', value: 'iv***@gmail.com', contact: 'iv***@gmail.com' })] }));
    expect(masked).toEqual(expect.arrayContaining(['iv***@gmail.com', 'gmail.com']));
    const hashed = eventWords(event({ findings: [finding({ value: 'b'.repeat(64), contact: 'c'.repeat(64), valueMode: 'hash' })] }));
    expect(hashed.some((word) => /[0-9a-f]{64}/u.test(word))).toBe(false);
  });

  it('indexes a messenger contact by network and by handle, and the value as written', () => {
    const words = eventWords(
      event({ findings: [finding({ kind: 'messenger', value: 't.me/Ivan_K', contact: 'telegram:ivan_k', valueMode: 'full' })], kinds: ['messenger'] }),
    );
    expect(words).toEqual(expect.arrayContaining(['telegram:ivan_k', 'ivan_k', 't.me/ivan_k']));
  });
});

describe('searchTerms', () => {
  it('reads a phone typed with spaces as one number, with or without its +', () => {
    expect(searchTerms('+7 915 123')).toEqual([{ alternatives: [['+7915123']] }]);
    expect(searchTerms('915 123')).toEqual([{ alternatives: [['915123'], ['+915123']] }]);
  });

  it('splits words, trims punctuation around them and tries joined words whole and in parts', () => {
    expect(searchTerms('  "Клиент,  employee-07 ')).toEqual([
      { alternatives: [['клиент']] },
      { alternatives: [['employee-07'], ['employee', '07']] },
    ]);
    expect(searchTerms('顧客の依頼')).toEqual([{ alternatives: [['顧客の依頼'], ['顧客', 'の', '依頼']] }]);
    expect(searchTerms(' ,; ')).toEqual([]);
    // Not split when a part would be dropped as noise: "boris_k" must not widen to "boris".
    expect(searchTerms('boris_k')).toEqual([{ alternatives: [['boris_k']] }]);
  });
});
