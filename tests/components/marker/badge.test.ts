// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderMarkerBadge } from '../../../components/marker/badge.ts';

describe('renderMarkerBadge', () => {
  it('renders one status badge and updates it in place', () => {
    const mount = document.createElement('span');
    renderMarkerBadge(mount, { label: 'Personal contact in this message', details: ['Phone: +7 915 111-11-11'] });
    const badge = mount.firstElementChild as HTMLElement;
    expect(badge.getAttribute('role')).toBe('status');
    expect(badge.className).toBe('badge');
    expect(badge.textContent).toBe('Personal contact in this message');
    expect(badge.title).toBe('Phone: +7 915 111-11-11');

    renderMarkerBadge(mount, { label: '2 personal contacts in this message', details: ['Phone: 1', 'Email: a@gmail.com'], tone: 'blocked' });
    expect(mount.children).toHaveLength(1);
    expect(mount.firstElementChild).toBe(badge);
    expect(badge.className).toBe('badge blocked');
    expect(badge.textContent).toBe('2 personal contacts in this message');
    expect(badge.title).toBe('Phone: 1\nEmail: a@gmail.com');
  });

  it('shows page-supplied text as text, never as markup', () => {
    const mount = document.createElement('span');
    renderMarkerBadge(mount, { label: '<img src=x onerror=alert(1)>', details: [] });
    expect(mount.querySelector('img')).toBeNull();
    expect(mount.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
