import { verifyChain } from './chain.ts';
import type { AuditDb } from './db.ts';
import { GENESIS_ANCHOR, type ChainAnchor } from './event.ts';
import { forEachEventChunk } from './query.ts';

export type StoredChainVerdict = { ok: true; events: number } | { ok: false; id: number | undefined; reason: string };

/**
 * Verifies the stored log from its anchor to its head, a chunk at a time so the viewer can show
 * progress on 100,000 events. The head record catches events removed from the end, which the
 * links alone cannot show.
 */
export async function verifyStoredChain(db: AuditDb, onProgress?: (done: number) => void, chunkSize = 5_000): Promise<StoredChainVerdict> {
  const [anchorMeta, headMeta] = await Promise.all([db.meta.get('anchor'), db.meta.get('head')]);
  let previous: ChainAnchor = anchorMeta?.key === 'anchor' ? anchorMeta.value : GENESIS_ANCHOR;
  let done = 0;
  let broken: StoredChainVerdict | undefined;
  await forEachEventChunk(db, chunkSize, async (events) => {
    if (broken) return;
    const verdict = await verifyChain(events, previous);
    if (!verdict.ok) {
      broken = { ok: false, id: verdict.id, reason: verdict.reason };
      return;
    }
    const last = events[events.length - 1]!;
    previous = { id: last.id, hash: last.hash };
    done += events.length;
    onProgress?.(done);
  });
  if (broken) return broken;
  const head = headMeta?.key === 'head' ? headMeta.value : undefined;
  if (head && (head.id !== previous.id || head.hash !== previous.hash)) {
    return { ok: false, id: previous.id, reason: `the log ends at event ${previous.id} but was last written at event ${head.id} (events removed from the end)` };
  }
  return { ok: true, events: done };
}
