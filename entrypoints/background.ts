import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Services are wired in by their own modules (policy, audit, messaging).
});
