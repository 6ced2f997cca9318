import type { SiteSelectors } from '../policy/schema.ts';
import { closestDeep, queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorsIn, outermost } from './editors.ts';
import { isCtrlEnter, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Any host an admin lists without a dedicated adapter, and the fallback when a site adapter's
 * selectors stop matching (issue 5). Finds any textarea / contenteditable / designMode iframe, a
 * Send-like button by its label in English, Russian or Japanese, and the form submit. An admin's
 * `selectors` from the policy replace the built-in guesses one by one.
 */
export const GENERIC_SELECTORS = {
  /** Message bodies. Single-line inputs are never bodies (subject, search). */
  editor:
    'textarea:not([readonly]):not([disabled]), [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], iframe',
  /** Candidates for a Send control; the label decides. */
  sendCandidates: 'button, input[type="submit"], input[type="button"], [role="button"], a[role="button"], a.btn, a.button',
  /** Recipient fields: named To/Cc/Bcc inputs and address chips carrying an `email` attribute. */
  recipients:
    'input[type="email"], input[name="to" i], input[name="cc" i], input[name="bcc" i], textarea[name="to" i], textarea[name="cc" i], textarea[name="bcc" i], input[name*="recipient" i], [email], [data-email]',
  /** Textareas that are recipient fields, not bodies. */
  notABody: 'textarea[name="to" i], textarea[name="cc" i], textarea[name="bcc" i], textarea[name*="recipient" i], textarea[aria-label="To" i]',
} as const;

/** Labels of a Send control in en/ru/ja, at the start of the label ("Send", "Send now", "Отправить", "送信"). */
const SEND_LABEL_RE = /^\s*(?:(?:send|submit|post reply|reply|отправить|ответить)(?![\p{L}])|送信|返信)/iu;

export function looksLikeSend(el: Element): boolean {
  const label =
    el.getAttribute('aria-label') ??
    el.getAttribute('title') ??
    ((el as HTMLInputElement).tagName === 'INPUT' ? (el as HTMLInputElement).value : el.textContent) ??
    '';
  return SEND_LABEL_RE.test(label.trim());
}

const COMPOSER_CLIMB_LIMIT = 8;

export function createGenericAdapter(selectors: SiteSelectors = {}): SiteAdapter {
  const editorSelector = selectors.editor ?? GENERIC_SELECTORS.editor;

  const sendControlsIn = (scope: ParentNode): Element[] =>
    selectors.send
      ? queryAllDeep(scope, selectors.send)
      : queryAllDeep(scope, GENERIC_SELECTORS.sendCandidates).filter(looksLikeSend);

  const bodyEditors = (scope: ParentNode) =>
    editorsIn(scope, editorSelector).filter((ref) => !(ref.kind === 'textarea' && ref.element.matches(GENERIC_SELECTORS.notABody)));

  /** The smallest ancestor that holds both the editor and a Send control, else its form or dialog. */
  const composerRootFor = (editor: Element): Element => {
    const formOrDialog = closestDeep(editor, 'form, [role="dialog"]');
    if (formOrDialog) return formOrDialog;
    let current: Element | null = parentOrHost(editor);
    for (let i = 0; current && i < COMPOSER_CLIMB_LIMIT; i += 1, current = parentOrHost(current)) {
      if (sendControlsIn(current).length > 0) return current;
    }
    return parentOrHost(editor) ?? editor;
  };

  return {
    name: 'generic',
    matches: [],
    findComposers(doc) {
      if (selectors.composer) return outermost(queryAllDeep(doc, selectors.composer));
      return outermost(bodyEditors(doc).map((ref) => composerRootFor(ref.frame ?? ref.element)));
    },
    getEditors(composer) {
      return bodyEditors(composer);
    },
    readRecipients(composer) {
      return readGenericRecipients(composer, selectors.recipients ?? GENERIC_SELECTORS.recipients);
    },
    sendControls(composer) {
      const controls = sendControlsIn(composer);
      // A composer that is a form sends through its submit buttons even when they say "OK".
      if (composer.tagName === 'FORM' && !selectors.send) {
        for (const b of composer.querySelectorAll('button:not([type]), button[type="submit"], input[type="submit"]')) {
          if (!controls.includes(b)) controls.push(b);
        }
      }
      return controls;
    },
    isSendShortcut: isCtrlEnter,
  };
}

/** The parent element, or the host when `el` is at the top of a shadow root. */
function parentOrHost(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode() as ShadowRoot;
  return root && 'host' in root ? root.host : null;
}

/** Reads recipients from fields matched by `selector`; a field's name or label says To, Cc or Bcc. */
export function readGenericRecipients(composer: Element, selector: string): Recipients {
  const out: Recipients = { to: [], cc: [], bcc: [] };
  for (const el of queryAllDeep(composer, selector)) {
    const field = `${el.getAttribute('name') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.toLowerCase();
    const bucket = /\bbcc\b/u.test(field) ? out.bcc : /\bcc\b/u.test(field) ? out.cc : out.to;
    const value = 'value' in el ? String((el as HTMLInputElement).value) : '';
    bucket.push(
      ...addressesIn(el.getAttribute('email')),
      ...addressesIn(el.getAttribute('data-email')),
      ...addressesIn(value),
      ...(value ? [] : addressesIn(el.textContent)),
    );
  }
  return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
}
