import { closestDeep, queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Outlook on the web: work accounts at outlook.cloud.microsoft (where Microsoft now redirects),
 * outlook.office.com, outlook.office365.com, and consumer outlook.live.com. All four serve the
 * same React (Fluent UI) app, so one adapter covers them.
 */
export const OUTLOOK_SELECTORS = {
  /**
   * Message body: `div[role=textbox][aria-label="Message body"][contenteditable=true]`; some
   * builds append ", press Alt+F10 to exit" to the label, hence the prefix match. Labels are
   * localised (ru "Текст сообщения", ja "メッセージ本文").
   */
  editor:
    'div[contenteditable="true"][aria-label^="Message body"], div[contenteditable="true"][aria-label^="Текст сообщения"], div[contenteditable="true"][aria-label^="メッセージ本文"]',
  /** Compose surfaces: a pop-out / full-screen dialog, else the reading pane that holds an inline reply. */
  composerAncestors: 'div[role="dialog"], #ReadingPaneContainerId, div[role="main"]',
  /**
   * Recipient wells: `div[aria-label="To"][contenteditable]` (2024+ compose), older
   * `div[role="listbox"][aria-label="To"]`; chips are `span[data-lpc-hover-target]` /
   * `span.wellItemText` with the address in their text, title or aria-label.
   */
  well: (label: string) => `[aria-label="${label}"][contenteditable="true"], [aria-label="${label}"][role="listbox"], [aria-label="${label}"][role="textbox"]`,
  wellLabels: { to: ['To', 'Кому', '宛先'], cc: ['Cc', 'Копия', 'CC'], bcc: ['Bcc', 'Скрытая копия', 'BCC'] },
  chip: 'span[data-lpc-hover-target], span.wellItemText, [role="button"][aria-label*="@"]',
  /**
   * Send: Fluent UI split button `button.fui-SplitButton__primaryActionButton` (OutlookSendingSafety
   * content.js), `button[aria-label="Send"]` / `button[title="Send"]` (QShield-style integrations),
   * `button[name="Send"]` (toggl track-extension outlook.js), plus the ru/ja labels.
   */
  send: 'button[aria-label="Send"], button[title="Send"], button[name="Send"], button.fui-SplitButton__primaryActionButton[aria-label^="Send"], button[aria-label="Отправить"], button[title="Отправить"], button[aria-label="送信"], button[title="送信"]',
  /**
   * The chevron of the Send split button: `button[aria-label="More send options"]`,
   * `button.fui-SplitButton__menuButton`, `[data-automationid="splitButtonSecondary"]` (OWA
   * automation scripts found by code search). Fluent sets `aria-expanded` while its menu is open.
   */
  sendOptionsToggle: 'button.fui-SplitButton__menuButton, button[aria-label="More send options"], button[aria-label="Send options"], [data-automationid="splitButtonSecondary"]',
  /** Items of that menu, rendered in a layer at the end of the body (Fluent ContextualMenu / Menu). */
  menuItem: '[role="menuitem"]',
  /**
   * The item that opens the schedule picker (whose own "Send" schedules): a menu item named
   * "Schedule send" (`getByRole('menuitem', { name: 'Schedule send' })` in OWA automation). Fluent's
   * ContextualMenu puts the item text in `name`; English only until localised labels are known.
   */
  scheduleSendNames: ['Schedule send'],
} as const;

function isScheduleSendItem(item: Element): boolean {
  const names = [item.getAttribute('name'), item.getAttribute('aria-label'), item.textContent].map((n) => (n ?? '').trim().toLowerCase());
  return OUTLOOK_SELECTORS.scheduleSendNames.some((label) => names.includes(label.toLowerCase()));
}

/** A chip that shows only a display name still stands for someone: count it as an unknown outsider. */
export const UNRESOLVED_RECIPIENT = 'unresolved-recipient@external.invalid';

export const outlookAdapter: SiteAdapter = {
  name: 'outlook',
  matches: [
    'https://outlook.cloud.microsoft/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  findComposers(doc) {
    return outermost(
      editorsIn(doc, OUTLOOK_SELECTORS.editor).map((ref) => {
        // The smallest surface that holds both this body and a Send button is the composer.
        let root: Element | null = ref.element.parentElement;
        while (root && root.querySelector(OUTLOOK_SELECTORS.send) === null) root = root.parentElement;
        return root ?? closestDeep(ref.element, OUTLOOK_SELECTORS.composerAncestors) ?? ref.element;
      }),
    );
  },
  getEditors(composer) {
    return editorsIn(composer, OUTLOOK_SELECTORS.editor);
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const field of ['to', 'cc', 'bcc'] as const) {
      for (const label of OUTLOOK_SELECTORS.wellLabels[field]) {
        for (const well of queryAllDeep(composer, OUTLOOK_SELECTORS.well(label))) {
          const chips = [...well.querySelectorAll(OUTLOOK_SELECTORS.chip)];
          for (const chip of chips) {
            const found = [
              ...addressesIn(chip.getAttribute('title')),
              ...addressesIn(chip.getAttribute('aria-label')),
              ...addressesIn(chip.textContent),
            ];
            out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
          }
          // Text typed into the well but not yet resolved into a chip.
          const loose = [...well.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ');
          out[field].push(...addressesIn(loose));
        }
      }
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    const controls = queryAllDeep(composer, OUTLOOK_SELECTORS.send);
    // The menu renders in a layer outside the composer: claim "Schedule send" only while this
    // composer's chevron holds the menu open. The picker it opens is modal, so the draft is final here.
    const toggle = queryAllDeep(composer, OUTLOOK_SELECTORS.sendOptionsToggle).find((t) => t.getAttribute('aria-expanded') === 'true');
    if (toggle) controls.push(...queryAllDeep(composer.ownerDocument, OUTLOOK_SELECTORS.menuItem).filter(isScheduleSendItem));
    return [...new Set(controls)];
  },
  // Outlook sends on Ctrl+Enter (Cmd+Enter on macOS) once the user enabled it; always intercepted.
  isSendShortcut: isCtrlEnter,
};

// Markup taken from CH3COOOH/OutlookSendingSafety (chrome-extension/content.js), toggl/track-extension
// (src/content/outlook.js), Outlook-integration snippets and an OWA schedule-send Playwright script
// found by code search, read on 2026-11-25;
// fixture: tests/fixtures/sites/outlook.html.
