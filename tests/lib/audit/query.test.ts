import { beforeAll, describe, expect, it } from 'vitest';
import { queryEventIds } from '../../../lib/audit/query.ts';
import type { AuditDb } from '../../../lib/audit/db.ts';
import type { AuditEventInput } from '../../../lib/messaging/protocol.ts';
import { clock, emailEvent, freshDb, phoneEvent, policy, service } from './fixtures.ts';

const DAY = 86_400_000;
let db: AuditDb;
let start: number;

/** 40 events: 4 users × 10 days, alternating sites, decisions and kinds. */
beforeAll(async () => {
  db = freshDb();
  const time = clock();
  start = time.now();
  const users = ['anna', 'boris', 'chie', 'dmitry'];
  for (let day = 0; day < 10; day++) {
    for (const [u, user] of users.entries()) {
      const audit = service(db, { now: time.now, policy: policy({ userLabel: user }, { storeValues: 'full' }) });
      const overrides: Partial<AuditEventInput> = {
        site: u % 2 ? 'mail.yandex.ru' : 'mail.google.com',
        decision: day % 2 ? 'blocked' : 'sent-anyway',
        recipients: [`client@${user}-client.ru`],
        justification: day === 7 && user === 'chie' ? 'Клиент попросил WhatsApp' : 'x',
      };
      await audit.record(u === 3 ? emailEvent(`${user}@gmail.com`, overrides) : phoneEvent(overrides));
      time.advance(1_000);
    }
    time.advance(DAY);
  }
});

async function all() {
  return db.events.toArray();
}

describe('queryEventIds', () => {
  it('returns everything, newest first, with no filter', async () => {
    const ids = await queryEventIds(db, {});
    expect(ids).toHaveLength(40);
    expect(ids[0]).toBe(40);
    expect(ids[39]).toBe(1);
  });

  it.each([
    ['user', { user: 'boris' }, (e: { user: string }) => e.user === 'boris'],
    ['site', { site: 'mail.yandex.ru' }, (e: { site: string }) => e.site === 'mail.yandex.ru'],
    ['decision', { decision: 'blocked' as const }, (e: { decision: string }) => e.decision === 'blocked'],
    ['kind', { kind: 'email' as const }, (e: { kinds: string[] }) => e.kinds.includes('email')],
    ['recipient domain', { recipientDomain: 'anna-client.ru' }, (e: { recipientDomains: string[] }) => e.recipientDomains.includes('anna-client.ru')],
  ])('filters by %s through its index', async (_name, filter, predicate) => {
    const expected = (await all()).filter(predicate as (e: unknown) => boolean).map((e) => e.id).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(40);
    expect((await queryEventIds(db, filter, { field: 'time', direction: 'asc' }))).toEqual(expected);
  });

  it('combines a date range with user and decision', async () => {
    const from = start + 2 * DAY;
    const to = start + 6 * DAY;
    const ids = await queryEventIds(db, { from, to, user: 'anna', decision: 'sent-anyway' }, { field: 'time', direction: 'asc' });
    const expected = (await all())
      .filter((e) => e.time >= from && e.time <= to && e.user === 'anna' && e.decision === 'sent-anyway')
      .map((e) => e.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it('filters by a date range alone', async () => {
    const ids = await queryEventIds(db, { from: start + 9 * DAY }, { field: 'time', direction: 'asc' });
    expect(ids).toEqual([37, 38, 39, 40]);
  });

  it('finds events by a contact key (the same contact across users)', async () => {
    const [event] = await db.events.where('user').equals('anna').limit(1).toArray();
    const key = event!.findings[0]!.contactKey;
    const ids = await queryEventIds(db, { contactKey: key });
    expect(ids).toHaveLength(30); // anna, boris, chie share the phone; dmitry writes an email
  });

  it('searches free text case-insensitively, inside the filter', async () => {
    expect(await queryEventIds(db, { text: 'клиент попросил' })).toEqual([(await all()).find((e) => e.justification?.startsWith('Клиент'))!.id]);
    expect(await queryEventIds(db, { text: 'DMITRY@gmail', decision: 'blocked' })).toHaveLength(5);
    expect(await queryEventIds(db, { text: 'no such text anywhere' })).toEqual([]);
  });

  it('sorts by site, then by id within a site', async () => {
    const ids = await queryEventIds(db, { user: 'anna' }, { field: 'site', direction: 'asc' });
    const events = await db.events.bulkGet(ids);
    expect(events.map((e) => e!.site)).toEqual([...events.map((e) => e!.site)].sort());
    const desc = await queryEventIds(db, { user: 'anna' }, { field: 'site', direction: 'desc' });
    expect(desc).toEqual([...ids].reverse());
  });
});
