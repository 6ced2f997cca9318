import { defineContentScript } from 'wxt/utils/define-content-script';
import { createDetector } from '../../lib/detect/index.ts';
import { postRequest } from '../../lib/messaging/client.ts';
import { requestPolicyState, watchPolicyState } from '../../lib/policy/browser-policy-client.ts';
import type { Policy } from '../../lib/policy/schema.ts';
import { withGenericFallback } from '../../lib/sites/fallback.ts';
import { BUILT_IN_CONTENT_MATCHES, pickAdapter } from '../../lib/sites/registry.ts';
import { startGuard, type DetectorLike } from './guard.ts';

/**
 * Compose content script: on the built-in webmail hosts (manifest) and on hosts the policy lists
 * (registered at runtime by the background, same file). Wiring only: pick the site adapter, bind
 * the detector to the policy, start the guard; everything stops when the context is invalidated.
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
    let detector: DetectorLike = createDetector(policy) as DetectorLike;

    watchPolicyState((next) => {
      policy = next.policy as Policy;
      detector = createDetector(policy) as DetectorLike;
      guard.rescan();
    }, ctx.signal);

    const adapter = withGenericFallback(choice.adapter, (count) =>
      postRequest({
        type: 'diagnostic/record',
        diagnostic: {
          level: 'warn',
          site: location.host,
          adapter: choice.adapter.name,
          message: `${choice.adapter.name} selectors found no composer; the generic adapter protects ${count} composer(s) instead (site redesign?)`,
        },
      }),
    );
    const guard = startGuard({
      win: window,
      adapter,
      policy: () => policy,
      detector: () => detector,
      post: postRequest,
      signal: ctx.signal,
    });
  },
});
