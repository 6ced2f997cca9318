import { describe, expect, it } from 'vitest';
import { handoverCsv, handoverReport } from '../../../lib/audit/handover.ts';
import { summarize, summarizeLog } from '../../../lib/audit/summary.ts';
import { clock, emailEvent, freshDb, phoneEvent, policy, service } from './fixtures.ts';

const DAY = 86_400_000;

async function scenario() {
  const db = freshDb();
  const time = clock(new Date(2025, 2, 10, 10, 0, 0).getTime());
  const as = (user: string) => service(db, { now: time.now, policy: policy({ userLabel: user }) });
  await as('anna').record(phoneEvent({ recipients: ['a@client-one.ru'] }));
  await as('anna').record(phoneEvent({ recipients: ['b@client-one.ru', 'c@client-two.jp'], decision: 'monitored' }));
  time.advance(DAY);
  await as('anna').record(phoneEvent({ recipients: ['d@client-three.com'], decision: 'replaced' }));
  await as('anna').record(emailEvent('anna.home@gmail.com', { recipients: ['e@client-one.ru'], site: 'mail.yandex.ru' }));
  await as('boris').record(phoneEvent({ recipients: ['f@client-four.ru'], decision: 'blocked' }));
  return db.events.orderBy('id').toArray();
}

describe('summarize', () => {
  it('counts events per day by decision, top sites and repeated personal contacts', async () => {
    const events = await scenario();
    const summary = summarize(events);
    expect(summary.days).toEqual([
      { day: '2025-03-10', byDecision: { 'sent-anyway': 1, monitored: 1 }, total: 2 },
      { day: '2025-03-11', byDecision: { replaced: 1, 'sent-anyway': 1, blocked: 1 }, total: 3 },
    ]);
    expect(summary.topSites).toEqual([
      { site: 'mail.google.com', count: 4 },
      { site: 'mail.yandex.ru', count: 1 },
    ]);
    expect(summary.topContacts).toHaveLength(1);
    expect(summary.topContacts[0]).toMatchObject({ contact: '+7 915 ***-**-11', kind: 'phone', count: 4, users: ['anna', 'boris'] });
  });
});

describe('summarizeLog', () => {
  it('reads the same summary from the indexes as from the loaded events', async () => {
    const db = freshDb();
    const time = clock(new Date(2025, 2, 10, 10, 0, 0).getTime());
    const as = (user: string) => service(db, { now: time.now, policy: policy({ userLabel: user }) });
    for (let i = 0; i < 60; i++) {
      if (i % 9 === 0) time.advance(DAY / 3);
      const decision = (['sent-anyway', 'blocked', 'monitored', 'replaced'] as const)[i % 4];
      const site = ['mail.google.com', 'mail.yandex.ru', 'crm.acme.example'][i % 3]!;
      // 14 distinct addresses, repeated unevenly, so the top 3 is cut among contacts of equal bounds.
      await as(`user-${i % 5}`).record(emailEvent(`person${(i * i) % 14}@gmail.com`, { decision, site }));
    }
    // The same number as personal twice and as a corporate contact four times: the index counts
    // six events, the summary only the two personal ones.
    for (let i = 0; i < 6; i++) {
      const event = phoneEvent();
      await as('anna').record({ ...event, findings: event.findings.map((f) => ({ ...f, verdict: i < 2 ? 'personal' : 'corporate' })) });
    }
    const events = await db.events.orderBy('id').toArray();
    for (const limit of [1, 3, 10, 50]) expect(await summarizeLog(db, limit)).toEqual(summarize(events, limit));
    const phone = (await summarizeLog(db, 50)).topContacts.find((c) => c.kind === 'phone');
    expect(phone?.count).toBe(2);
  });

  it('counts days of a log spread thinly over years, too many days to count one by one', async () => {
    const db = freshDb();
    const time = clock(new Date(2020, 0, 1, 12, 0, 0).getTime());
    // Retention of ten years keeps all five events.
    const record = service(db, { now: time.now, policy: policy({}, { retentionDays: 3650 }) });
    for (const decision of ['sent-anyway', 'blocked', 'monitored', 'replaced', 'sent-anyway'] as const) {
      await record.record(phoneEvent({ decision }));
      time.advance(400 * DAY);
    }
    const summary = await summarizeLog(db);
    expect(summary).toEqual(summarize(await db.events.toArray()));
    expect(summary.days).toHaveLength(5);
  });
});

describe('handoverReport', () => {
  it('lists every client that received a personal contact from the user, with counts and last time', async () => {
    const events = await scenario();
    const report = handoverReport(events, 'anna');
    expect(report.map((c) => c.domain)).toEqual(['client-one.ru', 'client-two.jp']);
    const one = report[0]!;
    expect(one.messages).toBe(3);
    expect(one.contacts.map((c) => [c.contact, c.count])).toEqual([
      ['+7 915 ***-**-11', 2],
      ['an***@gmail.com', 1],
    ]);
    expect(one.lastAt).toBe(events[3]!.time);
    // replaced (client-three) never carried the contact out; boris's events are not anna's.
    expect(report.some((c) => c.domain === 'client-three.com' || c.domain === 'client-four.ru')).toBe(false);
  });

  it('exports the report as CSV with a BOM, one row per client and contact', async () => {
    const csv = handoverCsv('Анна', handoverReport(await scenario(), 'anna'));
    expect(csv.startsWith('\uFEFFuser,client_domain')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(4);
    expect(csv).toContain("Анна,client-one.ru,3,");
    expect(csv).toContain(",phone,'+7 915 ***-**-11,2,");
  });
});
