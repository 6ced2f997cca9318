import { z } from 'zod';
import '../zod-jitless.ts';
import { DECISIONS } from '../messaging/protocol.ts';
import { AUDIT_VALUE_STORAGE } from '../policy/schema.ts';

/**
 * The shape of one stored audit event. The same schema validates an exported JSON file, so the
 * CLI verifier and the viewer agree on what an event is (issue 6).
 */

export const StoredFindingSchema = z.object({
  kind: z.enum(['email', 'phone', 'messenger']),
  verdict: z.enum(['corporate', 'client', 'personal', 'external']),
  action: z.enum(['allow', 'warn', 'block']),
  /** The contact as written, stored as `valueMode` says (the policy setting at the time of writing). */
  value: z.string(),
  /** The normalized contact in the same form as `value`: what the auditor reads. */
  contact: z.string(),
  /** Salted hash of the normalized contact: groups repeats without revealing the contact. */
  contactKey: z.string(),
  valueMode: z.enum(AUDIT_VALUE_STORAGE),
  snippet: z.string(),
});
export type StoredFinding = z.infer<typeof StoredFindingSchema>;

const HEX64 = /^[0-9a-f]{64}$/u;

export const StoredEventSchema = z.object({
  /** Position in the hash chain: 1, 2, 3 … without gaps. Also the Dexie primary key. */
  id: z.number().int().positive(),
  /** Background time (ms since epoch) when the event was written. */
  time: z.number(),
  /** Time the content script reported, if any; never trusted for ordering. */
  clientTime: z.number().optional(),
  user: z.string(),
  account: z.string().optional(),
  site: z.string(),
  origin: z.string(),
  adapter: z.string(),
  organization: z.string(),
  policyVersion: z.number(),
  /** Which exact policy was in force (lib/policy/fingerprint.ts); absent in events written before it existed. */
  policyFingerprint: z.string().optional(),
  decision: z.enum(DECISIONS),
  justification: z.string().optional(),
  findings: z.array(StoredFindingSchema),
  /** Derived for multiEntry indexes. */
  kinds: z.array(z.string()),
  contactKeys: z.array(z.string()),
  recipientDomains: z.array(z.string()),
  prevHash: z.string().regex(HEX64),
  hash: z.string().regex(HEX64),
});
export type StoredEvent = z.infer<typeof StoredEventSchema>;
export type UnhashedEvent = Omit<StoredEvent, 'hash'>;

/** Where a chain starts after pruning: the id and hash of the last removed event. */
export const ChainAnchorSchema = z.object({ id: z.number().int().min(0), hash: z.string().regex(HEX64) });
export type ChainAnchor = z.infer<typeof ChainAnchorSchema>;

/** prevHash of the very first event ever written. */
export const GENESIS_HASH = '0'.repeat(64);
export const GENESIS_ANCHOR: ChainAnchor = { id: 0, hash: GENESIS_HASH };
