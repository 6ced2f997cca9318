import { frameDocument, queryAllDeep } from '../dom/query.ts';
import { addressesIn, uniqueAddresses } from './addresses.ts';
import { editorRefFor, outermost } from './editors.ts';
import { UNRESOLVED_RECIPIENT } from './outlook.ts';
import { isCtrlEnter, type EditorRef, type Recipients, type SiteAdapter } from './types.ts';

/**
 * Salesforce Lightning Experience: the Email quick action (CKEditor 4 two iframes deep) and the
 * Chatter publisher (lightning-input-rich-text = Quill, possibly inside a native shadow root).
 */
export const SALESFORCE_SELECTORS = {
  /** Outer same-origin frame of the e-mail body: `iframe[title="CK Editor Container"]`. */
  emailContainerFrame: 'iframe[title="CK Editor Container"]',
  /** CKEditor's frame inside it: `iframe.cke_wysiwyg_frame` titled "Email Body". */
  emailBodyFrame: 'iframe.cke_wysiwyg_frame, iframe[title="Email Body"]',
  /** Chatter publisher: lightning-input-rich-text's Quill root (classes added by addInitialClassesAndAttributesToEditor). */
  quill: '.ql-editor.slds-rich-text-area__content[contenteditable="true"], .forceChatterMessageBodyInputRichTextEditor .ql-editor[contenteditable="true"]',
  /** Send / Share: `button.cuf-publisherShareButton` (Send on the e-mail action, Share on a post). */
  send: 'button.cuf-publisherShareButton',
  /** Recipient pills of the To/Cc/Bcc lookups; the label and title read "Name <email>". */
  pills: (field: string) => `[aria-label="${field}"] .slds-pill`,
  pillLabel: '.slds-pill__label',
  /** The lookup's own input: the first `input[role=combobox]` is To. */
  typed: 'input[role="combobox"]',
} as const;

const FIELDS = { to: 'To', cc: 'Cc', bcc: 'Bcc' } as const;

/** CKEditor's editable body, two same-origin frames down. */
function emailEditors(scope: ParentNode): EditorRef[] {
  const refs: EditorRef[] = [];
  for (const container of queryAllDeep<HTMLIFrameElement>(scope, SALESFORCE_SELECTORS.emailContainerFrame)) {
    const doc = frameDocument(container);
    for (const inner of doc ? [...doc.querySelectorAll(SALESFORCE_SELECTORS.emailBodyFrame)] : []) {
      const ref = editorRefFor(inner);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

function quillEditors(scope: ParentNode): EditorRef[] {
  return queryAllDeep(scope, SALESFORCE_SELECTORS.quill).flatMap((el) => editorRefFor(el) ?? []);
}

/** The smallest ancestor of `anchor` holding a Send control, climbing out of shadow roots. */
function composerAround(anchor: Element): Element {
  for (let node: Element | null = anchor; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    if (queryAllDeep(node, SALESFORCE_SELECTORS.send).length > 0) return node;
  }
  return anchor;
}

/** The element in the top document an editor hangs from: its outermost frame, or its shadow host chain's top. */
function anchorOf(ref: EditorRef, doc: Document): Element {
  let el: Element = ref.frame ?? ref.element;
  while (el.ownerDocument !== doc) {
    const frame = el.ownerDocument.defaultView?.frameElement;
    if (!frame) break;
    el = frame;
  }
  return el;
}

export const salesforceAdapter: SiteAdapter = {
  name: 'salesforce',
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  findComposers(doc) {
    const refs = [...emailEditors(doc), ...quillEditors(doc)];
    return outermost(refs.map((ref) => composerAround(anchorOf(ref, doc))));
  },
  getEditors(composer) {
    return [...emailEditors(composer), ...quillEditors(composer)];
  },
  readRecipients(composer) {
    const out: Recipients = { to: [], cc: [], bcc: [] };
    for (const [field, label] of Object.entries(FIELDS) as [keyof Recipients, string][]) {
      for (const pill of queryAllDeep(composer, SALESFORCE_SELECTORS.pills(label))) {
        // Label text only: the pill's remove button sits in the same element.
        const found = [...addressesIn(pill.getAttribute('title')), ...addressesIn(pill.querySelector(SALESFORCE_SELECTORS.pillLabel)?.textContent)];
        out[field].push(...(found.length ? found : [UNRESOLVED_RECIPIENT]));
      }
    }
    const [toInput] = queryAllDeep<HTMLInputElement>(composer, SALESFORCE_SELECTORS.typed);
    if (toInput) out.to.push(...addressesIn(toInput.value));
    return { to: uniqueAddresses(out.to), cc: uniqueAddresses(out.cc), bcc: uniqueAddresses(out.bcc) };
  },
  sendControls(composer) {
    return queryAllDeep(composer, SALESFORCE_SELECTORS.send);
  },
  // The Chatter Share button says "Click, or press Ctrl+Enter"; the e-mail action has no shortcut.
  isSendShortcut(event) {
    if (!isCtrlEnter(event)) return false;
    return event.composedPath().some((node) => node instanceof Element && node.matches('.ql-editor'));
  },
};

// Markup from public Salesforce automation code found by code search (Selenium exercises on the
// e-mail action, a Service Cloud assistant content script, the "Service Cloud Premium" userscript,
// Chatter userscripts and Playwright tests) and salesforce/base-components-recipes inputRichText,
// read on 2025-11-25; fixture: tests/fixtures/sites/salesforce.html.
