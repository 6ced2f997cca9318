import type { AdapterName, SiteEntry } from '../policy/schema.ts';
import { withCustomSelectors } from './custom-selectors.ts';
import { createGenericAdapter } from './generic.ts';
import { gmailAdapter } from './gmail.ts';
import { matchesPattern } from './match-pattern.ts';
import { outlookAdapter } from './outlook.ts';
import { roundcubeAdapter } from './roundcube.ts';
import type { SiteAdapter } from './types.ts';
import { hubspotAdapter } from './hubspot.ts';
import { salesforceAdapter } from './salesforce.ts';
import { bitrix24Adapter } from './bitrix24.ts';
import { amocrmAdapter } from './amocrm.ts';
import { pipedriveAdapter } from './pipedrive.ts';
import { zohocrmAdapter } from './zohocrm.ts';
import { dynamicsAdapter } from './dynamics.ts';
import { yahooAdapter } from './yahoo.ts';
import { yandexAdapter } from './yandex.ts';
import { mailruAdapter } from './mailru.ts';
import { protonAdapter } from './proton.ts';
import { zohomailAdapter } from './zohomail.ts';

/** Every adapter, explicitly. A new site is one file plus one line here (issue 5). */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [gmailAdapter, outlookAdapter, roundcubeAdapter, createGenericAdapter(),
  hubspotAdapter, salesforceAdapter, bitrix24Adapter, amocrmAdapter, pipedriveAdapter, zohocrmAdapter, dynamicsAdapter,
  yahooAdapter, yandexAdapter, mailruAdapter, protonAdapter, zohomailAdapter];

/** Match patterns the manifest declares for the compose content script. */
export const BUILT_IN_CONTENT_MATCHES: string[] = SITE_ADAPTERS.flatMap((a) => [...a.matches]);

export interface AdapterChoice {
  adapter: SiteAdapter;
  /** Where the choice came from, for diagnostics and the popup. */
  source: 'built-in' | 'policy';
}

/**
 * The adapter for a page. A policy entry wins over a built-in host, so an admin can repair a
 * redesigned site by pushing selectors (issue 5). On an entry naming a built-in adapter the
 * selectors replace that adapter's own, part by part; with "generic" they replace the generic
 * adapter's guesses (an in-house CRM). An entry naming an adapter this build lacks gets generic.
 */
export function pickAdapter(url: string, sites: readonly SiteEntry[]): AdapterChoice | null {
  const entry = sites.find((s) => matchesPattern(s.match, url));
  if (entry) {
    const selectors = entry.selectors ?? {};
    const named = adapterByName(entry.adapter);
    if (!named || named.name === 'generic') {
      return { adapter: withName(createGenericAdapter(selectors), entry.adapter), source: 'policy' };
    }
    const overridden = Object.values(selectors).some((s) => s !== undefined);
    return { adapter: overridden ? withCustomSelectors(named, selectors) : named, source: 'policy' };
  }
  const builtIn = SITE_ADAPTERS.find((a) => a.matches.some((m) => matchesPattern(m, url)));
  return builtIn ? { adapter: builtIn, source: 'built-in' } : null;
}

export function adapterByName(name: AdapterName): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((a) => a.name === name);
}

function withName(adapter: SiteAdapter, name: AdapterName): SiteAdapter {
  return { ...adapter, name };
}
