import { verifyChain } from './chain.ts';
import type { AuditDb } from './db.ts';
import { GENESIS_ANCHOR, type ChainAnchor, type StoredEvent } from './event.ts';

export type StoredChainVerdict =
  | {
      ok: true;
      /** Events checked by this call. */
      events: number;
      /** The last event checked (the anchor when there were none): where a later check can resume. */
      last: ChainAnchor;
      /** The database's anchor at the time of the check. */
      anchor: ChainAnchor;
      /** True when only the events after `resumeFrom` were checked. */
      resumed: boolean;
    }
  | { ok: false; id: number | undefined; reason: string };

export interface VerifyStoredOptions {
  onProgress?: (done: number) => void;
  chunkSize?: number;
  /**
   * A point an earlier check of this database found intact (its `last`, with the `anchor` it
   * started from). Only the events after it are read and hashed, as long as retention has not
   * moved the anchor since; otherwise the whole log is checked. The viewer re-checks each time
   * the background writes, and 100,000 events take seconds to hash, new ones milliseconds.
   */
  resumeFrom?: { last: ChainAnchor; anchor: ChainAnchor };
}

function sameAnchor(a: ChainAnchor, b: ChainAnchor): boolean {
  return a.id === b.id && a.hash === b.hash;
}

/**
 * Verifies the stored log from its anchor (or `resumeFrom`) to its head, a chunk at a time so the
 * viewer can show progress on 100,000 events. The next chunk is read while the current one is
 * hashed, so reading and hashing overlap. The head record catches events removed from the end,
 * which the links alone cannot show.
 */
export async function verifyStoredChain(db: AuditDb, options: VerifyStoredOptions = {}): Promise<StoredChainVerdict> {
  const { onProgress, chunkSize = 5_000, resumeFrom } = options;
  const [anchorMeta, headMeta] = await Promise.all([db.meta.get('anchor'), db.meta.get('head')]);
  const anchor: ChainAnchor = anchorMeta?.key === 'anchor' ? anchorMeta.value : GENESIS_ANCHOR;
  const resume = resumeFrom && sameAnchor(resumeFrom.anchor, anchor) && resumeFrom.last.id >= anchor.id ? resumeFrom.last : undefined;
  if (resume && resume.id !== anchor.id) {
    // New events link to the resume point's hash whether or not that event is still stored, so
    // check that it is, unchanged; the events before it were checked by the earlier call.
    const still = await db.events.get(resume.id);
    if (!still || still.hash !== resume.hash) return { ok: false, id: resume.id, reason: `event ${resume.id}, found intact before, is gone or changed` };
  }
  let previous: ChainAnchor = resume ?? anchor;
  let done = 0;
  const read = (after: number) => db.events.where('id').above(after).limit(chunkSize).toArray();
  let pending: Promise<StoredEvent[]> = read(previous.id);
  for (;;) {
    const events = await pending;
    if (events.length === 0) break;
    const last = events[events.length - 1]!;
    pending = events.length < chunkSize ? Promise.resolve([]) : read(last.id);
    const verdict = await verifyChain(events, previous);
    if (!verdict.ok) {
      // Let the read already in flight finish before returning, so nothing outlives the call.
      await pending.catch(() => undefined);
      return { ok: false, id: verdict.id, reason: verdict.reason };
    }
    previous = { id: last.id, hash: last.hash };
    done += events.length;
    onProgress?.(done);
  }
  const head = headMeta?.key === 'head' ? headMeta.value : undefined;
  if (head && (head.id !== previous.id || head.hash !== previous.hash)) {
    return { ok: false, id: previous.id, reason: `the log ends at event ${previous.id} but was last written at event ${head.id} (events removed from the end)` };
  }
  return { ok: true, events: done, last: previous, anchor, resumed: resume !== undefined };
}
