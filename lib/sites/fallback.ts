import type { SiteSelectors } from '../policy/schema.ts';
import { createGenericAdapter } from './generic.ts';
import type { SiteAdapter } from './types.ts';

/** Which of a site adapter's selectors stopped matching. */
export type FallbackPart = 'composer' | 'editor' | 'send control';

/** The policy selector (`sites[].selectors`) an admin wrote for a part. */
export type PolicySelectorPart = 'composer' | 'editor' | 'send';

/**
 * Called once per kind of fallback. `count` is how many substitutes the generic adapter found (0:
 * none — reported only for a policy selector). `policyPart` names the admin's selector that matched
 * nothing when the part came from the policy, so the report points at the policy, not at a release.
 */
export type OnFallback = (count: number, part: FallbackPart, policyPart?: PolicySelectorPart) => void;

const POLICY_PART: Record<FallbackPart, PolicySelectorPart> = { composer: 'composer', editor: 'editor', 'send control': 'send' };

/**
 * Sites change their markup without notice (issue 5). When a site adapter finds no composer but
 * the page has an editor next to a Send-like control, the generic adapter takes over for those
 * composers. When it still finds the composer but no editor or no Send control in it (a redesign
 * that renamed only the button), the generic adapter supplies that part. Each kind of fallback is
 * reported once through `onFallback`, so the admin learns the adapter needs an update while the
 * user stays protected.
 *
 * `policySelectors` are the page's policy entry's selectors. They also put the generic adapter
 * under this fallback when it runs an admin's selectors (an in-house CRM): a typo there would
 * otherwise let Send through unscanned with nobody told. An admin's editor or send selector that
 * matches nothing in a composer is reported even when the generic adapter has no guess either:
 * the admin wrote that selector for a composer that is there, so silence would hide the gap.
 */
export function withGenericFallback(site: SiteAdapter, onFallback: OnFallback, policySelectors: SiteSelectors = {}): SiteAdapter {
  const policyPartOf = (part: FallbackPart): PolicySelectorPart | undefined => {
    const own = POLICY_PART[part];
    if (policySelectors[own] !== undefined) return own;
    // The generic adapter finds a composer through its editor, so an admin's editor selector is what missed.
    if (part === 'composer' && site.name === 'generic' && policySelectors.editor !== undefined) return 'editor';
    return undefined;
  };
  // The plain generic adapter has nothing to fall back to: it already is the guesses.
  if (site.name === 'generic' && !(['composer', 'editor', 'send control'] as const).some(policyPartOf)) return site;
  const generic = createGenericAdapter();
  const fallbackComposers = new WeakSet<Element>();
  const reported = new Set<FallbackPart>();
  const report = (part: FallbackPart, count: number): void => {
    if (reported.has(part)) return;
    reported.add(part);
    const policyPart = policyPartOf(part);
    if (policyPart) onFallback(count, part, policyPart);
    else onFallback(count, part);
  };
  /** The site's own answer, or the generic adapter's when the site's selectors found nothing. */
  const ownOrGeneric = <T>(composer: Element, part: FallbackPart, read: (a: SiteAdapter) => T[]): T[] => {
    if (fallbackComposers.has(composer)) return read(generic);
    const own = read(site);
    if (own.length > 0) return own;
    const substitute = read(generic);
    if (substitute.length > 0 || policyPartOf(part)) report(part, substitute.length);
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

/** The diagnostic for an admin's own selector that matched nothing: it names the host whose policy entry to fix. */
export function policyFallbackMessage(host: string, part: PolicySelectorPart, count: number): string {
  const head = `policy selectors for ${host}: ${part} matched nothing`;
  return count > 0
    ? `${head}; using the generic adapter's guesses`
    : `${head}, and the generic adapter has no guess either; messages sent there are not checked until the selector is fixed`;
}
