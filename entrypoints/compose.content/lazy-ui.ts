import type { ExtractedDocument } from '../../lib/dom/extract.ts';
import type { FindingLike } from '../../lib/dom/send-decision.ts';
import type { Policy } from '../../lib/policy/schema.ts';
import type { ShowSendDialog } from '../compose-ui/dialog-host.tsx';

/**
 * The compose script's on-demand half: the detection engine (libphonenumber's metadata, the
 * free-mail list) and the React Send dialog, about 75% of the code. The manifest content script
 * runs on every page of a protected site; this half is injected by the background
 * (`compose/load-ui`) into the same isolated world only when a composer appears, and registers
 * itself on `globalThis[COMPOSE_UI_GLOBAL]` — invisible to the page, which has its own world.
 * Issue 4's budget: content script under 250 KB minified, Send → dialog unchanged.
 */
export const COMPOSE_UI_GLOBAL = '__channelGuardUi';

export interface DetectorLike {
  scanDocument(doc: ExtractedDocument, options: { recipients: string[] }): FindingLike[];
}

export interface ComposeUi {
  createDetector(policy: Policy): DetectorLike;
  showSendDialog: ShowSendDialog;
}

export interface ComposeUiLoader {
  /** The loaded half, or null while it is not there yet. */
  current(): ComposeUi | null;
  /** Loads it once (concurrent callers share the request); a failed load is tried again by the next caller. */
  load(): Promise<ComposeUi>;
}

/** `inject` asks the background to run compose-ui.js in this frame; `scope` is the isolated world's global. */
export function createComposeUiLoader(scope: object, inject: () => Promise<unknown>): ComposeUiLoader {
  let pending: Promise<ComposeUi> | null = null;
  const current = (): ComposeUi | null => {
    const ui = (scope as Record<string, unknown>)[COMPOSE_UI_GLOBAL] as Partial<ComposeUi> | undefined;
    return ui && typeof ui.createDetector === 'function' && typeof ui.showSendDialog === 'function' ? (ui as ComposeUi) : null;
  };
  return {
    current,
    load() {
      const ready = current();
      if (ready) return Promise.resolve(ready);
      pending ??= inject()
        .then(() => {
          const ui = current();
          if (!ui) throw new Error(`compose-ui.js was injected but ${COMPOSE_UI_GLOBAL} is missing`);
          return ui;
        })
        .catch((error: unknown) => {
          pending = null;
          throw error;
        });
      return pending;
    },
  };
}
