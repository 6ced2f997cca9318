/**
 * The typing marker: a quiet badge beside the editor (never inside it) saying the draft holds a
 * personal contact. Plain DOM rather than React: it is one span, and it lives in the compose
 * content script, which every page of a protected site loads (issue 4: content script under
 * 250 KB), while React is loaded only when a composer appears.
 */
export interface MarkerProps {
  label: string;
  details: string[];
  /** `blocked`: the Send dialog could not be shown in block mode, so the marker says why nothing was sent. */
  tone?: 'warn' | 'blocked';
}

export const MARKER_CSS = `
:host { all: initial; }
.badge { display: inline-flex; align-items: center; gap: 4px; font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans JP", sans-serif; background: #fef3c7; color: #92400e; border: 1px solid #f59e0b; border-radius: 999px; padding: 2px 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); white-space: nowrap; }
.badge::before { content: "⚠"; }
.badge.blocked { background: #fee2e2; color: #991b1b; border-color: #ef4444; border-radius: 8px; white-space: normal; max-width: 360px; }
`;

/** Renders the badge into `mount`, reusing the element already there. */
export function renderMarkerBadge(mount: Element, { label, details, tone = 'warn' }: MarkerProps): void {
  let badge = mount.firstElementChild as HTMLElement | null;
  if (!badge) {
    badge = mount.ownerDocument.createElement('span');
    badge.setAttribute('role', 'status');
    mount.append(badge);
  }
  badge.className = tone === 'blocked' ? 'badge blocked' : 'badge';
  badge.textContent = label;
  badge.title = details.join('\n');
}
