import { RouterError, type Handlers } from './router.ts';

/** Where the background injects a script: the asking content script's own frame. */
export interface InjectTarget {
  tabId: number;
  frameId: number;
}

/**
 * `compose/load-ui`: the compose content script found a composer and needs its on-demand half
 * (detector and Send dialog). Injected into the sender's frame only, so it lands in that content
 * script's isolated world; a sender without a tab (an extension page) is refused.
 */
export function composeUiHandlers(inject: (target: InjectTarget) => Promise<unknown>): Handlers {
  return {
    'compose/load-ui': async (_request, sender) => {
      if (sender.tabId === undefined) throw new RouterError('compose/load-ui: the sender has no tab');
      await inject({ tabId: sender.tabId, frameId: sender.frameId ?? 0 });
      return { ok: true };
    },
  };
}
