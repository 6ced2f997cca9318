import { describe, expect, it } from 'vitest';
import { maskContact, maskEmail, maskMessenger, maskPhone } from '../../../lib/audit/mask.ts';
import { redactSnippet } from '../../../lib/audit/redact.ts';

describe('masking', () => {
  it.each([
    ['+79151234511', '+7 915 ***-**-11'],
    ['+12133734253', '+1 213 ***-**53'],
    ['+819012345678', '+81 90-1***-**78'],
  ])('phone %s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['ivan.petrov@gmail.com', 'iv***@gmail.com'],
    ['ab@mail.ru', 'a***@mail.ru'],
    ['x@ya.ru', 'x***@ya.ru'],
  ])('email %s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it.each([
    ['telegram:vasya_pupkin', 'telegram:va***'],
    ['whatsapp:+79151234511', 'whatsapp:+7 915 ***-**-11'],
    ['skype:live:jordan.pike_7', 'skype:li***'],
  ])('messenger %s → %s', (contact, masked) => {
    expect(maskMessenger(contact)).toBe(masked);
  });

  it('never returns the contact unchanged', () => {
    for (const [kind, value] of [['phone', '+79161112233'], ['email', 'someone@gmail.com'], ['messenger', 'telegram:someone']] as const) {
      expect(maskContact(kind, value)).not.toBe(value);
    }
  });
});

describe('redactSnippet', () => {
  const focus = { raw: '+7 915 123-45-11', masked: '+7 915 ***-**-11' };

  it('replaces the finding with its masked form and clips each side', () => {
    const text = 'A long introduction that should be clipped away. Call me on +7 915 123-45-11 tonight, or later this week if you cannot.';
    const snippet = redactSnippet(text, focus, [], 10);
    expect(snippet).toContain('+7 915 ***-**-11');
    expect(snippet).not.toContain('123-45');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    const [before, after] = snippet.slice(1, -1).split('+7 915 ***-**-11');
    expect(before!.length).toBeLessThanOrEqual(10);
    expect(after!.length).toBeLessThanOrEqual(10);
  });

  it('masks other findings and unreported addresses and numbers around it', () => {
    const text = 'x@gmail.com or +7 915 123-45-11 or boss@client.ru 8 800 555 35 35';
    const snippet = redactSnippet(text, focus, [{ raw: 'x@gmail.com', masked: 'x***@gmail.com' }], 60);
    expect(snippet).toContain('x***@gmail.com');
    expect(snippet).not.toContain('boss@client.ru');
    expect(snippet).not.toContain('555');
  });

  it('keeps nothing when snippetChars is 0', () => {
    expect(redactSnippet('call +7 915 123-45-11', focus, [], 0)).toBe('');
  });

  it('clips around the middle when the finding is not in the snippet', () => {
    const snippet = redactSnippet('a'.repeat(50) + 'b'.repeat(50), focus, [], 5);
    expect(snippet).toBe('…aaaaabbbbb…');
  });
});
