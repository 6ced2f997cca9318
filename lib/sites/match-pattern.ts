/**
 * Browser match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns)
 * evaluated the way Chromium does, so the adapter picked for a page agrees with where the browser
 * injected the script. Pure: used by the content script and by the background's registration plan.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/u.exec(pattern.trim());
  if (!m) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host = '', path = '/'] = m;
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : scheme !== protocol) return false;
  const hostname = parsed.hostname.toLowerCase();
  const patternHost = host.toLowerCase().replace(/:\d+$/u, '');
  if (patternHost !== '*' && patternHost !== '') {
    if (patternHost.startsWith('*.')) {
      const base = patternHost.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== patternHost) return false;
  }
  const pathRe = new RegExp(`^${path.split('*').map(escapeRe).join('.*')}$`, 'u');
  return pathRe.test(parsed.pathname + parsed.search);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
