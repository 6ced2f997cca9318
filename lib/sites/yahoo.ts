import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Yahoo Mail (mail.yahoo.com). A React compose with a contenteditable body; Yahoo's own
 * `data-test-id` hooks have outlived several redesigns, so every selector keys on them.
 */
export const YAHOO_SELECTORS = {
  /** Compose root: `[data-test-id="compose"]` (a public YahooParser's getComposeContainer). */
  composer: '[data-test-id="compose"]',
  /**
   * Body: `[id="editor-container"] > [data-test-id="rte"]` (Mailvelope providerSpecific.js, class
   * Yahoo); page objects type into `div[data-test-id="rte"]` (contenteditable, role=textbox).
   */
  editor: '[data-test-id="rte"][contenteditable="true"], #editor-container [contenteditable="true"]',
  /** Recipient field: `[data-test-id="container-to"]` (Mailvelope); cc/bcc by analogy. */
  field: (name: string) => `[data-test-id="container-${name}"]`,
  /**
   * A recipient pill: `[data-test-id="pill"]` with the address in `title` (Mailvelope), or the newer
   * `[data-test-id="y-pill"]` with a descendant `[title]` "Name <email>" (YahooParser).
   */
  pill: '[data-test-id="y-pill"], [data-test-id="pill"]',
  /** Typed but not yet a pill: `ul.pill-list > li.pill-container input` (Mailvelope: `input.input-to`). */
  typed: 'li.pill-container input, input#message-to-field',
  /** Send: `button[data-test-id="compose-send-button"]` (YahooParser, page objects). */
  send: 'button[data-test-id="compose-send-button"]',
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;

/** Addresses of one pill: its own `title`, any descendant `[title]`, then its visible text ("|a@b.c"). */
function pillAddresses(pill: Element): string[] {
  const titles = [pill, ...pill.querySelectorAll('[title]')].map((el) => el.getAttribute('title'));
  const fromTitles = titles.flatMap((t) => addressesIn(t));
  return fromTitles.length ? fromTitles : addressesIn(pill.textContent?.replace(/^\|/u, ''));
}

export const yahooAdapter: SiteAdapter = {
  name: 'yahoo',
  matches: ['https://mail.yahoo.com/*'],
  findComposers(doc) {
    const roots = queryAllDeep(doc, YAHOO_SELECTORS.composer);
    for (const ref of editorsIn(doc, YAHOO_SELECTORS.editor)) {
      if (roots.some((r) => r.contains(ref.element))) continue;
      // An inline reply without the compose root: climb to the ancestor that holds Send.
      let root: Element | null = ref.element.parentElement;
      while (root && !root.querySelector(YAHOO_SELECTORS.send)) root = root.parentElement;
      roots.push(root ?? ref.element);
    }
    return outermost(roots);
  },
  getEditors(composer) {
    return editorsIn(composer, YAHOO_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    const seen = new Set<Element>();
    for (const field of FIELDS) {
      for (const container of composer.querySelectorAll(YAHOO_SELECTORS.field(field))) {
        for (const pill of container.querySelectorAll(YAHOO_SELECTORS.pill)) {
          if (seen.has(pill) || [...seen].some((s) => s.contains(pill))) continue;
          seen.add(pill);
          const found = pillAddresses(pill);
          // A pill we cannot resolve to an address still is a recipient: count it as external.
          out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
        }
        for (const input of container.querySelectorAll<HTMLInputElement>(YAHOO_SELECTORS.typed)) out[field].push(...addressesIn(input.value));
      }
    }
    // Pills outside a known field (a redesign renamed the containers) still count, as To.
    for (const pill of composer.querySelectorAll(YAHOO_SELECTORS.pill)) {
      if (seen.has(pill) || [...seen].some((s) => s.contains(pill) || pill.contains(s))) continue;
      seen.add(pill);
      const found = pillAddresses(pill);
      out.to.push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return queryAllDeep(composer, YAHOO_SELECTORS.send);
  },
  // Yahoo's AJAX mail sends on Ctrl+Enter (noted since 2004: harrywood.co.uk "MS Outlook Ctrl Enter").
  isSendShortcut: isCtrlEnter,
};

// Markup from Mailvelope (mailvelope/mailvelope src/content-scripts/providerSpecific.js, class
// Yahoo), a public YahooParser in an email-tracking extension, and Yahoo Mail page objects in public
// test suites, read on 2026-11-25; fixture: tests/fixtures/sites/yahoo.html.
