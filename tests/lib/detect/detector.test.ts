import { describe, expect, it } from 'vitest';
import { createDetector, type Finding } from '../../../lib/detect/index.ts';
import { PolicySchema } from '../../../lib/policy/schema.ts';

const policy = PolicySchema.parse({
  version: 1,
  organization: 'Acme',
  defaultRegion: 'RU',
  corporateDomains: ['acme.example'],
  corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67'], messengers: ['telegram:acme_support'] },
  suggestion: { phone: '+7 495 123-45-67' },
});
const detector = createDetector(policy);
const client = { recipients: ['Ivan Petrov <ivan@client.ru>'] };
const flagged = (fs: Finding[]) => fs.filter((f) => f.action !== 'allow').map((f) => f.normalized);

describe('detector', () => {
  it('keeps value === input.slice(start, end) through normalization', () => {
    const text = 'Пишите: mike\u200b@\u200bgmail.com или +7 916 4О5-22-18, ВК: vk.com/ivan.petrov';
    const found = detector.scanText(text, client);
    expect(found.length).toBe(3);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.value);
  });

  it('keeps value === html.slice(start, end) for HTML, and link targets point at the href', () => {
    const html = '<p>Call <b>+7 903</b><br>552-18-44 or <a href="mailto:olga.k@mail.ru">write &amp; ask</a></p>';
    const found = detector.scanHtml(html, client);
    expect(found.map((f) => f.normalized)).toEqual(['+79035521844', 'olga.k@mail.ru']);
    for (const f of found) expect(html.slice(f.start, f.end)).toBe(f.value);
    expect(found[1]!.value).toBe('mailto:olga.k@mail.ru');
  });

  it('does not repeat a link whose visible text already shows the contact', () => {
    const found = detector.scanHtml('<a href="tel:+79161234567">+7 916 123-45-67</a>', client);
    expect(found.map((f) => f.normalized)).toEqual(['+79161234567']);
  });

  it('uses quoted history only to recognise the client’s contacts', () => {
    const text = 'Перезвоню на 8 (903) 118-27-64, а мой личный 8 916 555 12 12.\n\n18.03.2025 09:41, Геннадий пишет:\n> моб. +7 903 118-27-64\n> или g.b@gmail.com';
    const found = detector.scanText(text, client);
    expect(found.map((f) => [f.normalized, f.verdict])).toEqual([
      ['+79031182764', 'client'],
      ['+79165551212', 'personal'],
    ]);
    expect(found.every((f) => !f.quoted)).toBe(true);
  });

  it('scanDocument reads separate quoted texts and link targets', () => {
    const doc = {
      text: 'Call me: +7 915 111-11-11. Or write to me here',
      quoted: ['My mobile +7 915 111-11-11'],
      links: [{ target: 'mailto:me@yandex.ru', start: 36, end: 46 }],
    };
    const found = detector.scanDocument(doc, client);
    expect(found.map((f) => [f.normalized, f.verdict, f.value])).toEqual([
      ['+79151111111', 'client', '+7 915 111-11-11'],
      ['me@yandex.ru', 'personal', 'to me here'],
    ]);
  });

  it('flags nothing when all recipients are internal', () => {
    expect(flagged(detector.scanText('мой личный +7 926 115-40-82, a@gmail.com', { recipients: ['team@acme.example'] }))).toEqual([]);
    expect(flagged(detector.scanText('мой личный +7 926 115-40-82, a@gmail.com', { recipients: [] }))).toEqual(['+79261154082', 'a@gmail.com']);
  });

  it('reports corporate contacts in any format as allowed', () => {
    const found = detector.scanText('Звоните 8 (495) 123-45-67, пишите sales@acme.example или в Telegram: @acme_support', client);
    expect(found.map((f) => [f.kind, f.verdict, f.action])).toEqual([
      ['phone', 'corporate', 'allow'],
      ['email', 'corporate', 'allow'],
      ['messenger', 'corporate', 'allow'],
    ]);
  });

  it('handles a multi-megabyte draft in linear time', () => {
    const chunk = 'Счёт № 318 от 14.03.2025 на 1 248 500,00 руб., звоните +7 916 123-45-67 или ivan@gmail.com. ';
    const big = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
    const t0 = performance.now();
    const found = detector.scanText(big, client);
    const ms = performance.now() - t0;
    expect(found.length).toBe(2 * Math.ceil(2_000_000 / chunk.length));
    expect(ms).toBeLessThan(20_000); // a guard against quadratic work, not a benchmark
  });
});
