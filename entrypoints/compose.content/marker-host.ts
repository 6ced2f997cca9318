import { MARKER_CSS, renderMarkerBadge, type MarkerProps } from '../../components/marker/badge.ts';
import type { EditorRef } from '../../lib/sites/types.ts';

/**
 * One `<channel-guard-marker>` per composer: a fixed-position badge at the editor's top-right
 * corner, appended to <body>, never inside the editor's DOM (the site would send it, or its
 * editor model would fight it). Hidden while the draft is clean.
 */
export interface MarkerHandle {
  update(count: number, label: string, details: string[], tone?: MarkerProps['tone']): void;
  reposition(): void;
  remove(): void;
}

export function createMarker(doc: Document, editor: EditorRef): MarkerHandle {
  const host = doc.createElement('channel-guard-marker');
  host.setAttribute('style', 'all: initial; position: fixed; z-index: 2147483646; pointer-events: none; display: none;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = MARKER_CSS;
  const mount = doc.createElement('span');
  shadow.append(style, mount);
  let visible = false;

  const reposition = (): void => {
    if (!visible) return;
    const rect = editorRect(editor);
    if (!rect) return;
    // Just above the editor's top-right corner, so it never covers what the user types.
    host.style.top = `${Math.max(0, rect.top - host.offsetHeight - 4)}px`;
    host.style.left = `${Math.max(0, rect.right - host.offsetWidth - 4)}px`;
  };

  return {
    update(count, label, details, tone) {
      visible = count > 0;
      if (!visible) {
        host.style.display = 'none';
        return;
      }
      if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
      renderMarkerBadge(mount, { label, details, tone });
      host.setAttribute('data-count', String(count));
      host.style.display = 'block';
      reposition();
    },
    reposition,
    remove() {
      host.remove();
    },
  };
}

function editorRect(editor: EditorRef): { top: number; right: number } | null {
  const own = (editor.frame ?? editor.element).getBoundingClientRect();
  if (own.width === 0 && own.height === 0) return null;
  return { top: own.top, right: own.right };
}
