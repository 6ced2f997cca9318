import { rangeForSpan, snapshotEditor, type EditorSnapshot } from './extract.ts';

/**
 * Replaces exactly one span of a draft through the editor's own input path, so editors that keep
 * their own model (TinyMCE, ProseMirror, Draft.js, Quill) see the change, the site's undo works,
 * and the formatting around the span stays: select the exact Range, then
 * `execCommand('insertText')`. Falls back to a direct edit plus an `input` event where the
 * command is unavailable. Returns false when the text at the span is not what was expected.
 */
export function replaceSpan(snapshot: EditorSnapshot, start: number, end: number, replacement: string, expected?: string): boolean {
  const { editor } = snapshot;
  if (expected !== undefined && snapshot.doc.text.slice(start, end) !== expected.replace(/\u00a0/gu, ' ')) return false;
  const doc = editor.element.ownerDocument;
  const view = doc.defaultView!;

  if (editor.kind === 'textarea') {
    const field = editor.element as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(start, end);
    const before = field.value;
    let done = false;
    try {
      done = doc.execCommand('insertText', false, replacement);
    } catch {
      done = false;
    }
    if (!done || field.value === before) {
      field.setRangeText(replacement, start, end, 'end');
      field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    }
    return field.value.slice(start, start + replacement.length) === replacement;
  }

  const range = rangeForSpan(snapshot, start, end);
  if (!range) return false;
  editor.element.focus();
  const selection = doc.getSelection();
  if (!selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  let done = false;
  try {
    done = doc.execCommand('insertText', false, replacement);
  } catch {
    done = false;
  }
  const after = snapshotEditor(editor).doc.text;
  if (done && after.slice(start, start + replacement.length) === replacement) return true;
  // The command did nothing (or the editor refused it): edit the Range ourselves and tell the editor.
  if (after === snapshot.doc.text) {
    const fresh = rangeForSpan(snapshotEditor(editor), start, end);
    if (!fresh) return false;
    fresh.deleteContents();
    fresh.insertNode(doc.createTextNode(replacement));
    editor.element.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
  }
  return snapshotEditor(editor).doc.text.slice(start, start + replacement.length) === replacement;
}

/**
 * Points links at the corporate contact when their target is the finding: `mailto:`, `tel:`, and
 * messenger links (`https://t.me/…`, `https://wa.me/…`). The link's words stay as the user wrote them.
 */
export function rewriteLinkTargets(
  root: Element,
  finding: { kind: 'email' | 'phone' | 'messenger'; value: string; normalized: string },
  replacement: string,
): number {
  let changed = 0;
  const digits = (s: string) => s.replace(/\D/gu, '');
  const wanted = finding.kind === 'phone' ? digits(finding.normalized || finding.value) : (finding.normalized.split(':').pop() ?? '').toLowerCase();
  if (!wanted) return 0;
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    const target = decodeURIComponentSafe(href).toLowerCase();
    if (finding.kind === 'email' && /^mailto:/iu.test(href) && target.slice(7).split('?')[0] === wanted) {
      a.setAttribute('href', `mailto:${replacement}`);
    } else if (finding.kind === 'phone' && /^tel:/iu.test(href) && digits(target) === wanted) {
      a.setAttribute('href', `tel:${replacement.replace(/[^\d+]/gu, '')}`);
    } else if (finding.kind === 'messenger' && /^https?:/iu.test(href) && target.includes(wanted) && /^(t\.me|wa\.me)\//u.test(replacement)) {
      a.setAttribute('href', `https://${replacement}`);
    } else continue;
    changed += 1;
  }
  return changed;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Puts the caret on (selects) a span, for Edit: the user lands on the finding. */
export function selectSpan(snapshot: EditorSnapshot, start: number, end: number): void {
  const { editor } = snapshot;
  if (editor.kind === 'textarea') {
    const field = editor.element as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(start, end);
    return;
  }
  const range = rangeForSpan(snapshot, start, end);
  editor.element.focus();
  if (!range) return;
  const selection = editor.element.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  (range.startContainer.parentElement ?? editor.element).scrollIntoView?.({ block: 'nearest' });
}
