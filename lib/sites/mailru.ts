import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Mail.ru Mail (e.mail.ru; octavius.mail.ru serves the same app): the React "compose-app" window
 * with an inline CKEditor 4 body. Class names carry CSS-module hashes (`contactsContainer--3RMuQ`),
 * so selectors match the stable prefix and keep the `js-`/`data-` hooks where Mail.ru has them.
 */
export const MAILRU_SELECTORS = {
  /** The compose window `div.compose-app` (page objects: `compose-app compose-app_popup compose-app_window`). */
  composer: '.compose-app',
  /**
   * Body: `div.editable-XXXX.cke_editable.cke_editable_inline.cke_contents_true` inside
   * `div.editable-container-XXXX` (page objects), `div[role=textbox]` in the compose window.
   */
  editor:
    '.cke_editable_inline[contenteditable="true"], [class^="editable-container-"] [contenteditable="true"], .compose-app [role="textbox"][contenteditable="true"]',
  /** Recipient rows `div.contactsContainer--…` (first To, second Cc); `data-type` where present. */
  rows: '[class^="contactsContainer--"], [class*=" contactsContainer--"]',
  /** A bubble `div.container--3B3Lm.status_base--wsRcM` with the address in `title` (CreateEmailPage). */
  bubble: '[class*="status_"][title], [class^="container--"][title]',
  /** The bubble's label `span.text--1tHKB` (page objects read the address there for a bare address). */
  bubbleText: '[class^="text--"]',
  /** Send: `[data-test-id="send"]`, the `js-shortcut` span with `data-title-shortcut="Ctrl+Enter"` (Cmd on macOS). */
  send: '[data-test-id="send"], .compose-app [data-title-shortcut="Ctrl+Enter"], .compose-app [data-title-shortcut="Cmd+Enter"]',
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;

function fieldOf(row: Element, index: number): (typeof FIELDS)[number] {
  const declared = row.getAttribute('data-type')?.toLowerCase();
  if (declared === 'to' || declared === 'cc' || declared === 'bcc') return declared;
  return index === 0 ? 'to' : index === 1 ? 'cc' : 'bcc';
}

export const mailruAdapter: SiteAdapter = {
  name: 'mailru',
  matches: ['https://e.mail.ru/*', 'https://octavius.mail.ru/*'],
  findComposers(doc) {
    const roots = queryAllDeep(doc, MAILRU_SELECTORS.composer);
    for (const ref of editorsIn(doc, MAILRU_SELECTORS.editor)) {
      if (roots.some((r) => r.contains(ref.element))) continue;
      let root: Element | null = ref.element.parentElement;
      while (root && !root.querySelector(MAILRU_SELECTORS.send)) root = root.parentElement;
      roots.push(root ?? ref.element);
    }
    return outermost(roots);
  },
  getEditors(composer) {
    return editorsIn(composer, MAILRU_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    outermost([...composer.querySelectorAll(MAILRU_SELECTORS.rows)]).forEach((row, index) => {
      const field = fieldOf(row, index);
      for (const bubble of outermost([...row.querySelectorAll(MAILRU_SELECTORS.bubble)])) {
        const title = addressesIn(bubble.getAttribute('title'));
        const found = title.length ? title : addressesIn(bubble.querySelector(MAILRU_SELECTORS.bubbleText)?.textContent);
        out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
      }
      for (const input of row.querySelectorAll<HTMLInputElement>('input')) out[field].push(...addressesIn(input.value));
    });
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return outermost(queryAllDeep(composer, MAILRU_SELECTORS.send));
  },
  // The Send button advertises its shortcut: `data-title-shortcut="Ctrl+Enter"` ("Cmd+Enter" on macOS).
  isSendShortcut: isCtrlEnter,
};

// Markup from public Selenium/Selenide page objects for e.mail.ru (CreateEmailPage, DraftForm,
// NewMessagePage, NewLetterPage, MailClientPage) found by code search, read on 2026-11-25;
// fixture: tests/fixtures/sites/mailru.html.
