import { createGenericAdapter } from './generic.ts';
import type { SiteAdapter } from './types.ts';

/**
 * Sites change their markup without notice (issue 5). When a site adapter finds no composer but
 * the page has an editor next to a Send-like control, the generic adapter takes over for those
 * composers and `onFallback` is told once, so the admin learns the adapter needs an update while
 * the user stays protected.
 */
export function withGenericFallback(site: SiteAdapter, onFallback: (count: number) => void): SiteAdapter {
  if (site.name === 'generic') return site;
  const generic = createGenericAdapter();
  const fallbackComposers = new WeakSet<Element>();
  let reported = false;
  const pick = (composer: Element): SiteAdapter => (fallbackComposers.has(composer) ? generic : site);

  return {
    name: site.name,
    matches: site.matches,
    findComposers(doc) {
      const own = site.findComposers(doc);
      if (own.length > 0) return own;
      // Only composers that have a Send-like control: a lone search box is not a composer.
      const found = generic.findComposers(doc).filter((c) => generic.sendControls(c).length > 0);
      for (const c of found) fallbackComposers.add(c);
      if (found.length > 0 && !reported) {
        reported = true;
        onFallback(found.length);
      }
      return found;
    },
    getEditors: (composer) => pick(composer).getEditors(composer),
    readRecipients: (composer) => pick(composer).readRecipients(composer),
    sendControls: (composer) => pick(composer).sendControls(composer),
    isSendShortcut: (event) => site.isSendShortcut(event),
  };
}
