import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AUDIT_SCHEMA_VERSIONS, openAuditDb, type AuditDb } from '../../../lib/audit/db.ts';
import type { StoredEvent } from '../../../lib/audit/event.ts';
import { queryEventIds } from '../../../lib/audit/query.ts';
import { pruneBatch } from '../../../lib/audit/retention.ts';
import { emailEvent, freshDb, phoneEvent, policy, service } from './fixtures.ts';

const ASC = { field: 'time', direction: 'asc' } as const;

/** Ids of stored events that `predicate` accepts: the expected answer, computed without the index. */
async function expected(db: AuditDb, predicate: (event: StoredEvent) => boolean): Promise<number[]> {
  return (await db.events.orderBy('id').toArray()).filter(predicate).map((event) => event.id);
}

async function seeded(storeValues: 'full' | 'masked' = 'full'): Promise<AuditDb> {
  const db = freshDb();
  const anna = service(db, { policy: policy({ userLabel: 'Anna Petrova' }, { storeValues }) });
  const boris = service(db, { policy: policy({ userLabel: 'boris@acme.example' }, { storeValues }) });
  await anna.record(phoneEvent({ recipients: ['ivan@mail.client-one.ru'], justification: 'Клиент попросил мобильный номер' }));
  await anna.record(emailEvent('Anna.Home@Gmail.com', { recipients: ['x@partner.example'], justification: '顧客の依頼で送信' }));
  await boris.record(phoneEvent({ decision: 'blocked', recipients: ['y@client-two.com'] }));
  await boris.record(
    phoneEvent({
      findings: [{ kind: 'messenger', value: 't.me/boris_k', normalized: 'telegram:boris_k', verdict: 'personal', action: 'warn', snippet: 'write t.me/boris_k' }],
      recipients: ['z@mail.client-one.ru'],
      justification: 'urgent request',
    }),
  );
  return db;
}

describe('free-text search through the word index', () => {
  it('finds events by a contact: phone as typed with spaces, e-mail, messenger handle', async () => {
    const db = await seeded();
    const phones = await expected(db, (e) => e.findings.some((f) => f.contact === '+79151234511'));
    expect(phones).toHaveLength(2);
    expect(await queryEventIds(db, { text: '+7 915 123-45' }, ASC)).toEqual(phones);
    expect(await queryEventIds(db, { text: '7915123' }, ASC)).toEqual(phones);
    expect(await queryEventIds(db, { text: 'anna.home@gmail' }, ASC)).toEqual(await expected(db, (e) => e.kinds.includes('email')));
    expect(await queryEventIds(db, { text: 'boris_k' }, ASC)).toEqual(await expected(db, (e) => e.kinds.includes('messenger')));
    expect(await queryEventIds(db, { text: 'telegram' }, ASC)).toEqual(await expected(db, (e) => e.kinds.includes('messenger')));
  });

  it('finds a masked contact in its masked form only', async () => {
    const db = await seeded('masked');
    const phones = await expected(db, (e) => e.findings.some((f) => f.kind === 'phone'));
    expect(await queryEventIds(db, { text: '+7 915' }, ASC)).toEqual(phones);
    expect(await queryEventIds(db, { text: '+7 915 123' }, ASC)).toEqual([]);
  });

  it('finds events by recipient domain, by its parent domain, and by site', async () => {
    const db = await seeded();
    const clientOne = await expected(db, (e) => e.recipientDomains.includes('mail.client-one.ru'));
    expect(clientOne).toHaveLength(2);
    expect(await queryEventIds(db, { text: 'mail.client-one' }, ASC)).toEqual(clientOne);
    expect(await queryEventIds(db, { text: 'CLIENT-ONE.ru' }, ASC)).toEqual(clientOne);
    expect(await queryEventIds(db, { text: 'client-two' }, ASC)).toEqual(await expected(db, (e) => e.recipientDomains.includes('client-two.com')));
    expect(await queryEventIds(db, { text: 'mail.google' }, ASC)).toEqual([1, 2, 3, 4]);
  });

  it('finds events by justification words (Cyrillic, Japanese), every word required', async () => {
    const db = await seeded();
    const russian = await expected(db, (e) => e.justification?.startsWith('Клиент') ?? false);
    expect(await queryEventIds(db, { text: 'попросил' }, ASC)).toEqual(russian);
    expect(await queryEventIds(db, { text: 'клиент моб' }, ASC)).toEqual(russian);
    expect(await queryEventIds(db, { text: 'клиент urgent' }, ASC)).toEqual([]);
    const japanese = await expected(db, (e) => e.justification?.includes('依頼') ?? false);
    expect(japanese).toHaveLength(1);
    expect(await queryEventIds(db, { text: '依頼' }, ASC)).toEqual(japanese);
    // Typed without spaces, as Japanese is: found by its words.
    expect(await queryEventIds(db, { text: '顧客の依頼' }, ASC)).toEqual(japanese);
  });

  it('finds events by user (any case, by name or e-mail domain) and by decision', async () => {
    const db = await seeded();
    const anna = await expected(db, (e) => e.user === 'Anna Petrova');
    expect(await queryEventIds(db, { text: 'petrova' }, ASC)).toEqual(anna);
    expect(await queryEventIds(db, { text: 'ANNA' }, ASC)).toEqual(anna);
    const boris = await expected(db, (e) => e.user === 'boris@acme.example');
    expect(await queryEventIds(db, { text: 'acme.example' }, ASC)).toEqual(boris);
    expect(await queryEventIds(db, { text: 'Boris@acme' }, ASC)).toEqual(boris);
    expect(await queryEventIds(db, { text: 'block' }, ASC)).toEqual(await expected(db, (e) => e.decision === 'blocked'));
  });

  it('combines text with the other filters and sorts', async () => {
    const db = await seeded();
    expect(await queryEventIds(db, { text: '+7 915', user: 'boris@acme.example' }, ASC)).toEqual(
      await expected(db, (e) => e.user === 'boris@acme.example' && e.kinds.includes('phone')),
    );
    expect(await queryEventIds(db, { text: 'client-one', decision: 'blocked' }, ASC)).toEqual([]);
    const bySite = await queryEventIds(db, { text: 'anna' }, { field: 'user', direction: 'desc' });
    expect([...bySite].sort()).toEqual(await expected(db, (e) => e.user === 'Anna Petrova'));
    expect(await queryEventIds(db, { text: '!!!' })).toEqual([]);
  });

  it('drops the search words of pruned events with them', async () => {
    const db = await seeded();
    await pruneBatch(db, { retentionDays: 3650, maxEvents: 2 }, Date.now());
    expect(await db.eventWords.orderBy('id').primaryKeys()).toEqual(await db.events.orderBy('id').primaryKeys());
    expect(await queryEventIds(db, { text: 'попросил' })).toEqual([]);
  });
});

describe('schema version 2', () => {
  it('fills the word index for events written before it existed', async () => {
    // Events as a version-1 database holds them: written by the current service elsewhere, then
    // copied into a database that only knows version 1.
    const source = await seeded();
    const events = await source.events.orderBy('id').toArray();
    const name = `audit-upgrade-${process.pid}-${Date.now()}`;
    const v1 = openAuditDb(name, undefined, AUDIT_SCHEMA_VERSIONS.slice(0, 1));
    await v1.events.bulkAdd(events);
    expect(v1.tables.map((table) => table.name).sort()).toEqual(['events', 'meta']);
    v1.close();

    const upgraded = openAuditDb(name);
    expect(await upgraded.eventWords.count()).toBe(events.length);
    expect(await upgraded.eventWords.orderBy('id').toArray()).toEqual(await source.eventWords.orderBy('id').toArray());
    expect(await queryEventIds(upgraded, { text: 'попросил' })).toEqual([1]);
    expect(await queryEventIds(upgraded, { text: 'boris_k' })).toEqual([4]);
    upgraded.close();
  });
});
