import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../lib/audit/chain.ts';
import { pruneBatch } from '../../../lib/audit/retention.ts';
import type { AuditDb } from '../../../lib/audit/db.ts';
import { clock, freshDb, phoneEvent, policy, service } from './fixtures.ts';

const DAY = 86_400_000;

async function anchorOf(db: AuditDb) {
  const meta = await db.meta.get('anchor');
  return meta?.key === 'anchor' ? meta.value : null;
}

async function chainStillVerifies(db: AuditDb) {
  return verifyChain(await db.events.orderBy('id').toArray(), await anchorOf(db));
}

describe('retention', () => {
  it('removes events older than retentionDays and keeps the rest verifiable from the anchor', async () => {
    const db = freshDb();
    const time = clock();
    const audit = service(db, { now: time.now, policy: policy({}, { retentionDays: 30 }) });
    for (let day = 0; day < 10; day++) {
      await audit.record(phoneEvent({ justification: `day ${day}` }));
      time.advance(5 * DAY);
    }
    // now = start + 50 days: days 0..15 (ids 1..4) are past 30 days
    await audit.flush();
    // Retention also runs on its own after writes; whoever pruned, the outcome is the same.
    await audit.applyRetention();
    const left = await db.events.orderBy('id').toArray();
    expect(left.map((e) => e.id)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(await anchorOf(db)).toMatchObject({ id: 4 });
    expect(await chainStillVerifies(db)).toEqual({ ok: true, events: 6, omitted: 0 });
    // New writes continue the same chain after pruning.
    await audit.record(phoneEvent());
    expect(await chainStillVerifies(db)).toMatchObject({ ok: true, events: 7 });
  });

  it('keeps at most maxEvents, the oldest going first, in batches', async () => {
    const db = freshDb();
    const audit = service(db, { policy: policy({}, { maxEvents: 100 }) });
    await Promise.all(Array.from({ length: 250 }, () => audit.record(phoneEvent())));
    await audit.flush();
    await audit.applyRetention();
    expect(await db.events.count()).toBe(100);
    expect((await db.events.orderBy('id').first())!.id).toBe(151);
    expect(await chainStillVerifies(db)).toMatchObject({ ok: true, events: 100 });
  });

  it('prunes in batches of the given size', async () => {
    const db = freshDb();
    const audit = service(db);
    await Promise.all(Array.from({ length: 130 }, () => audit.record(phoneEvent())));
    await audit.flush();
    expect(await pruneBatch(db, { retentionDays: 180, maxEvents: 100 }, Date.now(), 20)).toBe(20);
    expect(await db.events.count()).toBe(110);
    expect(await chainStillVerifies(db)).toMatchObject({ ok: true });
  });

  it('only ever removes a prefix, so a young event never leaves a hole in the chain', async () => {
    const db = freshDb();
    const time = clock();
    const audit = service(db, { now: time.now, policy: policy({}, { retentionDays: 5 }) });
    await audit.record(phoneEvent()); // id 1 at day 0
    time.advance(20 * DAY);
    await audit.record(phoneEvent()); // id 2 at day 20: the clock ran ahead
    time.advance(-19 * DAY);
    await audit.record(phoneEvent()); // id 3 at day 1: and was set back
    time.advance(19 * DAY); // now: day 20 — ids 1 and 3 are past retention, id 2 is not
    await audit.applyRetention();
    expect((await db.events.orderBy('id').toArray()).map((e) => e.id)).toEqual([2, 3]);
    expect(await chainStillVerifies(db)).toMatchObject({ ok: true, events: 2 });
  });

  it('a pruned-away chain can be emptied and started again from its anchor', async () => {
    const db = freshDb();
    const time = clock();
    const audit = service(db, { now: time.now, policy: policy({}, { retentionDays: 1 }) });
    await audit.record(phoneEvent());
    await audit.record(phoneEvent());
    time.advance(3 * DAY);
    await audit.applyRetention();
    expect(await db.events.count()).toBe(0);
    expect(await audit.record(phoneEvent())).toEqual({ ok: true, id: 3 });
    expect(await chainStillVerifies(db)).toMatchObject({ ok: true, events: 1 });
  });

  it('runs on its own after enough writes, without the caller waiting', async () => {
    const db = freshDb();
    const audit = service(db, { policy: policy({}, { maxEvents: 100 }) });
    for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 250 }, () => audit.record(phoneEvent())));
    await audit.flush();
    await audit.applyRetention(); // joins the automatic run if one is going
    await audit.flush();
    expect(await db.events.count()).toBe(100);
  });
});
