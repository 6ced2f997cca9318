import { frameDocument, queryAllDeep } from '../dom/query.ts';
import type { EditorRef } from './types.ts';

/**
 * Turns elements that an adapter's selector found into editor references: a textarea, a
 * contenteditable root, or an iframe whose document is in designMode / has an editable body
 * (TinyMCE, CKEditor 4). Shared by every adapter so the three editor kinds are handled one way.
 */
export function editorRefFor(el: Element): EditorRef | null {
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return { kind: 'textarea', element: el as HTMLTextAreaElement };
  if (tag === 'IFRAME') {
    const doc = frameDocument(el as HTMLIFrameElement);
    const body = doc?.body;
    if (!doc || !body) return null;
    if (doc.designMode === 'on' || body.isContentEditable || body.getAttribute('contenteditable') === 'true') {
      return { kind: 'designMode', element: body, frame: el as HTMLIFrameElement };
    }
    return null;
  }
  if (tag === 'BODY' && el.ownerDocument.defaultView?.frameElement) {
    return { kind: 'designMode', element: el as HTMLElement, frame: el.ownerDocument.defaultView.frameElement as HTMLIFrameElement };
  }
  if ((el as HTMLElement).isContentEditable || isEditableAttr(el)) return { kind: 'contenteditable', element: el as HTMLElement };
  return null;
}

function isEditableAttr(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v === '' || v === 'true' || v === 'plaintext-only';
}

/** Editors under `root` matching `selector`, outermost only (a nested contenteditable belongs to its parent). */
export function editorsIn(root: ParentNode, selector: string): EditorRef[] {
  const refs: EditorRef[] = [];
  for (const el of queryAllDeep(root, selector)) {
    if (refs.some((r) => r.element !== el && r.kind === 'contenteditable' && r.element.contains(el))) continue;
    const ref = editorRefFor(el);
    if (ref && !refs.some((r) => r.element === ref.element)) refs.push(ref);
  }
  return refs;
}

/** Drop composer roots that sit inside another one (each composer is counted once). */
export function outermost(elements: Element[]): Element[] {
  const unique = [...new Set(elements)];
  return unique.filter((el) => !unique.some((other) => other !== el && other.contains(el)));
}
