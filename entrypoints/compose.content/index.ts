import { defineContentScript } from 'wxt/utils/define-content-script';
import { postRequest, sendRequest } from '../../lib/messaging/client.ts';
import { requestPolicyState, watchPolicyState } from '../../lib/policy/browser-policy-client.ts';
import type { Policy } from '../../lib/policy/schema.ts';
import { policySelectorsFor } from '../../lib/sites/custom-selectors.ts';
import { fallbackMessage, policyFallbackMessage, withGenericFallback } from '../../lib/sites/fallback.ts';
import { BUILT_IN_CONTENT_MATCHES, pickAdapter } from '../../lib/sites/registry.ts';
import { startGuard } from './guard.ts';
import { createComposeUiLoader, type DetectorLike } from './lazy-ui.ts';

/**
 * Compose content script: on the built-in webmail hosts (manifest) and on hosts the policy lists
 * (registered at runtime by the background, same file). Wiring only: pick the site adapter, bind
 * the detector to the policy, start the guard; everything stops when the context is invalidated.
 * The detector and the dialog come with the on-demand half (lazy-ui.ts), once a composer appears.
 *
 * Top frame only: editors in same-origin iframes (TinyMCE) are reached from the top document.
 */
export default defineContentScript({
  matches: BUILT_IN_CONTENT_MATCHES,
  runAt: 'document_idle',
  allFrames: false,
  async main(ctx) {
    // A dynamically registered script and an injection into an already-open tab may both run.
    const flag = globalThis as { __channelGuardCompose?: boolean };
    if (flag.__channelGuardCompose) return;
    flag.__channelGuardCompose = true;
    ctx.signal.addEventListener('abort', () => (flag.__channelGuardCompose = false), { once: true });

    const state = await requestPolicyState();
    let policy: Policy = state.policy as Policy;
    const choice = pickAdapter(location.href, policy.sites);
    if (!choice) return;
    const ui = createComposeUiLoader(globalThis, () => sendRequest({ type: 'compose/load-ui' }));
    /** Bound once per policy (the hot path does no set-up); null until the on-demand half is here. */
    let detector: DetectorLike | null = null;
    const currentDetector = (): DetectorLike | null => {
      if (detector) return detector;
      const loaded = ui.current();
      detector = loaded ? loaded.createDetector(policy) : null;
      return detector;
    };

    watchPolicyState((next) => {
      policy = next.policy as Policy;
      detector = null;
      guard.rescan();
    }, ctx.signal);

    const adapter = withGenericFallback(
      choice.adapter,
      (count, part, policyPart) =>
        postRequest({
          type: 'diagnostic/record',
          diagnostic: {
            level: 'warn',
            site: location.host,
            adapter: choice.adapter.name,
            message: policyPart
              ? policyFallbackMessage(location.host, policyPart, count)
              : fallbackMessage(choice.adapter.name, part, count),
          },
        }),
      choice.source === 'policy' ? policySelectorsFor(location.href, policy.sites) : {},
    );
    const guard = startGuard({
      win: window,
      adapter,
      policy: () => policy,
      detector: currentDetector,
      loadUi: () => ui.load(),
      post: postRequest,
      signal: ctx.signal,
    });
  },
});
