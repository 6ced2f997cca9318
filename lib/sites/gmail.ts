import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Gmail (mail.google.com). Gmail's class names are obfuscated but have been stable for years;
 * every selector below is one that open-source integrations rely on, with its source.
 */
export const GMAIL_SELECTORS = {
  /** A compose window or an inline reply. gmail.js `api.dom.composes()` = `div.M9`; pop-outs use the same root. */
  composer: 'div.M9',
  /** Compose dialog when `.M9` is missing (a redesign): the `role=dialog` window that holds a message body. */
  composerFallback: 'div[role="dialog"]',
  /**
   * Message body. `aria-label="Message Body"` + contenteditable (FlowCrypt, QuantumMail-style
   * extensions), `.Am.Al.editable` (Mailvelope providerSpecific.js `.Am.Al`), gmail.js
   * `div[contenteditable=true]:not([id=subject])`.
   */
  editor: 'div[contenteditable="true"][aria-label="Message Body"], div.Am.Al.editable[contenteditable="true"]',
  /** Recipient chips by field: gmail.js `tr.bzf div[name] div[data-hovercard-id]` (name = to/cc/bcc). */
  chipsByField: (field: string) => `div[name="${field}"] [data-hovercard-id], div[name="${field}"] [email]`,
  /** Older compose: hidden inputs with the committed list (gmail.js `.GS input[type=hidden][name=to]`). */
  hiddenByField: (field: string) => `.GS input[type="hidden"][name="${field}"]`,
  /** Typed but not yet turned into a chip: gmail.js `div[name=to] input`, `textarea[name=to]`. */
  typedByField: (field: string) => `div[name="${field}"] input:not([type="hidden"]), textarea[name="${field}"], input[name="${field}"]:not([type="hidden"])`,
  /** Chips outside a named field (Mailvelope: `.agb .afV[data-hovercard-id]`; old `.vR span[email]`). */
  chipsAnyField: '.afV[data-hovercard-id], .vR span[email]',
  /**
   * Send: gmail.js `div.T-I.T-I-atl` (its own buttons excluded), and the `.aoO` class every Gmail Send
   * carries. The arrow beside Send shares `T-I T-I-atl` but adds `.hG`, so it is left out.
   */
  send: 'div[role="button"].T-I.aoO, div.T-I.T-I-atl[role="button"]:not(.hG)',
  /**
   * The arrow beside Send: `div.T-I.hG.T-I-atl[role=button][aria-label="More send options"]`
   * (gmail-train content.js); Closure's menu button sets `aria-expanded` while its menu is open.
   */
  sendOptionsToggle: 'div[role="button"].T-I.hG, div[role="button"][aria-label="More send options"]',
  /**
   * Its menu (`div.J-M[role=menu]`, attached to the body) item "Schedule send":
   * `div.J-N[role=menuitem][selector="scheduledSend"]`; the `selector` attribute is the same in
   * every locale (gmail-train content.js; Gmail automation notes found by code search). It opens a
   * modal picker whose choice schedules the message, so the draft cannot change after this item.
   */
  scheduleSendItem: 'div[role="menuitem"][selector="scheduledSend"]',
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;

export const gmailAdapter: SiteAdapter = {
  name: 'gmail',
  matches: ['https://mail.google.com/*'],
  findComposers(doc) {
    const roots = queryAllDeep(doc, GMAIL_SELECTORS.composer);
    for (const ref of editorsIn(doc, GMAIL_SELECTORS.editor)) {
      if (roots.some((r) => r.contains(ref.element))) continue;
      roots.push(ref.element.closest(GMAIL_SELECTORS.composerFallback) ?? ref.element.parentElement ?? ref.element);
    }
    return outermost(roots);
  },
  getEditors(composer) {
    return editorsIn(composer, GMAIL_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const field of FIELDS) {
      for (const chip of composer.querySelectorAll(GMAIL_SELECTORS.chipsByField(field))) {
        out[field].push(...addressesIn(chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email')));
      }
      for (const hidden of composer.querySelectorAll<HTMLInputElement>(GMAIL_SELECTORS.hiddenByField(field))) {
        out[field].push(...addressesIn(hidden.value));
      }
      for (const typed of composer.querySelectorAll<HTMLInputElement>(GMAIL_SELECTORS.typedByField(field))) {
        out[field].push(...addressesIn(typed.value));
      }
    }
    for (const chip of composer.querySelectorAll(GMAIL_SELECTORS.chipsAnyField)) {
      if (chip.closest('div[name]')) continue;
      out.to.push(...addressesIn(chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email')));
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    const controls = [...composer.querySelectorAll(GMAIL_SELECTORS.send)];
    // The send-options menu lives outside the composer; claim it only while this composer's arrow
    // holds it open, so two composers never both own it.
    const toggle = composer.querySelector(GMAIL_SELECTORS.sendOptionsToggle);
    if (toggle?.getAttribute('aria-expanded') === 'true') controls.push(...queryAllDeep(composer.ownerDocument, GMAIL_SELECTORS.scheduleSendItem));
    return [...new Set(controls)];
  },
  // Gmail sends on Ctrl+Enter / Cmd+Enter from anywhere in the compose window (its Send tooltip says so).
  isSendShortcut: isCtrlEnter,
};

// Markup taken from gmail.js (KartikTalwar/gmail.js src/gmail.js, commit b7dfdab, 2026-03-25),
// Mailvelope (mailvelope/mailvelope src/content-scripts/providerSpecific.js, commit a1c1fa9,
// 2026-01-16) and, for the schedule-send menu, sezaiemrekonuk/gmail-train (content.js), read on
// 2026-11-25; fixture: tests/fixtures/sites/gmail.html.
