import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Bitrix24, cloud (*.bitrix24.ru/.com/.de/…) and the self-hosted box edition (any host an admin
 * lists with adapter `bitrix24`): the CRM e-mail activity form (BX HTML editor in an iframe) and
 * the messenger's chat with an Open Channel client (textarea).
 */
export const BITRIX24_SELECTORS = {
  /** crm.activity.email "create" form, and the messenger's input area. */
  composer: '#crm_act_email_create_form, .crm-activity-email-create-inner, .bx-messenger-textarea-place, .bx-messenger-box',
  /** BX HTML editor frame (`iframe.bx-editor-iframe`, body contenteditable) and the messenger textarea. */
  editor: 'iframe.bx-editor-iframe, textarea.bx-messenger-textarea-input',
  /** Recipient items: `span.feed-add-post-destination` in `#crm_act_email_create_rcpt[_cc|_bcc]_item`, text "Name <email>". */
  items: (field: 'to' | 'cc' | 'bcc') =>
    `#crm_act_email_create_rcpt${field === 'to' ? '' : `_${field}`}_item .feed-add-post-destination`,
  /** An address typed into the search box but not picked yet. */
  typed: (field: 'to' | 'cc' | 'bcc') => `#crm_act_email_create_rcpt${field === 'to' ? '' : `_${field}`}_input`,
  /** "Send" of the e-mail form and the messenger's send arrow. */
  send: '.crm-task-list-mail-reply-button, a.bx-messenger-textarea-send-button',
  /** The messenger sends on plain Enter by default. */
  chatInput: 'textarea.bx-messenger-textarea-input',
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;

export const bitrix24Adapter: SiteAdapter = {
  name: 'bitrix24',
  matches: [
    'https://*.bitrix24.ru/*', 'https://*.bitrix24.com/*', 'https://*.bitrix24.de/*', 'https://*.bitrix24.by/*',
    'https://*.bitrix24.kz/*', 'https://*.bitrix24.ua/*', 'https://*.bitrix24.eu/*', 'https://*.bitrix24.es/*',
    'https://*.bitrix24.fr/*', 'https://*.bitrix24.it/*', 'https://*.bitrix24.pl/*', 'https://*.bitrix24.uk/*',
    'https://*.bitrix24.in/*', 'https://*.bitrix24.jp/*', 'https://*.bitrix24.cn/*', 'https://*.bitrix24.com.br/*',
    'https://*.bitrix24.com.tr/*', 'https://*.bitrix24.id/*', 'https://*.bitrix24.vn/*',
  ],
  findComposers(doc) {
    return outermost(
      editorsIn(doc, BITRIX24_SELECTORS.editor).map((ref) => (ref.frame ?? ref.element).closest(BITRIX24_SELECTORS.composer) ?? ref.frame ?? ref.element),
    );
  },
  getEditors(composer) {
    return editorsIn(composer, BITRIX24_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const field of FIELDS) {
      for (const item of queryAllDeep(composer, BITRIX24_SELECTORS.items(field))) {
        const found = addressesIn(item.textContent);
        out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
      }
      for (const input of queryAllDeep<HTMLInputElement>(composer, BITRIX24_SELECTORS.typed(field))) out[field].push(...addressesIn(input.value));
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return queryAllDeep(composer, BITRIX24_SELECTORS.send);
  },
  // The e-mail form's LHE has `ctrlEnterHandler`; the messenger sends on Enter (Shift+Enter breaks the line).
  isSendShortcut(event) {
    if (isCtrlEnter(event)) return true;
    const target = event.target instanceof Element ? event.target : null;
    return event.key === 'Enter' && !event.shiftKey && !event.altKey && !!target?.matches(BITRIX24_SELECTORS.chatInput);
  },
};

// Markup from the Bitrix core's crm.activity.email "create" template and im messenger source (public
// copies on GitHub) and Bitrix24 Selenium page objects found by code search, read on 2025-11-25;
// fixture: tests/fixtures/sites/bitrix24.html.
