import { queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import type { Recipients, SiteAdapter } from './types.ts';

/**
 * HubSpot CRM (app.hubspot.com and its regional app-<region>.hubspot.com hosts): the e-mail
 * communicator on a record page. The body is a Draft.js editor, which keeps its own EditorState;
 * the content script's Replace goes through input events, which Draft.js reads back.
 */
export const HUBSPOT_SELECTORS = {
  /** The communicator dialog (`role=dialog`); `data-selenium-test` hooks are HubSpot's own test ids. */
  composer: '[data-selenium-test="communicator-email"], [role="dialog"]',
  /** Draft.js root inside HubSpot's `div.rich-text-editor-input` (Selenium bots target the block under it). */
  editor: '.rich-text-editor-input .public-DraftEditor-content[contenteditable="true"], .public-DraftEditor-content[contenteditable="true"]',
  /** react-select chips; each shows "Name (email)" in `span.truncate-text` (HubSpot page objects). */
  chips: '.Select-multi-value-wrapper .Select-value',
  chipLabel: '.Select-value-label',
  /** What is typed in the To combobox but not yet picked. */
  typed: '.Select-multi-value-wrapper .Select-input input',
  /** Send (and Save for notes/calls): `button[data-selenium-test="rich-text-editor-controls__save-btn"]`. */
  send: 'button[data-selenium-test="rich-text-editor-controls__save-btn"]',
} as const;

export const hubspotAdapter: SiteAdapter = {
  name: 'hubspot',
  matches: ['https://app.hubspot.com/*', 'https://*.hubspot.com/*'],
  findComposers(doc) {
    return outermost(
      editorsIn(doc, HUBSPOT_SELECTORS.editor).map((ref) => {
        let root: Element | null = ref.element.closest(HUBSPOT_SELECTORS.composer);
        // Inline communicator (docked in the record's activity column): climb to the Send button.
        if (!root) for (root = ref.element.parentElement; root && !root.querySelector(HUBSPOT_SELECTORS.send); ) root = root.parentElement;
        return root ?? ref.element;
      }),
    );
  },
  getEditors(composer) {
    return editorsIn(composer, HUBSPOT_SELECTORS.editor);
  },
  readRecipients(composer) {
    const to: string[] = [];
    for (const chip of queryAllDeep(composer, HUBSPOT_SELECTORS.chips)) {
      // The label only: the chip's remove icon sits in the same element.
      const found = [...addressesIn(chip.getAttribute('title')), ...addressesIn(chip.querySelector(HUBSPOT_SELECTORS.chipLabel)?.textContent)];
      to.push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
    }
    for (const input of queryAllDeep<HTMLInputElement>(composer, HUBSPOT_SELECTORS.typed)) to.push(...addressesIn(input.value));
    return { to: uniqueAddresses(to), cc: [], bcc: [] } satisfies Recipients;
  },
  sendControls(composer) {
    return queryAllDeep(composer, HUBSPOT_SELECTORS.send);
  },
  // HubSpot has no send shortcut of its own (a public userscript adds Ctrl+Enter for that reason).
  isSendShortcut: () => false,
};

// Markup from public HubSpot automation code found by code search (a Selenium "MessageBot"
// send_hubspot(), HubSpot Selenium page objects, a HubSpot keyboard-shortcut userscript), read on
// 2025-11-25; fixture: tests/fixtures/sites/hubspot.html.
