import type { SiteEntry } from '../policy/schema.ts';

/**
 * Which extra content-script registration the policy's `sites` need. Built-in hosts are in the
 * manifest already; every other host an admin lists gets the same compose script, registered at
 * runtime when the policy changes (`scripting.registerContentScripts`). Pure: the background's
 * edge (registration.browser.ts) applies the plan.
 */

export const POLICY_SITES_SCRIPT_ID = 'channel-guard-policy-sites';
/** Where WXT emits `entrypoints/compose.content/` in the built extension. */
export const COMPOSE_SCRIPT_FILE = 'content-scripts/compose.js';

export interface ContentScriptRegistration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

export function planSiteRegistration(sites: readonly SiteEntry[], builtInMatches: readonly string[]): ContentScriptRegistration[] {
  const builtIn = new Set(builtInMatches);
  const matches = [...new Set(sites.map((s) => s.match.trim()))].filter((m) => !builtIn.has(m)).sort();
  if (matches.length === 0) return [];
  return [
    {
      id: POLICY_SITES_SCRIPT_ID,
      matches,
      js: [COMPOSE_SCRIPT_FILE],
      runAt: 'document_idle',
      // Same as the manifest script: same-origin editor iframes are reached from the top frame.
      allFrames: false,
      persistAcrossSessions: true,
    },
  ];
}

export interface RegistrationChange {
  unregister: string[];
  register: ContentScriptRegistration[];
}

/** The smallest change from what is registered now to the plan (nothing when they agree). */
export function diffRegistration(
  current: readonly { id: string; matches?: string[] }[],
  plan: readonly ContentScriptRegistration[],
): RegistrationChange {
  const ours = current.filter((c) => c.id === POLICY_SITES_SCRIPT_ID);
  const wanted = plan[0];
  const same = wanted && ours.length === 1 && sameSet(ours[0]!.matches ?? [], wanted.matches);
  if (same) return { unregister: [], register: [] };
  return { unregister: ours.map((c) => c.id), register: [...plan] };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
