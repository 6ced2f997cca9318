import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Roundcube 1.6 (elastic skin), self-hosted: runs only on hosts the policy lists with adapter
 * `roundcube`. Compose is a full page (`?_task=mail&_action=compose`); the body is a plain
 * `textarea#composebody` or, with the HTML editor, TinyMCE's `iframe#composebody_ifr` → `body#tinymce`.
 * Roundcube's `rcmail.command('send')` posts the form with `form.submit()`, which fires no submit
 * event: the Send button click is the only hook.
 */
export const ROUNDCUBE_SELECTORS = {
  /** skins/elastic/templates/compose.html: `#layout-content` holds the form and `.formbuttons`. */
  composer: '#layout-content',
  /** Plain editor `textarea#composebody`; TinyMCE replaces it with `iframe#composebody_ifr` (toolchain notes). */
  editor: 'iframe#composebody_ifr, textarea#composebody',
  /**
   * Recipients: elastic ui.js `recipient_input()` keeps the committed list in the hidden
   * original `textarea#_to` / `#_cc` / `#_bcc` and draws chips `ul.recipient-input li.recipient`
   * with `span.email`; an address still being typed sits in the `li.input input`.
   */
  field: (field: string) => `#_${field}`,
  typed: (field: string) => `#compose_${field} .recipient-input li.input input`,
  /** `<roundcube:button command="send" class="btn btn-primary send">`; elastic copies it as `a.send` into the toolbar on small screens. */
  send: 'button.send, a.send, [onclick*="command(\'send\'"]',
} as const;

export const roundcubeAdapter: SiteAdapter = {
  name: 'roundcube',
  // Self-hosted: no built-in host. Admins list theirs in the policy's `sites`.
  matches: [],
  findComposers(doc) {
    return outermost(
      editorsIn(doc, ROUNDCUBE_SELECTORS.editor).map(
        (ref) => (ref.frame ?? ref.element).closest(ROUNDCUBE_SELECTORS.composer) ?? (ref.frame ?? ref.element).closest('form') ?? ref.element,
      ),
    );
  },
  getEditors(composer) {
    // While TinyMCE is active the textarea is hidden and stale; the iframe is what gets sent.
    const refs = editorsIn(composer, ROUNDCUBE_SELECTORS.editor);
    const rich = refs.filter((r) => r.kind === 'designMode');
    return rich.length > 0 ? rich : refs;
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const field of ['to', 'cc', 'bcc'] as const) {
      const hidden = composer.querySelector<HTMLTextAreaElement | HTMLInputElement>(ROUNDCUBE_SELECTORS.field(field));
      out[field].push(...addressesIn(hidden?.value));
      for (const typed of composer.querySelectorAll<HTMLInputElement>(ROUNDCUBE_SELECTORS.typed(field))) {
        out[field].push(...addressesIn(typed.value));
      }
    }
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return [...composer.querySelectorAll(ROUNDCUBE_SELECTORS.send)];
  },
  // Roundcube 1.6 has no send shortcut of its own; plugins add Ctrl+Enter, so it is intercepted too.
  isSendShortcut: isCtrlEnter,
};

// Markup taken from Roundcube 1.6.5 as packaged by Debian (skins/elastic/templates/compose.html,
// skins/elastic/ui.js recipient_input(), program/js/app.js) on 2026-11-25; fixture:
// tests/fixtures/sites/roundcube.html.
