import { AuditEventInputSchema, type AuditEventInput, type FindingSummary } from '../messaging/protocol.ts';
import { policyFingerprint } from '../policy/fingerprint.ts';
import type { Policy } from '../policy/schema.ts';
import type { StoredFinding, UnhashedEvent } from './event.ts';
import { maskContact } from './mask.ts';
import { redactSnippet } from './redact.ts';
import { sha256Hex } from './sha256.ts';

export interface EventContext {
  policy: Policy;
  time: number;
  user: string;
  account?: string;
  /** Per-database secret so that hashed contacts cannot be looked up in a precomputed table. */
  salt: string;
  /** Optional memo of salted hashes: the same few personal contacts recur in most events. */
  hashCache?: Map<string, string>;
  /** Optional memo of masked forms, for the same reason: masking a phone parses it with its metadata. */
  maskCache?: Map<string, string>;
}

const HASH_CACHE_LIMIT = 10_000;

function remember(cache: Map<string, string> | undefined, key: string, value: string): string {
  if (cache) {
    if (cache.size >= HASH_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }
  return value;
}

function cachedMask(context: EventContext, kind: FindingSummary['kind'], normalized: string): string {
  const key = `${kind}:${normalized}`;
  return context.maskCache?.get(key) ?? remember(context.maskCache, key, maskContact(kind, normalized));
}

async function cachedSaltedHash(context: EventContext, value: string): Promise<string> {
  const cache = context.hashCache;
  const hit = cache?.get(value);
  if (hit) return hit;
  return remember(cache, value, await saltedHash(context.salt, value));
}

/** Everything of an event except its place in the chain (id, prevHash) and its hash. */
export type EventBody = Omit<UnhashedEvent, 'id' | 'prevHash'>;

export function saltedHash(salt: string, value: string): Promise<string> {
  return sha256Hex(`${salt}:${value}`);
}

/** `Ivan <ivan@Client.ru>` → `client.ru`. Only domains are kept: who the client is, not who at the client. */
export function recipientDomain(recipient: string): string | undefined {
  const match = /@([^\s@<>"',;]+)/u.exec(recipient);
  const domain = match?.[1]?.toLowerCase().replace(/\.$/u, '');
  return domain && domain.includes('.') ? domain : undefined;
}

export async function buildEventBody(raw: AuditEventInput, context: EventContext): Promise<EventBody> {
  // Parsed again here: the service is the last line before the database, whatever its caller did.
  const input = AuditEventInputSchema.parse(raw);
  const { storeValues, snippetChars } = context.policy.audit;
  const masks = input.findings.map((f) => ({ raw: f.value, masked: cachedMask(context, f.kind, f.normalized) }));
  const findings: StoredFinding[] = await Promise.all(
    input.findings.map(async (finding, index): Promise<StoredFinding> => {
      const contactKey = await cachedSaltedHash(context, finding.normalized);
      const masked = masks[index]!.masked;
      const stored =
        storeValues === 'full'
          ? { value: finding.value, contact: finding.normalized }
          : storeValues === 'masked'
            ? { value: masked, contact: masked }
            : { value: await cachedSaltedHash(context, finding.value), contact: contactKey };
      return {
        kind: finding.kind,
        verdict: finding.verdict,
        action: finding.action,
        ...stored,
        contactKey,
        valueMode: storeValues,
        snippet: redactSnippet(finding.snippet, masks[index]!, masks.filter((_, i) => i !== index), snippetChars),
      };
    }),
  );
  const domains = [...new Set(input.recipients.map(recipientDomain).filter((d): d is string => d !== undefined))].sort();
  return {
    time: context.time,
    ...(input.at !== undefined ? { clientTime: input.at } : {}),
    user: context.user,
    ...(context.account ? { account: context.account } : {}),
    site: input.site.toLowerCase(),
    origin: input.origin,
    adapter: input.adapter,
    organization: context.policy.organization,
    policyVersion: context.policy.version,
    policyFingerprint: policyFingerprint(context.policy),
    decision: input.decision,
    ...(input.justification !== undefined ? { justification: input.justification } : {}),
    findings,
    kinds: [...new Set(findings.map((f) => f.kind))].sort(),
    contactKeys: [...new Set(findings.map((f) => f.contactKey))],
    recipientDomains: domains,
  };
}
