import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import type { Recipients, SiteAdapter } from './types.ts';

/**
 * Pipedrive (<company>.pipedrive.com): the e-mail composer of a deal/person's activity area and the
 * mail inbox. No open-source integration documents this markup (see the fixture): the selectors
 * are semantic (test hooks, roles, labels) so a redesign falls back to the generic adapter.
 */
export const PIPEDRIVE_SELECTORS = {
  composer: 'form[data-test="mail-composer"], [data-test="mail-composer"]',
  editor: '[data-test="mail-composer-body"][contenteditable="true"], [contenteditable="true"][aria-label="Email body"]',
  /** Recipient lists are `role=listbox` labelled To / Cc / Bcc; chips show "Name <email>". */
  chips: (field: string) => `[role="listbox"][aria-label="${field}"] [role="option"]`,
  typed: 'input[aria-label="Add recipient"]',
  send: '[data-test="mail-composer-send-button"]',
} as const;

const FIELDS = { to: 'To', cc: 'Cc', bcc: 'Bcc' } as const;

export const pipedriveAdapter: SiteAdapter = {
  name: 'pipedrive',
  matches: ['https://*.pipedrive.com/*'],
  findComposers(doc) {
    return outermost(editorsIn(doc, PIPEDRIVE_SELECTORS.editor).map((ref) => ref.element.closest(PIPEDRIVE_SELECTORS.composer) ?? ref.element.closest('form') ?? ref.element));
  },
  getEditors(composer) {
    return editorsIn(composer, PIPEDRIVE_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const [field, label] of Object.entries(FIELDS) as [keyof Recipients, string][]) {
      for (const chip of queryAllDeep(composer, PIPEDRIVE_SELECTORS.chips(label))) {
        const found = addressesIn(chip.textContent);
        out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
      }
    }
    for (const input of queryAllDeep<HTMLInputElement>(composer, PIPEDRIVE_SELECTORS.typed)) out.to.push(...addressesIn(input.value));
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return queryAllDeep(composer, PIPEDRIVE_SELECTORS.send);
  },
  isSendShortcut: () => false,
};

// Markup assumed from Pipedrive's help pages (no open-source integration found by code, issues or
// pages search on 2025-11-25); fixture: tests/fixtures/sites/pipedrive.html.
