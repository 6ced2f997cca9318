import { z } from 'zod';

// Extension pages and service workers forbid eval under their CSP; Zod's JIT would probe
// `Function('')` on first parse and trip a CSP violation. Interpreted parsing is fast enough for
// our messages and policies. Imported for its effect by the modules that define our schemas.
z.config({ jitless: true });
