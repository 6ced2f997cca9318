import type { AdapterName } from '../policy/schema.ts';

/**
 * What the content script needs from a site. One adapter per site, one file each; selectors live
 * in a named map inside that file. No detection or policy logic here: an adapter only finds things.
 */

export type EditorKind = 'textarea' | 'contenteditable' | 'designMode';

export interface EditorRef {
  kind: EditorKind;
  /** The textarea, the contenteditable root, or the `body` of a designMode iframe document. */
  element: HTMLElement;
  /** The iframe that hosts a designMode document (TinyMCE, CKEditor 4), for positioning and events. */
  frame?: HTMLIFrameElement;
}

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

/** How the user asked to send: the same kind is replayed after a decision. */
export type SendVia = 'button' | 'shortcut' | 'submit';

export interface SiteAdapter {
  readonly name: AdapterName;
  /** Match patterns of the hosts this adapter serves out of the box; empty when only a policy enables it. */
  readonly matches: readonly string[];
  /** Every open composer (pop-outs, inline replies, several at once). Roots must not nest. */
  findComposers(root: Document): Element[];
  /** The body editor(s) of one composer, as the site will send them. */
  getEditors(composer: Element): EditorRef[];
  readRecipients(composer: Element): Recipients;
  /** Elements whose activation sends the message (button, menu item). */
  sendControls(composer: Element): Element[];
  /** True when this keydown inside the composer sends (the site's keyboard shortcut). */
  isSendShortcut(event: KeyboardEvent): boolean;
}

/** Ctrl+Enter (Cmd+Enter on macOS): the shortcut Gmail, Outlook and most webmails use to send. */
export function isCtrlEnter(event: KeyboardEvent): boolean {
  return (event.key === 'Enter' || event.code === 'Enter' || event.code === 'NumpadEnter') && (event.ctrlKey || event.metaKey) && !event.altKey;
}

export const NO_RECIPIENTS: Recipients = Object.freeze({ to: [], cc: [], bcc: [] }) as Recipients;
