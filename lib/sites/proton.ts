import { frameDocument, queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorRefFor, editorsIn, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import { isCtrlEnter, type EditorRef, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Proton Mail (mail.proton.me; mail.protonmail.com redirects there). Selectors come from Proton's
 * own open-source client (ProtonMail/WebClients), mostly its `data-testid` hooks. The body is a
 * RoosterJS editor inside a same-origin iframe; the adapter returns the Rooster root with its frame.
 */
export const PROTON_SELECTORS = {
  /** ComposerFrame.tsx: `div.composer` with the composer's `data-id`. */
  composer: 'div.composer[data-id], div.composer',
  /** RoosterEditor.tsx: `iframe[data-testid="rooster-iframe"]` (title "Email composer"). */
  editorFrame: 'iframe[data-testid="rooster-iframe"], iframe[title="Email composer"]',
  /** useInitRooster.ts: the contenteditable root written into the iframe. */
  roosterRoot: '#rooster-editor',
  /** Plain-text mode replaces Rooster with a textarea in the body container. */
  plainText: '.composer-body-container textarea',
  /** AddressesEditor.tsx: the inputs of each field. */
  fieldInput: { to: '[data-testid="composer:to"], .composer-editor-to', cc: '[data-testid="composer:to-cc"], .composer-editor-cc', bcc: '[data-testid="composer:to-bcc"], .composer-editor-bcc' },
  /** AddressesInput.tsx: the container around a field's items and its input. */
  fieldContainer: '.composer-addresses-container',
  /** AddressesRecipientItem.tsx / AddressesGroupItem.tsx: one item; its label reads "Name <address>". */
  item: '.composer-addresses-item',
  itemLabel: '.composer-addresses-item-label',
  /** The remove button's test id carries the address: `remove-address-button-{address}`. */
  itemRemove: '[data-testid^="remove-address-button-"]',
  /** ComposerActions.tsx: `button.composer-send-button[data-testid="composer:send-button"]`. */
  send: 'button[data-testid="composer:send-button"], button.composer-send-button',
  /** ScheduleSendActions.tsx: the dropdown toggle and the items that schedule (send) the message. */
  scheduleToggle: '[data-testid="composer:scheduled-send:open-dropdown"]',
  scheduleItems: '[data-testid="composer:schedule-send:tomorrow"], [data-testid="composer:schedule-send:next-monday"], [data-testid="composer:schedule-send-as-scheduled"]',
} as const;

const FIELDS = ['to', 'cc', 'bcc'] as const;

function itemAddresses(item: Element): string[] {
  const fromId = (item.querySelector(PROTON_SELECTORS.itemRemove)?.getAttribute('data-testid') ?? '').replace('remove-address-button-', '');
  const found = [...addressesIn(item.querySelector(PROTON_SELECTORS.itemLabel)?.textContent ?? item.textContent), ...addressesIn(fromId)];
  return found;
}

export const protonAdapter: SiteAdapter = {
  name: 'proton',
  matches: ['https://mail.proton.me/*', 'https://mail.protonmail.com/*'],
  findComposers(doc) {
    return outermost(queryAllDeep(doc, PROTON_SELECTORS.composer));
  },
  getEditors(composer) {
    const refs: EditorRef[] = [];
    for (const frame of composer.querySelectorAll<HTMLIFrameElement>(PROTON_SELECTORS.editorFrame)) {
      const root = frameDocument(frame)?.querySelector(PROTON_SELECTORS.roosterRoot);
      const ref = root ? editorRefFor(root) : editorRefFor(frame);
      if (ref) refs.push({ ...ref, frame });
    }
    refs.push(...editorsIn(composer, PROTON_SELECTORS.plainText));
    return refs;
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const field of FIELDS) {
      for (const input of composer.querySelectorAll<HTMLInputElement>(PROTON_SELECTORS.fieldInput[field])) {
        const container = input.closest(PROTON_SELECTORS.fieldContainer) ?? input.querySelector(PROTON_SELECTORS.fieldContainer) ?? input.parentElement;
        for (const item of container?.querySelectorAll(PROTON_SELECTORS.item) ?? []) {
          const found = itemAddresses(item);
          // A contact group shows its name only: count it as an external recipient.
          out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
        }
        out[field].push(...addressesIn(input.value));
      }
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    const controls = queryAllDeep(composer, PROTON_SELECTORS.send);
    // The schedule dropdown renders in a portal outside the composer; claim it only while this
    // composer's toggle holds it open.
    const toggle = composer.querySelector(PROTON_SELECTORS.scheduleToggle);
    if (toggle?.getAttribute('aria-expanded') === 'true') controls.push(...queryAllDeep(composer.ownerDocument, PROTON_SELECTORS.scheduleItems));
    return controls;
  },
  // useComposerHotkeys.tsx: Ctrl/Cmd+Enter sends from the composer and from inside the editor iframe.
  isSendShortcut: isCtrlEnter,
};

// Markup from ProtonMail/WebClients (applications/mail/src/app/components/composer/**,
// packages/components/components/editor/rooster/**, hooks/composer/useComposerHotkeys.tsx), read on
// 2026-11-25; fixture: tests/fixtures/sites/proton.html.
