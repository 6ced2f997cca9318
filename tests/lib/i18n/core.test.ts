import { describe, expect, it } from 'vitest';
import { defineMessages, formatMessage, LANGUAGES, pickLanguage } from '../../../lib/i18n/core.ts';
import { optionsMessages } from '../../../lib/i18n/options.ts';
import { policyFieldLabels } from '../../../lib/i18n/policy-fields.ts';
import { popupMessages } from '../../../lib/i18n/popup.ts';
import { POLICY_FIELDS } from '../../../lib/policy/fields.ts';

describe('pickLanguage', () => {
  it.each([
    [['ru-RU', 'en-US'], 'ru'],
    [['ja-JP'], 'ja'],
    [['JA'], 'ja'],
    [['de-DE', 'ru'], 'ru'],
    [['en-GB', 'ru'], 'en'],
    [['fr'], 'en'],
    [[], 'en'],
  ] as const)('%j -> %s', (languages, expected) => expect(pickLanguage(languages)).toBe(expected));
});

describe('formatMessage', () => {
  it.each([
    ['Managed by {organization}', { organization: 'Acme' }, 'Managed by Acme'],
    ['{a} and {a}', { a: 1 }, '1 and 1'],
    ['keeps {unknown}', {}, 'keeps {unknown}'],
  ])('%s', (template, vars, expected) => expect(formatMessage(template, vars)).toBe(expected));
});

describe('message tables', () => {
  it('translate by language', () => {
    const t = defineMessages<'hi'>({ en: { hi: 'Hello {n}' }, ru: { hi: 'Привет {n}' }, ja: { hi: 'こんにちは {n}' } });
    expect(LANGUAGES.map((l) => t(l)('hi', { n: 'A' }))).toEqual(['Hello A', 'Привет A', 'こんにちは A']);
  });

  it('have a non-empty, distinct-from-English text for every policy field in ru and ja', () => {
    for (const field of POLICY_FIELDS) {
      const en = policyFieldLabels('en')(field);
      for (const language of ['ru', 'ja'] as const) {
        const text = policyFieldLabels(language)(field);
        expect(text, `${language}:${field}`).not.toBe('');
        expect(text, `${language}:${field}`).not.toBe(en);
      }
    }
  });

  it('fill options and popup placeholders in every language', () => {
    for (const language of LANGUAGES) {
      expect(optionsMessages(language)('managedBy', { organization: 'Acme' })).toContain('Acme');
      expect(popupMessages(language)('adapter', { adapter: 'gmail' })).toContain('gmail');
    }
  });
});
