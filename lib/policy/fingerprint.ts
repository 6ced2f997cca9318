import { canonicalJSON } from '../audit/canonical-json.ts';
import { sha256HexSync } from '../audit/sha256.ts';
import type { Policy } from './schema.ts';

/**
 * A short, stable name for one exact policy: the first 12 hex digits of the SHA-256 of its
 * canonical JSON. The schema's `version` is the format's version and never changes, so an
 * auditor needs this to tell which revision of the admin's policy was in force for an event;
 * `channel-guard policy validate` prints the same fingerprint for a file.
 */
const memo = new WeakMap<object, string>();

export function policyFingerprint(policy: Policy): string {
  let fingerprint = memo.get(policy);
  if (!fingerprint) {
    fingerprint = sha256HexSync(canonicalJSON(policy)).slice(0, 12);
    memo.set(policy, fingerprint);
  }
  return fingerprint;
}
