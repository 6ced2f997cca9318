import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Yandex Mail (mail.yandex.ru, mail.yandex.com and the other national domains): the React compose
 * popup and the quick reply, with CKEditor 4 in a div editable area. Selectors follow Yandex's own
 * web autotests where they exist (ru.yandex.autotests.innerpochta ComposePopup / ExpandedPopup).
 */
export const YANDEX_SELECTORS = {
  /**
   * Compose popup `.ComposePopup-Content` (autotests, Evicypher yandex.ts); quick reply
   * `.mail-QuickReply-FormWrap` (Evicypher); the React root `.composeReact` for a full-page compose.
   */
  composer: '.ComposePopup-Content, .mail-QuickReply-FormWrap, .composeReact',
  /**
   * Body: CKEditor's `.cke_wysiwyg_div` (autotests `bodyInput`), `.cke_editable.cke_editable_themed`
   * (Evicypher); the editable inside `.composeReact-MBody` for builds without CKEditor classes.
   * The recipient fields (`.composeYabbles`) are contenteditable too and must not match.
   */
  editor: '.cke_wysiwyg_div[contenteditable="true"], .cke_editable[contenteditable="true"], .composeReact-MBody [contenteditable="true"]',
  /** Fields by name: `.tst-field-to` (page objects); cc/bcc by the same scheme. */
  field: (name: string) => `.tst-field-${name}`,
  /** Positional fallback (autotests): To in the top row, Cc then Bcc in the additional addresses. */
  toRow: '.ComposeRecipients-TopRow .ComposeRecipients-MultipleAddressField',
  additionalRows: '.ComposeRecipients-AdditionalAddresses .ComposeRecipients-MultipleAddressField',
  /** A yabble: `span.js-yabble.yabble-compose[data-email]` (the autotests read emails on `.yabble-compose`). */
  yabble: '.yabble-compose, .js-yabble, .ComposeYabble',
  /** The contenteditable that holds yabbles and the text being typed (`.composeYabbles`). */
  yabbleBox: '.composeYabbles',
  /**
   * Send: `.qa-Compose-SendButton` (autotests), `.ComposeControlPanel-SendButton` and the old
   * `.mail-Compose-From-SendButton` (Evicypher); the clickable control is the button inside.
   * Delayed sending (`.qa-Compose-DelayedSendingButton`) only sets a time; the letter still leaves
   * through this Send button, so no extra control is needed.
   */
  send: '.qa-Compose-SendButton button, .ComposeControlPanel-SendButton button, .mail-Compose-From-SendButton',
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;

function yabbleAddresses(yabble: Element): string[] {
  const holder = yabble.closest('[data-email]') ?? yabble.querySelector('[data-email]');
  const found = addressesIn(holder?.getAttribute('data-email'));
  return found.length ? found : addressesIn(yabble.textContent);
}

function rowsFor(composer: Element, field: (typeof FIELDS)[number]): Element[] {
  const named = [...composer.querySelectorAll(YANDEX_SELECTORS.field(field))];
  if (named.length) return named;
  if (field === 'to') return [...composer.querySelectorAll(YANDEX_SELECTORS.toRow)];
  const extra = [...composer.querySelectorAll(YANDEX_SELECTORS.additionalRows)];
  const row = extra[field === 'cc' ? 0 : 1];
  return row ? [row] : [];
}

export const yandexAdapter: SiteAdapter = {
  name: 'yandex',
  matches: [
    'https://mail.yandex.ru/*', 'https://mail.yandex.com/*', 'https://mail.yandex.by/*',
    'https://mail.yandex.kz/*', 'https://mail.yandex.uz/*', 'https://mail.yandex.com.tr/*',
    'https://mail.360.yandex.ru/*', 'https://mail.360.yandex.com/*',
  ],
  findComposers(doc) {
    const roots = queryAllDeep(doc, YANDEX_SELECTORS.composer);
    for (const ref of editorsIn(doc, YANDEX_SELECTORS.editor)) {
      if (roots.some((r) => r.contains(ref.element))) continue;
      let root: Element | null = ref.element.parentElement;
      while (root && !root.querySelector(YANDEX_SELECTORS.send)) root = root.parentElement;
      roots.push(root ?? ref.element);
    }
    return outermost(roots);
  },
  getEditors(composer) {
    return editorsIn(composer, YANDEX_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const field of FIELDS) {
      for (const row of rowsFor(composer, field)) {
        const yabbles = outermost([...row.querySelectorAll(YANDEX_SELECTORS.yabble)]);
        for (const yabble of yabbles) {
          const found = yabbleAddresses(yabble);
          out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
        }
        // Text typed after the last yabble, not yet committed.
        for (const box of row.querySelectorAll(YANDEX_SELECTORS.yabbleBox)) {
          const loose = [...box.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ');
          out[field].push(...addressesIn(loose));
        }
      }
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return queryAllDeep(composer, YANDEX_SELECTORS.send);
  },
  // Yandex Mail sends on Ctrl+Enter (its hotkeys; the autotests check the hotkeys promo after sending).
  isSendShortcut: isCtrlEnter,
};

// Markup from Yandex's web autotests (ru.yandex.autotests.innerpochta ComposePopup, ExpandedPopup),
// Evicypher (Freemindtronic/evicypher-webmail src/content-scripts/yandex.ts), a public userscript's
// Yandex recipient fixture and mail.yandex.ru page objects, read on 2026-11-25;
// fixture: tests/fixtures/sites/yandex.html.
