import { createGenericAdapter } from './generic.ts';
import type { SiteAdapter } from './types.ts';

/** Which of a site adapter's selectors stopped matching. */
export type FallbackPart = 'composer' | 'editor' | 'send control';

/**
 * Sites change their markup without notice (issue 5). When a site adapter finds no composer but
 * the page has an editor next to a Send-like control, the generic adapter takes over for those
 * composers. When it still finds the composer but no editor or no Send control in it (a redesign
 * that renamed only the button), the generic adapter supplies that part. Each kind of fallback is
 * reported once through `onFallback`, so the admin learns the adapter needs an update while the
 * user stays protected.
 */
export function withGenericFallback(site: SiteAdapter, onFallback: (count: number, part: FallbackPart) => void): SiteAdapter {
  if (site.name === 'generic') return site;
  const generic = createGenericAdapter();
  const fallbackComposers = new WeakSet<Element>();
  const reported = new Set<FallbackPart>();
  const report = (part: FallbackPart, count: number): void => {
    if (reported.has(part)) return;
    reported.add(part);
    onFallback(count, part);
  };
  /** The site's own answer, or the generic adapter's when the site's selectors found nothing. */
  const ownOrGeneric = <T>(composer: Element, part: FallbackPart, read: (a: SiteAdapter) => T[]): T[] => {
    if (fallbackComposers.has(composer)) return read(generic);
    const own = read(site);
    if (own.length > 0) return own;
    const substitute = read(generic);
    if (substitute.length > 0) report(part, 1);
    return substitute;
  };

  return {
    name: site.name,
    matches: site.matches,
    findComposers(doc) {
      const own = site.findComposers(doc);
      if (own.length > 0) return own;
      // Only composers that have a Send-like control: a lone search box is not a composer.
      const found = generic.findComposers(doc).filter((c) => generic.sendControls(c).length > 0);
      for (const c of found) fallbackComposers.add(c);
      if (found.length > 0) report('composer', found.length);
      return found;
    },
    getEditors: (composer) => ownOrGeneric(composer, 'editor', (a) => a.getEditors(composer)),
    readRecipients: (composer) => (fallbackComposers.has(composer) ? generic : site).readRecipients(composer),
    sendControls: (composer) => ownOrGeneric(composer, 'send control', (a) => a.sendControls(composer)),
    isSendShortcut: (event) => site.isSendShortcut(event),
  };
}

/** The diagnostic an admin reads in the background's console. */
export function fallbackMessage(adapter: string, part: FallbackPart, count: number): string {
  return part === 'composer'
    ? `${adapter} selectors found no composer; the generic adapter protects ${count} composer(s) instead (site redesign?)`
    : `${adapter} selectors found no ${part} in a composer; the generic adapter's ${part} is used instead (site redesign?)`;
}
