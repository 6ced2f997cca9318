import type { AuditSettings } from '../policy/schema.ts';
import type { AuditDb } from './db.ts';

const DAY_MS = 86_400_000;

/**
 * Removes at most `batchSize` of the oldest events that are past `retentionDays` or beyond
 * `maxEvents`, and records the last removed one as the chain anchor in the same transaction, so
 * the remaining chain still verifies. Only a prefix of the chain is ever removed: an event whose
 * clock was set back may outlive its retention by a little, but the chain never gets a hole.
 * Returns how many were removed; call again while it returns `batchSize`.
 */
export function pruneBatch(
  db: AuditDb,
  settings: Pick<AuditSettings, 'retentionDays' | 'maxEvents'>,
  now: number,
  batchSize = 1_000,
): Promise<number> {
  const cutoff = now - settings.retentionDays * DAY_MS;
  return db.transaction('rw', db.events, db.eventWords, db.meta, async () => {
    const excess = Math.max(0, (await db.events.count()) - settings.maxEvents);
    // The common case after a write: nothing to do, decided from one record instead of a batch.
    const first = await db.events.orderBy('id').first();
    if (!first || (excess === 0 && first.time >= cutoff)) return 0;
    const oldest = await db.events.orderBy('id').limit(batchSize).toArray();
    let remove = 0;
    while (remove < oldest.length && (remove < excess || oldest[remove]!.time < cutoff)) remove++;
    if (remove === 0) return 0;
    const last = oldest[remove - 1]!;
    await db.events.where('id').belowOrEqual(last.id).delete();
    await db.eventWords.where('id').belowOrEqual(last.id).delete();
    await db.meta.put({ key: 'anchor', value: { id: last.id, hash: last.hash } });
    return remove;
  });
}
