import { z } from 'zod';
import '../zod-jitless.ts';
import { DiagnosticSchema } from '../messaging/protocol.ts';

/** storage.local key of the log; extension pages watch it to show problems as they arrive. */
export const DIAGNOSTICS_KEY = 'diagnostics.log';

/** The most entries kept: enough to see a pattern, small enough for storage.local and the options page. */
export const DIAGNOSTICS_CAP = 200;

/**
 * One problem our content script had on a page (issue 4: "failures are logged"). Repeats of the
 * same problem are one entry with a count, so a site redesign that breaks an adapter on every page
 * load cannot push every other problem out of the log.
 */
export const DiagnosticEntrySchema = DiagnosticSchema.extend({
  /** First and latest time (ms since epoch, background clock). */
  firstAt: z.number(),
  at: z.number(),
  count: z.number().int().positive(),
});
export type DiagnosticEntry = z.infer<typeof DiagnosticEntrySchema>;

export const DiagnosticLogSchema = z.array(DiagnosticEntrySchema);

/**
 * Reads a stored log defensively: anything unreadable (an older shape, a hand-edited value) is
 * dropped entry by entry, never the whole log.
 */
export function parseDiagnosticLog(stored: unknown): DiagnosticEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = DiagnosticEntrySchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
