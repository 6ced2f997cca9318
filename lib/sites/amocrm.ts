import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import type { SiteAdapter } from './types.ts';

/**
 * amoCRM (*.amocrm.ru, *.amocrm.com) and Kommo (*.kommo.com), one front end: the lead card's feed
 * composer, whose "chat" mode writes to the client's messenger, and the inbox's direct chat.
 */
export const AMOCRM_SELECTORS = {
  composer: '.feed-compose',
  /** `.control-contenteditable__area.feed-compose__message` (card), `textarea.feed-compose__message-area` (inbox). */
  editor:
    '.control-contenteditable__area.feed-compose__message[contenteditable="true"], textarea.feed-compose__message-area, textarea[name="NOTE[PARAMS][TEXT]"]',
  /** Who the chat goes to: `#feed_compose_user .feed-compose-user__name` — a contact and channel, rarely an address. */
  recipient: '#feed_compose_user .feed-compose-user__name, .feed-compose-user__name',
  /** `button.js-note-submit.feed-note__button` (interface/controls/button.twig). */
  send: '.js-note-submit.feed-note__button, .js-note-submit',
} as const;

export const amocrmAdapter: SiteAdapter = {
  name: 'amocrm',
  matches: ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'],
  findComposers(doc) {
    return outermost(editorsIn(doc, AMOCRM_SELECTORS.editor).map((ref) => ref.element.closest(AMOCRM_SELECTORS.composer) ?? ref.element));
  },
  getEditors(composer) {
    return editorsIn(composer, AMOCRM_SELECTORS.editor);
  },
  readRecipients(composer) {
    const to: string[] = [];
    for (const user of queryAllDeep(composer, AMOCRM_SELECTORS.recipient)) {
      const found = addressesIn(user.textContent);
      // A chat reaches a messenger account: no address on the page, so an unknown outsider.
      to.push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
    }
    return { to: uniqueAddresses(to), cc: [], bcc: [] };
  },
  sendControls(composer) {
    return queryAllDeep(composer, AMOCRM_SELECTORS.send);
  },
  // No keyboard send in the feed composer that a public source documents.
  isSendShortcut: () => false,
};

// Markup from amoCRM's compiled twig templates (interface/inbox/direct_chat/compose), a puppeteer
// amoCRM client and an amoCRM userscript found by code search, read on 2025-11-25;
// fixture: tests/fixtures/sites/amocrm.html.
