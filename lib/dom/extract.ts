import type { EditorRef } from '../sites/types.ts';

/**
 * Reads an editor into the detector's `ExtractedDocument` and keeps a map from every character of
 * `text` back to the DOM, so a finding's offsets can become a Range (Replace, Edit, the marker).
 *
 * Quoted history (blockquote, Gmail's `.gmail_quote`, Outlook's `#divRplyFwdMsg` and what follows
 * it, Thunderbird-style `.moz-cite-prefix` and what follows it) goes to `quoted`, not `text`: the
 * detector uses it only to recognise the client's own contacts (corpus rule 7).
 */

export interface ExtractedLink {
  target: string;
  start: number;
  end: number;
}

export interface ExtractedDocument {
  text: string;
  quoted: string[];
  links: ExtractedLink[];
}

/** `text[textStart, textStart+length)` is `node.data[nodeStart, nodeStart+length)`. */
export interface TextSegment {
  node: Text;
  nodeStart: number;
  textStart: number;
  length: number;
}

export interface EditorSnapshot {
  editor: EditorRef;
  doc: ExtractedDocument;
  /** Empty for textarea editors, whose offsets are the value's own. */
  segments: TextSegment[];
}

/** Elements whose content is quoted history. */
export const QUOTE_SELECTOR =
  'blockquote, .gmail_quote, .gmail_quote_container, .yahoo_quoted, .protonmail_quote, .tutanota_quote, .zmail_extra, .OutlookMessageHeader, .moz-cite-prefix, .moz-forward-container, #divRplyFwdMsg';
/** Markers after which the rest of the message is quoted history (Outlook, Thunderbird); same list as lib/detect/html.ts. */
const REST_IS_QUOTED_SELECTOR = '#divRplyFwdMsg, .moz-cite-prefix, .moz-forward-container';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'META', 'LINK']);
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

export function snapshotEditor(editor: EditorRef): EditorSnapshot {
  if (editor.kind === 'textarea') {
    const field = editor.element as HTMLTextAreaElement | HTMLInputElement;
    return { editor, doc: { text: field.value, quoted: [], links: [] }, segments: [] };
  }
  return { editor, ...extractRichText(editor.element) };
}

/** Walks a contenteditable root (or a designMode body) the way a mail client flattens it to text. */
export function extractRichText(root: Element): { doc: ExtractedDocument; segments: TextSegment[] } {
  const parts: string[] = [];
  let length = 0;
  let lastChar = '';
  const segments: TextSegment[] = [];
  const links: ExtractedLink[] = [];
  const quoted: string[] = [];
  let restIsQuoted = false;

  const push = (s: string): void => {
    if (!s) return;
    parts.push(s);
    length += s.length;
    lastChar = s[s.length - 1]!;
  };
  const newline = (): void => {
    if (length > 0 && lastChar !== '\n') push('\n');
  };

  const walk = (node: Node): void => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const data = (node as Text).data;
      if (!data) return;
      segments.push({ node: node as Text, nodeStart: 0, textStart: length, length: data.length });
      // A no-break space is a space to the reader; one character for one keeps offsets aligned.
      push(data.includes('\u00a0') ? data.replace(/\u00a0/gu, ' ') : data);
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || tag.startsWith('CHANNEL-GUARD-')) return;
    if (tag === 'BR') {
      push('\n');
      return;
    }
    if (restIsQuoted || el.matches(QUOTE_SELECTOR)) {
      if (el.matches(REST_IS_QUOTED_SELECTOR)) restIsQuoted = true;
      const quotedText = el.textContent ?? '';
      if (quotedText.trim()) quoted.push(quotedText);
      newline();
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) newline();
    const href = tag === 'A' ? el.getAttribute('href') : null;
    const linkStart = length;
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (href && !/^\s*javascript:/iu.test(href)) links.push({ target: href.trim(), start: linkStart, end: length });
    if (isBlock) newline();
  };

  for (let child = root.firstChild; child; child = child.nextSibling) walk(child);
  // A trailing newline added for the last block is not part of what the user wrote.
  let text = parts.join('');
  if (text.endsWith('\n') && !(root.lastChild && (root.lastChild as Element).tagName === 'BR')) text = text.slice(0, -1);
  return { doc: { text, quoted, links }, segments };
}

/** Locates `offset` of `text` in the DOM; `preferEnd` picks the end of a segment at a boundary. */
export function domPointAt(segments: readonly TextSegment[], offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = segments.length - 1;
  let bestIndex = -1;
  // Segments are sorted by textStart; binary search keeps Replace fast on a 1 MB draft.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.textStart <= offset) {
      bestIndex = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const best = bestIndex >= 0 ? segments[bestIndex]! : null;
  if (best && offset <= best.textStart + best.length) {
    if (!preferEnd && offset === best.textStart + best.length) {
      const next = segments[bestIndex + 1];
      if (next && next.textStart === offset) return { node: next.node, offset: next.nodeStart };
    }
    if (preferEnd && offset === best.textStart && bestIndex > 0) {
      const prev = segments[bestIndex - 1]!;
      if (prev.textStart + prev.length === offset) return { node: prev.node, offset: prev.nodeStart + prev.length };
    }
    return { node: best.node, offset: best.nodeStart + (offset - best.textStart) };
  }
  // The offset falls on a synthetic newline: snap to the next real character.
  const next = segments.find((s) => s.textStart >= offset);
  if (next) return { node: next.node, offset: next.nodeStart };
  const last = segments[segments.length - 1];
  return last ? { node: last.node, offset: last.nodeStart + last.length } : null;
}

/** A DOM Range covering `text[start, end)` of a rich-text snapshot. */
export function rangeForSpan(snapshot: EditorSnapshot, start: number, end: number): Range | null {
  const from = domPointAt(snapshot.segments, start, false);
  const to = domPointAt(snapshot.segments, end, true);
  if (!from || !to) return null;
  const range = snapshot.editor.element.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
