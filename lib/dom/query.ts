/**
 * Query helpers that also look inside open shadow roots and same-origin iframes, because
 * composers live there on some sites (web-component editors, TinyMCE). Closed shadow roots and
 * cross-origin frames are out of reach by design; the generic adapter reports when a page has none
 * it can read.
 */

/** Every element matching `selector` under `root`, including inside open shadow roots, in document order. */
export function queryAllDeep<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const visit = (scope: ParentNode): void => {
    for (const el of scope.querySelectorAll<Element>(selector)) found.push(el as T);
    // Only elements that host a shadow root need a second look; the walk skips the rest cheaply.
    const walker = (scope instanceof Node ? (scope.ownerDocument ?? (scope as Document)) : null)?.createTreeWalker(
      scope as Node,
      1 /* NodeFilter.SHOW_ELEMENT */,
    );
    if (!walker) return;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const shadow = (node as Element).shadowRoot;
      // Our own dialog and marker live in open shadow roots; they are never part of a page's composer.
      if (shadow && !(node as Element).tagName.startsWith('CHANNEL-GUARD-')) visit(shadow);
    }
  };
  visit(root);
  return found;
}

/** First element matching `selector` under `root`, including open shadow roots. */
export function queryDeep<T extends Element = Element>(root: ParentNode, selector: string): T | null {
  const direct = root.querySelector<Element>(selector);
  if (direct) return direct as T;
  return queryAllDeep<T>(root, selector)[0] ?? null;
}

/** `el.closest(selector)` that climbs out of shadow roots to their hosts. */
export function closestDeep(el: Element | null, selector: string): Element | null {
  let current: Element | null = el;
  while (current) {
    const hit = current.closest(selector);
    if (hit) return hit;
    const root = current.getRootNode();
    current = root instanceof ShadowRootLike() ? (root as ShadowRoot).host : null;
  }
  return null;
}

/** `a.contains(b)` across shadow boundaries and into same-origin iframes owned by `a`. */
export function containsDeep(ancestor: Node, node: Node | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (ancestor.contains(current)) return true;
    const root = current.getRootNode();
    if ((root as ShadowRoot).host) current = (root as ShadowRoot).host;
    else if ((root as Document).defaultView?.frameElement) current = (root as Document).defaultView!.frameElement;
    else return false;
  }
  return false;
}

/** The document of a same-origin iframe, or null when it is cross-origin or not loaded. */
export function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

// ShadowRoot is a global only in a browser; resolve it lazily so this module loads under Node too.
function ShadowRootLike(): { new (): ShadowRoot } {
  return (globalThis as { ShadowRoot?: { new (): ShadowRoot } }).ShadowRoot ?? (class {} as unknown as { new (): ShadowRoot });
}
