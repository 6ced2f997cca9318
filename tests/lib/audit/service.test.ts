import { describe, expect, it, vi } from 'vitest';
import { verifyChain } from '../../../lib/audit/chain.ts';
import { saltedHash } from '../../../lib/audit/build-event.ts';
import { clock, emailEvent, freshDb, phoneEvent, policy, service } from './fixtures.ts';

async function storedSalt(db: ReturnType<typeof freshDb>): Promise<string> {
  const meta = await db.meta.get('salt');
  if (meta?.key !== 'salt') throw new Error('no salt stored');
  return meta.value;
}

describe('audit service: what is stored', () => {
  it('stores masked values, recipient domains only, a redacted snippet and the policy identity', async () => {
    const db = freshDb();
    const time = clock();
    const audit = service(db, { now: time.now, policy: policy({ userLabel: 'anna@acme' }) });
    expect(await audit.record(phoneEvent())).toEqual({ ok: true, id: 1 });
    const [event] = await db.events.toArray();
    expect(event).toMatchObject({
      id: 1,
      time: time.now(),
      clientTime: 1_700_000_000_000,
      user: 'anna@acme',
      site: 'mail.google.com',
      organization: 'Acme',
      policyVersion: 1,
      decision: 'sent-anyway',
      justification: 'client asked for my number',
      recipientDomains: ['client-corp.ru', 'other.example'],
      kinds: ['phone'],
    });
    expect(event!.findings[0]).toMatchObject({ kind: 'phone', value: '+7 915 ***-**-11', contact: '+7 915 ***-**-11', valueMode: 'masked' });
    const serialized = JSON.stringify(event);
    expect(serialized).not.toContain('123-45');
    expect(serialized).not.toContain('ivanov');
    expect(serialized).not.toContain('всегда занят');
    expect(serialized).not.toContain('Добрый день');
    expect(event!.findings[0]!.snippet).toContain('+7 915 ***-**-11');
  });

  it('stores the value as written in full mode', async () => {
    const db = freshDb();
    const audit = service(db, { policy: policy({}, { storeValues: 'full' }) });
    await audit.record(emailEvent('Ivan.Petrov@Gmail.com'));
    const [event] = await db.events.toArray();
    expect(event!.findings[0]).toMatchObject({ value: 'Ivan.Petrov@Gmail.com', contact: 'ivan.petrov@gmail.com', valueMode: 'full' });
  });

  it('stores salted SHA-256 hashes in hash mode, with one salt kept for the database', async () => {
    const db = freshDb();
    const audit = service(db, { policy: policy({}, { storeValues: 'hash' }) });
    await audit.record(phoneEvent());
    await audit.record(phoneEvent());
    const salt = await storedSalt(db);
    expect(salt).toMatch(/^[0-9a-f]{64}$/u);
    const events = await db.events.toArray();
    const expected = await saltedHash(salt, '+79151234511');
    for (const event of events) {
      expect(event.findings[0]!.contact).toBe(expected);
      expect(event.findings[0]!.value).toBe(await saltedHash(salt, '+7 915 123-45-11'));
      expect(JSON.stringify(event)).not.toContain('9151234511');
    }
    // A second service on the same database keeps the salt, so repeats still group together.
    const again = service(db, { policy: policy({}, { storeValues: 'hash' }) });
    await again.record(phoneEvent());
    expect((await db.events.get(3))!.findings[0]!.contactKey).toBe(events[0]!.findings[0]!.contactKey);
  });

  it('records the signed-in account and falls back to it, then to "unknown"', async () => {
    const db = freshDb();
    await service(db, { userInfo: async () => ({ email: 'anna@corp.example' }) }).record(phoneEvent());
    await service(db, { userInfo: () => Promise.reject(new Error('no identity permission')) }).record(phoneEvent());
    const [withAccount, without] = await db.events.toArray();
    expect(withAccount).toMatchObject({ user: 'anna@corp.example', account: 'anna@corp.example' });
    expect(without!.user).toBe('unknown');
    expect(without!.account).toBeUndefined();
  });

  it('trusts the sender tab URL over the site the message claims, but not an extension page URL', async () => {
    const db = freshDb();
    const audit = service(db);
    await audit.record(phoneEvent({ site: 'fake.example' }), { url: 'https://mail.yandex.ru/compose?x=1', tabId: 3 });
    await audit.record(phoneEvent({ site: 'seeded.example' }), { url: 'chrome-extension://abc/audit.html' });
    const [fromTab, fromPage] = await db.events.toArray();
    expect(fromTab).toMatchObject({ site: 'mail.yandex.ru', origin: 'https://mail.yandex.ru' });
    expect(fromPage!.site).toBe('seeded.example');
  });

  it('rejects input that breaks the protocol schema', async () => {
    const db = freshDb();
    await expect(service(db).record({ ...phoneEvent(), decision: 'deleted' as never })).rejects.toThrow();
    expect(await db.events.count()).toBe(0);
  });
});

describe('audit service: chain and concurrency', () => {
  it('keeps the chain linear under 300 concurrent messages', async () => {
    const db = freshDb();
    const audit = service(db);
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => audit.record(emailEvent(`user${i}@gmail.com`))));
    expect(new Set(results.map((r) => (r.ok ? r.id : -1))).size).toBe(300);
    const events = await db.events.orderBy('id').toArray();
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(await verifyChain(events, null)).toEqual({ ok: true, events: 300, omitted: 0 });
    const head = await db.meta.get('head');
    expect(head?.value).toEqual({ id: 300, hash: events[299]!.hash });
  });

  it('continues the chain across service restarts', async () => {
    const db = freshDb();
    await service(db).record(phoneEvent());
    await service(db).record(phoneEvent());
    expect(await verifyChain(await db.events.orderBy('id').toArray(), null)).toMatchObject({ ok: true, events: 2 });
  });
});

describe('audit service: storage failures', () => {
  it('reports a quota error, keeps stored events, holds the new one and writes it on the next try', async () => {
    const db = freshDb();
    const diagnostics: string[] = [];
    const audit = service(db, { onDiagnostic: (d) => diagnostics.push(d.message) });
    await audit.record(phoneEvent());
    const spy = vi.spyOn(db.meta, 'put').mockImplementationOnce((() => Promise.reject(new DOMException('disk is full', 'QuotaExceededError'))) as never);
    const failed = await audit.record(phoneEvent({ justification: 'second' }));
    spy.mockRestore();
    expect(failed).toMatchObject({ ok: false, queued: true, error: expect.stringContaining('QuotaExceededError') });
    expect(audit.status()).toMatchObject({ pending: 1, storageError: { message: expect.stringContaining('QuotaExceededError') } });
    expect(diagnostics.join()).toContain('QuotaExceededError');
    expect(await db.events.count()).toBe(1);

    expect(await audit.record(phoneEvent({ justification: 'third' }))).toEqual({ ok: true, id: 3 });
    const events = await db.events.orderBy('id').toArray();
    expect(events.map((e) => e.justification)).toEqual(['client asked for my number', 'second', 'third']);
    expect((await verifyChain(events, null)).ok).toBe(true);
    expect(audit.status().storageError).toBeUndefined();
  });
});

describe('audit service: batched writes', () => {
  it('writes a burst in batches and, when the disk fills mid-burst, holds the failed batch and every batch sealed after it, losing nothing', async () => {
    const db = freshDb();
    const diagnostics: string[] = [];
    const audit = service(db, { policy: policy({}, { storeValues: 'full' }), onDiagnostic: (d) => diagnostics.push(d.message) });
    const original = db.eventWords.bulkAdd.bind(db.eventWords);
    let commits = 0;
    // From the second batch on, transactions fail (the disk filled up mid-burst), while later
    // batches are already sealed on top of the failing one.
    const spy = vi.spyOn(db.eventWords, 'bulkAdd').mockImplementation(((...args: Parameters<typeof original>) => {
      commits++;
      return commits >= 2 ? Promise.reject(new DOMException('disk is full', 'QuotaExceededError')) : original(...args);
    }) as typeof original);
    const results = await Promise.all(Array.from({ length: 1_200 }, (_, i) => audit.record(emailEvent(`burst${i}@gmail.com`))));
    await audit.flush();
    spy.mockRestore();

    const written = results.filter((r) => r.ok);
    const held = results.filter((r) => !r.ok);
    expect(written.length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((r) => !r.ok && r.queued)).toBe(true);
    expect(await db.events.count()).toBe(written.length);
    expect(await db.eventWords.count()).toBe(written.length);
    expect(audit.status()).toMatchObject({ pending: held.length, storageError: { message: expect.stringContaining('QuotaExceededError') } });
    expect(diagnostics.join()).toContain('QuotaExceededError');

    // The next write goes through and takes every held event with it: none lost, none twice.
    expect(await audit.record(emailEvent('after@gmail.com'))).toEqual({ ok: true, id: 1_201 });
    const events = await db.events.orderBy('id').toArray();
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 1_201 }, (_, i) => i + 1));
    const contacts = events.slice(0, 1_200).map((e) => e.findings[0]!.contact);
    expect([...contacts].sort()).toEqual(Array.from({ length: 1_200 }, (_, i) => `burst${i}@gmail.com`).sort());
    expect(await verifyChain(events, null)).toEqual({ ok: true, events: 1_201, omitted: 0 });
    expect((await db.meta.get('head'))?.value).toEqual({ id: 1_201, hash: events[1_200]!.hash });
    expect(await db.eventWords.count()).toBe(1_201);
    expect(audit.status()).toMatchObject({ pending: 0 });
    expect(audit.status().storageError).toBeUndefined();
  });
});

describe('countToday', () => {
  it('counts today\'s events per decision, not yesterday\'s', async () => {
    const db = freshDb();
    const time = clock(new Date(2025, 2, 10, 12, 0, 0).getTime());
    const audit = service(db, { now: time.now });
    await audit.record(phoneEvent({ decision: 'blocked' }));
    time.advance(-13 * 3_600_000);
    await audit.record(phoneEvent({ decision: 'blocked' }));
    time.advance(14 * 3_600_000);
    await audit.record(phoneEvent({ decision: 'replaced' }));
    await audit.record(phoneEvent({ decision: 'replaced' }));
    const counts = await audit.countToday();
    expect(counts).toMatchObject({ blocked: 1, replaced: 2, monitored: 0, total: 3 });
  });
});
