import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import type { Recipients, SiteAdapter } from './types.ts';

/**
 * Zoho CRM, every data centre: the "Send Email" composer of a record. The body is Zoho's own
 * ZEditor, an `iframe.ze_area` with an editable body (the same editor as other Zoho web apps).
 */
export const ZOHOCRM_SELECTORS = {
  composer: '[data-zcqa="sendMailDialog"], [role="dialog"]',
  editor: 'iframe.ze_area',
  /** Chips by field (`data-zcqa="sendMail_to"` rows); text "Name <email>". */
  chips: (field: string) => `[data-zcqa="sendMail_${field}"] .zcrmEmailChip, [data-zcqa="sendMail_${field}"] [data-zcqa="emailChip"]`,
  typed: (field: string) => `[data-zcqa="sendMail_${field}"] input`,
  send: '[data-zcqa="sendMail_send"]',
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;

export const zohocrmAdapter: SiteAdapter = {
  name: 'zohocrm',
  matches: [
    'https://crm.zoho.com/*', 'https://crm.zoho.eu/*', 'https://crm.zoho.in/*', 'https://crm.zoho.com.au/*',
    'https://crm.zoho.jp/*', 'https://crm.zoho.com.cn/*', 'https://crm.zohocloud.ca/*', 'https://crm.zoho.sa/*',
  ],
  findComposers(doc) {
    return outermost(editorsIn(doc, ZOHOCRM_SELECTORS.editor).map((ref) => (ref.frame ?? ref.element).closest(ZOHOCRM_SELECTORS.composer) ?? ref.frame ?? ref.element));
  },
  getEditors(composer) {
    return editorsIn(composer, ZOHOCRM_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const field of FIELDS) {
      for (const chip of queryAllDeep(composer, ZOHOCRM_SELECTORS.chips(field))) {
        const found = addressesIn(chip.textContent);
        out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
      }
      for (const input of queryAllDeep<HTMLInputElement>(composer, ZOHOCRM_SELECTORS.typed(field))) out[field].push(...addressesIn(input.value));
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return queryAllDeep(composer, ZOHOCRM_SELECTORS.send);
  },
  isSendShortcut: () => false,
};

// Markup from a Zoho ServiceDesk Plus userscript (ZEditor `iframe.ze_area`) and Zoho CRM URL shapes in
// public integration code, the rest assumed (see the fixture), read on 2025-11-25;
// fixture: tests/fixtures/sites/zohocrm.html.
