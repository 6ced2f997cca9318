import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Zoho Mail (mail.zoho.com and its regional hosts .eu, .in, .com.au, .jp, .com.cn, .sa, .ca):
 * the compose pane with Zoho's editor in a same-origin iframe whose body is editable. Public
 * integrations cover the pane, the editor and Send; none reads Zoho's recipient tokens, so
 * recipients are read loosely from the To/Cc/Bcc rows.
 */
export const ZOHOMAIL_SELECTORS = {
  /** Evicypher zoho.ts: compose panes are `.SCm` elements that contain the editor iframe. */
  pane: '.SCm',
  /** The editor iframe (Evicypher: body `.ze_body.spellCheckOn` / `[contenteditable]` inside). */
  editor: 'iframe',
  /**
   * Send: `.SCtxt.SCBtn` (Evicypher); `[aria-label="Send"]`, `[title="Send"]` (a public Selenium
   * automation for Zoho Mail).
   */
  send: '.SCtxt.SCBtn, button[aria-label="Send"], [role="button"][aria-label="Send"], button[title="Send"]',
  /** Recipient inputs, by label (the same automation: aria-label / data-placeholder "To"). */
  fieldInput: (label: string) => `input[aria-label="${label}" i], input[data-placeholder="${label}" i], [contenteditable="true"][aria-label="${label}" i]`,
  /** The row around a recipient input (fixture markup; not from a public source). */
  row: '.SCrow, [data-field]',
  /** Tokens in a row: anything carrying a title or an email-ish data attribute. */
  token: '[title], [data-email], [data-address]',
} as const;

const FIELD_LABELS = { to: 'To', cc: 'Cc', bcc: 'Bcc' } as const;

export const zohomailAdapter: SiteAdapter = {
  name: 'zohomail',
  matches: [
    'https://mail.zoho.com/*', 'https://mail.zoho.eu/*', 'https://mail.zoho.in/*', 'https://mail.zoho.com.au/*',
    'https://mail.zoho.jp/*', 'https://mail.zoho.com.cn/*', 'https://mail.zoho.sa/*', 'https://mail.zohocloud.ca/*',
  ],
  findComposers(doc) {
    const panes = queryAllDeep(doc, ZOHOMAIL_SELECTORS.pane).filter(
      (pane) => editorsIn(pane, ZOHOMAIL_SELECTORS.editor).length > 0 && pane.querySelector(ZOHOMAIL_SELECTORS.send),
    );
    return outermost(panes);
  },
  getEditors(composer) {
    return editorsIn(composer, ZOHOMAIL_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const [field, label] of Object.entries(FIELD_LABELS) as [keyof Recipients, string][]) {
      for (const input of composer.querySelectorAll<HTMLInputElement>(ZOHOMAIL_SELECTORS.fieldInput(label))) {
        const row = input.closest(ZOHOMAIL_SELECTORS.row) ?? input.parentElement?.parentElement ?? input.parentElement;
        if (!row) continue;
        for (const token of row.querySelectorAll(ZOHOMAIL_SELECTORS.token)) {
          if (token === input) continue;
          const found = ['title', 'data-email', 'data-address'].flatMap((a) => addressesIn(token.getAttribute(a)));
          out[field].push(...(found.length ? found : addressesIn(token.textContent).length ? addressesIn(token.textContent) : [UNRESOLVED_RECIPIENT]));
        }
        out[field].push(...addressesIn(input.value ?? input.textContent));
      }
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return outermost(queryAllDeep(composer, ZOHOMAIL_SELECTORS.send));
  },
  // No public source says whether Zoho sends on Ctrl+Enter; intercepting it costs at most a dialog
  // for a key that does nothing, while missing it would let a flagged draft through.
  isSendShortcut: isCtrlEnter,
};

// Markup from Evicypher (Freemindtronic/evicypher-webmail src/content-scripts/zoho.ts) and a public
// Selenium automation for Zoho Mail (ZohoMailAutomation), read on 2026-11-25; recipient rows are
// the fixture's own; fixture: tests/fixtures/sites/zohomail.html.
