import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import type { Recipients, SiteAdapter } from './types.ts';

/**
 * Microsoft Dynamics 365 / model-driven Power Apps (<org>.crm*.dynamics.com): the Email activity
 * form. Body: the rich text editor control, classic CKEditor 4 in an iframe or the modern editor's
 * `div[id^="rtev"]`. Recipients are activity-party lookups.
 */
export const DYNAMICS_SELECTORS = {
  editor: 'iframe[aria-label="Description rich text editor"], iframe[title="Description rich text editor"], div[id^="rtev"][contenteditable="true"]',
  /** Selected lookup tags: `[data-id="to.fieldControl-LookupResultsDropdown_to_selected_tag_text"]` under `ul[title="To"]`. */
  tags: (field: string) => `[data-id="${field}.fieldControl-LookupResultsDropdown_${field}_selected_tag_text"], ul[title="${field[0]!.toUpperCase()}${field.slice(1)}"] [data-id$="_selected_tag_text"]`,
  typed: (field: string) => `input[data-id="${field}.fieldControl-LookupResultsDropdown_${field}_textInputBox_with_filter_new"]`,
  /** Command bar Send: id and data-id `email|NoRelationship|Form|Mscrm.Form.email.Send…`. */
  send: 'button[data-id="email|NoRelationship|Form|Mscrm.Form.email.Send"], button[id^="email|NoRelationship|Form|Mscrm.Form.email.Send"]',
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;

export const dynamicsAdapter: SiteAdapter = {
  name: 'dynamics',
  // Regional org hosts: crm (NAM), crm2 (SAM), crm3 (CAN), crm4 (EMEA), crm5 (APJ) … crm21; other
  // *.dynamics.com apps (Finance & Operations, Business Central) are not this form.
  matches: ['https://*.crm.dynamics.com/*', ...Array.from({ length: 20 }, (_, i) => `https://*.crm${i + 2}.dynamics.com/*`)],
  findComposers(doc) {
    return outermost(
      editorsIn(doc, DYNAMICS_SELECTORS.editor).map((ref) => {
        // The form that holds this body and the Send command (the command bar sits above the fields).
        let root: Element | null = (ref.frame ?? ref.element).parentElement;
        while (root && root.querySelector(DYNAMICS_SELECTORS.send) === null) root = root.parentElement;
        return root ?? ref.frame ?? ref.element;
      }),
    );
  },
  getEditors(composer) {
    return editorsIn(composer, DYNAMICS_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const field of FIELDS) {
      for (const tag of queryAllDeep(composer, DYNAMICS_SELECTORS.tags(field))) {
        // A resolved contact shows only its name; an unresolved address shows the address.
        const found = [...addressesIn(tag.textContent), ...addressesIn(tag.closest('li')?.getAttribute('aria-label'))];
        out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
      }
      for (const input of queryAllDeep<HTMLInputElement>(composer, DYNAMICS_SELECTORS.typed(field))) out[field].push(...addressesIn(input.value));
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return queryAllDeep(composer, DYNAMICS_SELECTORS.send);
  },
  // The e-mail form has no send shortcut (Ctrl+S saves the draft).
  isSendShortcut: () => false,
};

// Markup from Dynamics 365 Selenium/Cucumber suites found by code search and Microsoft Learn's rich
// text editor control page, read on 2025-11-25; fixture: tests/fixtures/sites/dynamics.html.
