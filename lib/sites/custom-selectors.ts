import type { SiteEntry, SiteSelectors } from '../policy/schema.ts';
import { queryAllDeep } from '../dom/query.ts';
import { editorsIn, outermost } from './editors.ts';
import { readGenericRecipients } from './generic.ts';
import { matchesPattern } from './match-pattern.ts';
import type { SiteAdapter } from './types.ts';

/**
 * A built-in adapter with some of its selectors replaced by the admin's (policy `sites[].selectors`,
 * issue 5): after a redesign an admin pushes only what broke — say the Send control — and keeps
 * the rest of the adapter (its recipient reading, its shortcut). Each selector replaces one part:
 * composer → findComposers, editor → getEditors, recipients → readRecipients, send → sendControls.
 *
 * The policy schema checks the syntax; a selector this browser still rejects (a pseudo-class it
 * does not implement) leaves that part to the built-in adapter rather than throwing in the page.
 */
export function withCustomSelectors(base: SiteAdapter, selectors: SiteSelectors): SiteAdapter {
  const { composer, editor, recipients, send } = selectors;
  return {
    name: base.name,
    matches: base.matches,
    findComposers(doc) {
      const found = composer ? tryQuery(() => outermost(queryAllDeep(doc, composer))) : null;
      return found ?? base.findComposers(doc);
    },
    getEditors(root) {
      return (editor ? tryQuery(() => editorsIn(root, editor)) : null) ?? base.getEditors(root);
    },
    readRecipients(root) {
      return (recipients ? tryQuery(() => readGenericRecipients(root, recipients)) : null) ?? base.readRecipients(root);
    },
    sendControls(root) {
      return (send ? tryQuery(() => queryAllDeep(root, send)) : null) ?? base.sendControls(root);
    },
    isSendShortcut: (event) => base.isSendShortcut(event),
  };
}

/**
 * The admin's selectors in force on `url`: those of the first policy entry matching it, the entry
 * `pickAdapter` takes. The generic fallback reports a miss of one of these against the policy.
 */
export function policySelectorsFor(url: string, sites: readonly SiteEntry[]): SiteSelectors {
  return sites.find((s) => matchesPattern(s.match, url))?.selectors ?? {};
}

/** `querySelectorAll` throws a SyntaxError (a DOMException) on a selector this engine cannot parse. */
function tryQuery<T>(query: () => T): T | null {
  try {
    return query();
  } catch (error) {
    if ((error as { name?: string }).name === 'SyntaxError') return null;
    throw error;
  }
}
