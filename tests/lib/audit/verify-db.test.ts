import { describe, expect, it } from 'vitest';
import { verifyStoredChain } from '../../../lib/audit/verify-db.ts';
import { pruneBatch } from '../../../lib/audit/retention.ts';
import { emailEvent, freshDb, service } from './fixtures.ts';

async function logOf(count: number) {
  const db = freshDb();
  const audit = service(db);
  await Promise.all(Array.from({ length: count }, (_, i) => audit.record(emailEvent(`user${i}@gmail.com`))));
  return { db, audit };
}

describe('verifyStoredChain', () => {
  it('checks the whole log in chunks, reporting progress, and says where it ends', async () => {
    const { db } = await logOf(25);
    const progress: number[] = [];
    const verdict = await verifyStoredChain(db, { chunkSize: 10, onProgress: (done) => progress.push(done) });
    const last = (await db.events.get(25))!;
    expect(verdict).toEqual({ ok: true, events: 25, last: { id: 25, hash: last.hash }, anchor: { id: 0, hash: '0'.repeat(64) }, resumed: false });
    expect(progress).toEqual([10, 20, 25]);
  });

  it('finds an edited record in a later chunk', async () => {
    const { db } = await logOf(25);
    await db.events.update(17, { justification: 'edited afterwards' });
    expect(await verifyStoredChain(db, { chunkSize: 10 })).toMatchObject({ ok: false, id: 17, reason: expect.stringContaining('edited') });
  });

  it('resumes after an intact check: only new events are read, and a break in them is found', async () => {
    const { db, audit } = await logOf(20);
    const first = await verifyStoredChain(db);
    if (!first.ok) throw new Error(first.reason);
    await Promise.all(Array.from({ length: 5 }, (_, i) => audit.record(emailEvent(`late${i}@gmail.com`))));
    const resumed = await verifyStoredChain(db, { resumeFrom: { last: first.last, anchor: first.anchor } });
    expect(resumed).toMatchObject({ ok: true, events: 5, resumed: true, last: { id: 25 } });

    await db.events.update(23, { user: 'someone else' });
    expect(await verifyStoredChain(db, { resumeFrom: { last: first.last, anchor: first.anchor } })).toMatchObject({ ok: false, id: 23 });
  });

  it('notices when the event it resumes from has been removed', async () => {
    const { db, audit } = await logOf(10);
    const first = await verifyStoredChain(db);
    if (!first.ok) throw new Error(first.reason);
    await audit.record(emailEvent('late@gmail.com'));
    await db.events.delete(10);
    expect(await verifyStoredChain(db, { resumeFrom: { last: first.last, anchor: first.anchor } })).toMatchObject({ ok: false, id: 10 });
  });

  it('checks the whole log again when retention has moved the anchor since', async () => {
    const { db } = await logOf(10);
    const first = await verifyStoredChain(db);
    if (!first.ok) throw new Error(first.reason);
    await pruneBatch(db, { retentionDays: 3650, maxEvents: 6 }, Date.now());
    const again = await verifyStoredChain(db, { resumeFrom: { last: first.last, anchor: first.anchor } });
    expect(again).toMatchObject({ ok: true, events: 6, resumed: false, anchor: { id: 4 } });
  });
});
