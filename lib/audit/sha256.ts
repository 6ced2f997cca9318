import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Hex SHA-256 of a string. Synchronous (@noble/hashes) rather than WebCrypto: the hash chain forces
 * one digest after another, and each awaited `crypto.subtle.digest` costs a round trip through the
 * event loop — measured as the cap on audit writes (issue 6, ≥ 5,000 events/s). The result is the
 * same SHA-256, so exported chains verify with any other implementation.
 */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Kept async so callers need not care which implementation runs. */
export async function sha256Hex(text: string): Promise<string> {
  return sha256HexSync(text);
}
