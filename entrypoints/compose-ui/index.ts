import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createDetector } from '../../lib/detect/index.ts';
import { COMPOSE_UI_GLOBAL, type ComposeUi, type DetectorLike } from '../compose.content/lazy-ui.ts';
import { showSendDialog } from './dialog-host.tsx';

/**
 * Built as /compose-ui.js and injected by the background (`compose/load-ui`) into a frame whose
 * compose content script found a composer. It runs in that script's isolated world and hands it
 * the detector and the Send dialog through a global (entrypoints/compose.content/lazy-ui.ts).
 */
export default defineUnlistedScript(() => {
  const ui: ComposeUi = {
    createDetector: (policy) => createDetector(policy) as DetectorLike,
    showSendDialog,
  };
  (globalThis as Record<string, unknown>)[COMPOSE_UI_GLOBAL] = ui;
});
