import { canonicalJSON } from './canonical-json.ts';
import { sha256Hex } from './sha256.ts';
import { GENESIS_ANCHOR, type ChainAnchor, type StoredEvent, type UnhashedEvent } from './event.ts';

/**
 * Tamper evidence (issue 6): every event carries the hash of the one before it, and its own hash
 * covers that link, so an edited, deleted or inserted record breaks the chain at that point.
 */

export function hashEvent(event: UnhashedEvent): Promise<string> {
  return sha256Hex(event.prevHash + canonicalJSON(event));
}

export async function sealEvent(event: UnhashedEvent): Promise<StoredEvent> {
  return { ...event, hash: await hashEvent(event) };
}

/**
 * An event left out of a filtered export: its link hashes stay so the span remains verifiable,
 * its content does not.
 */
export interface OmittedEvent {
  id: number;
  prevHash: string;
  hash: string;
  omitted: true;
}

export type ChainItem = StoredEvent | OmittedEvent;

export type ChainVerdict =
  | { ok: true; events: number; omitted: number }
  | { ok: false; index: number; id: number | undefined; reason: string };

function isOmitted(item: ChainItem): item is OmittedEvent {
  return (item as OmittedEvent).omitted === true;
}

function stripHash(event: StoredEvent): UnhashedEvent {
  const { hash: _hash, ...rest } = event;
  return rest;
}

/**
 * Checks `items` (in chain order) against the anchor they claim to follow. Pure: reads nothing
 * but its arguments. Hashes are computed in parallel chunks because each event's hash depends
 * only on its own stored fields; the links are then checked in order.
 */
export async function verifyChain(items: readonly ChainItem[], anchor: ChainAnchor | null = GENESIS_ANCHOR): Promise<ChainVerdict> {
  const start = anchor ?? GENESIS_ANCHOR;
  const CHUNK = 2_000;
  let previous: { id: number; hash: string } = start;
  let omitted = 0;
  for (let offset = 0; offset < items.length; offset += CHUNK) {
    const slice = items.slice(offset, offset + CHUNK);
    const computed = await Promise.all(slice.map((item) => (isOmitted(item) ? Promise.resolve(item.hash) : hashEvent(stripHash(item)))));
    for (let i = 0; i < slice.length; i++) {
      const item = slice[i]!;
      const index = offset + i;
      const fail = (reason: string): ChainVerdict => ({ ok: false, index, id: item.id, reason });
      if (item.id !== previous.id + 1) {
        return fail(
          item.id <= previous.id
            ? `id ${item.id} does not follow id ${previous.id} (record inserted or reordered)`
            : `ids ${previous.id + 1}–${item.id - 1} are missing (records deleted)`,
        );
      }
      if (item.prevHash !== previous.hash) return fail(`prevHash does not match the hash of the record before (id ${previous.id})`);
      if (isOmitted(item)) omitted++;
      else if (computed[i] !== item.hash) return fail('hash does not match the record content (record edited)');
      previous = item;
    }
  }
  return { ok: true, events: items.length - omitted, omitted };
}
