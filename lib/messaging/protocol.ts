import { z } from 'zod';
import '../zod-jitless.ts';

/**
 * Every message exchanged between extension parts. The receiving side parses with
 * `parseRequest` and rejects anything else, so a compromised or buggy page context can never
 * push arbitrary data into the audit log or the policy store.
 */

export const FindingSummarySchema = z.object({
  kind: z.enum(['email', 'phone', 'messenger']),
  /** As written in the draft. The background masks or hashes it per `policy.audit.storeValues`. */
  value: z.string().max(500),
  normalized: z.string().max(500),
  verdict: z.enum(['corporate', 'client', 'personal', 'external']),
  action: z.enum(['allow', 'warn', 'block']),
  /** Text around the finding, at most `policy.audit.snippetChars` each side; redacted again by the background. */
  snippet: z.string().max(1000).default(''),
});
export type FindingSummary = z.infer<typeof FindingSummarySchema>;

export const DECISIONS = [
  'detected', // shown to the user, no decision yet (e.g. typing marker or dialog opened)
  'replaced', // Replace with corporate contact, then sent
  'edited', // went back to the draft
  'sent-anyway', // overrode with a justification
  'false-positive', // "Not a personal contact", with the user's reason; message sent
  'blocked', // block mode, no override: the send was stopped
  'monitored', // monitor mode: sent, only logged
  'cancelled', // dialog dismissed (Escape / close) without sending
] as const;
export type Decision = (typeof DECISIONS)[number];

export const AuditEventInputSchema = z.object({
  decision: z.enum(DECISIONS),
  /** Host of the tab, e.g. mail.google.com */
  site: z.string().max(300),
  origin: z.string().max(300),
  adapter: z.string().max(50),
  findings: z.array(FindingSummarySchema).max(200),
  /** Full recipient addresses; the background keeps only their domains. */
  recipients: z.array(z.string().max(320)).max(500).default([]),
  justification: z.string().max(2000).optional(),
  /** Client-side time of the decision (ms since epoch); the background stamps its own time too. */
  at: z.number().optional(),
});
export type AuditEventInput = z.input<typeof AuditEventInputSchema>;

/** Reports of our own failures on a page (adapter fell back, exception while scanning). */
export const DiagnosticSchema = z.object({
  level: z.enum(['info', 'warn', 'error']),
  site: z.string().max(300),
  adapter: z.string().max(50),
  message: z.string().max(2000),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const RequestSchema = z.discriminatedUnion('type', [
  /** Content script / pages: the effective policy and its state. */
  z.object({ type: z.literal('policy/get') }),
  /** Content script: a detection or a user decision for the audit log. */
  z.object({ type: z.literal('audit/record'), event: AuditEventInputSchema }),
  /** Content script: our own failure on a page, for the admin (never blocks the user). */
  z.object({ type: z.literal('diagnostic/record'), diagnostic: DiagnosticSchema }),
  /**
   * Content script: inject the compose script's on-demand half (detection engine and Send dialog,
   * `/compose-ui.js`) into the sender's frame. Kept out of the manifest content script so pages
   * where nobody composes never load React, libphonenumber's metadata or the free-mail list.
   */
  z.object({ type: z.literal('compose/load-ui') }),
  /** Content script: which adapter protects this tab (for the popup). */
  z.object({ type: z.literal('tab/status'), adapter: z.string().max(50), composers: z.number().int().min(0) }),
  /** Popup: status of the given tab plus today's counts. */
  z.object({ type: z.literal('popup/status'), tabId: z.number().int() }),
  /** Options page: a local (user) change to fields the admin left editable. */
  z.object({ type: z.literal('policy/set-local'), local: z.record(z.string(), z.unknown()) }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

export type ParseResult = { ok: true; request: Request } | { ok: false; error: string };

export function parseRequest(raw: unknown): ParseResult {
  const parsed = RequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; '),
  };
}
