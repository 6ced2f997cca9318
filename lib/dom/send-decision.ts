import type { Decision, FindingSummary, Request } from '../messaging/protocol.ts';

/** The event exactly as `audit/record` carries it (defaults applied). */
export type AuditRecordEvent = Extract<Request, { type: 'audit/record' }>['event'];
import type { Policy } from '../policy/schema.ts';

/**
 * What happens to a send, given the detector's findings and the policy. Pure: the content script
 * calls it synchronously inside the capture-phase handler, so it must stay cheap.
 */

/** The detector's finding, as far as the browser side needs it (lib/detect owns the full type). */
export interface FindingLike {
  kind: 'email' | 'phone' | 'messenger';
  value: string;
  normalized: string;
  start: number;
  end: number;
  verdict: 'corporate' | 'client' | 'personal' | 'external';
  action: 'allow' | 'warn' | 'block';
  reason: string;
  reasonCode?: string;
  suggestion?: string;
  network?: string;
}

export type SendDecision =
  | { kind: 'pass' }
  /** Monitor mode: the send goes on; the event is only logged. */
  | { kind: 'monitor'; flagged: FindingLike[] }
  | {
      kind: 'dialog';
      flagged: FindingLike[];
      /** Send anyway with a justification: warn mode, or block mode with override allowed. */
      canSendAnyway: boolean;
      /** Block mode without override: the flagged text cannot be sent at all. */
      blocked: boolean;
    };

export function flaggedOf<F extends FindingLike>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.action === 'warn' || f.action === 'block');
}

export function decideSend(findings: readonly FindingLike[], policy: Pick<Policy, 'mode' | 'allowOverride'>): SendDecision {
  const flagged = flaggedOf(findings);
  if (flagged.length === 0) return { kind: 'pass' };
  if (policy.mode === 'monitor') return { kind: 'monitor', flagged };
  const blocked = policy.mode === 'block' && !policy.allowOverride;
  return { kind: 'dialog', flagged, canSendAnyway: !blocked, blocked };
}

/** The corporate contact offered instead of a finding: the detector's own suggestion, else the policy's. */
export function suggestionFor(finding: FindingLike, policy: Pick<Policy, 'suggestion'>): string | undefined {
  if (finding.suggestion) return finding.suggestion;
  const s = policy.suggestion ?? {};
  if (finding.kind === 'messenger') return s.messenger ? messengerDisplay(s.messenger) : undefined;
  return finding.kind === 'email' ? s.email : s.phone;
}

/** `telegram:acme_support` reads as `@acme_support` in Telegram's own convention; other networks keep the id. */
function messengerDisplay(contact: string): string {
  const [network, ...rest] = contact.split(':');
  const id = rest.join(':');
  if (network === 'telegram') return `t.me/${id.replace(/^@/u, '')}`;
  if (network === 'whatsapp') return `wa.me/${id.replace(/\D/gu, '')}`;
  return id;
}

/** Text around a finding: `chars` characters each side (policy.audit.snippetChars). */
export function snippetAround(text: string, start: number, end: number, chars: number): string {
  if (chars <= 0) return text.slice(start, end);
  return text.slice(Math.max(0, start - chars), Math.min(text.length, end + chars));
}

export function summarize(findings: readonly FindingLike[], text: string, snippetChars: number): FindingSummary[] {
  return findings.slice(0, 200).map((f) => ({
    kind: f.kind,
    value: f.value.slice(0, 500),
    normalized: f.normalized.slice(0, 500),
    verdict: f.verdict,
    action: f.action,
    snippet: snippetAround(text, f.start, f.end, snippetChars).slice(0, 1000),
  }));
}

export interface AuditContext {
  site: string;
  origin: string;
  adapter: string;
  recipients: string[];
  snippetChars: number;
}

export function auditEvent(
  decision: Decision,
  ctx: AuditContext,
  scans: readonly { text: string; findings: readonly FindingLike[] }[],
  extra: { justification?: string; at?: number } = {},
): AuditRecordEvent {
  return {
    decision,
    site: ctx.site.slice(0, 300),
    origin: ctx.origin.slice(0, 300),
    adapter: ctx.adapter.slice(0, 50),
    findings: scans.flatMap((s) => summarize(s.findings, s.text, ctx.snippetChars)).slice(0, 200),
    recipients: ctx.recipients.slice(0, 500).map((r) => r.slice(0, 320)),
    ...(extra.justification !== undefined ? { justification: extra.justification.slice(0, 2000) } : {}),
    at: extra.at,
  };
}

/** Text around a finding for the dialog: what the user sees quoted, cut at word boundaries. */
export function contextAround(text: string, start: number, end: number, chars = 40): { before: string; match: string; after: string } {
  let from = Math.max(0, start - chars);
  let to = Math.min(text.length, end + chars);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  const clean = (s: string) => s.replace(/\s+/gu, ' ');
  return {
    before: (from > 0 ? '…' : '') + clean(text.slice(from, start)),
    match: text.slice(start, end),
    after: clean(text.slice(end, to)) + (to < text.length ? '…' : ''),
  };
}
