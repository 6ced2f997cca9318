/**
 * Audit log benchmark (issue 6). Runs in Node on fake-indexeddb, an in-memory JavaScript
 * IndexedDB: absolute figures differ from Chromium's LevelDB-backed IndexedDB (usually slower
 * here for reads, faster for writes). Figures are printed, never asserted.
 *
 *   npx tsx bench/audit.ts            (AUDIT_BENCH_EVENTS=20000 for a quicker run)
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { openAuditDb } from '../lib/audit/db.ts';
import { exportAudit } from '../lib/audit/export.ts';
import { queryEventIds, type AuditFilter } from '../lib/audit/query.ts';
import { createAuditService } from '../lib/audit/service.ts';
import { verifyStoredChain } from '../lib/audit/verify-db.ts';
import { DECISIONS, type AuditEventInput } from '../lib/messaging/protocol.ts';
import { PolicySchema } from '../lib/policy/schema.ts';

const TOTAL = Number(process.env.AUDIT_BENCH_EVENTS ?? 100_000);
const DAY = 86_400_000;
const USERS = Array.from({ length: 25 }, (_, i) => `employee-${String(i + 1).padStart(2, '0')}`);
const SITES = ['mail.google.com', 'outlook.office.com', 'mail.yandex.ru', 'crm.acme.example', 'acme.bitrix24.ru'];
const GOALS = { writesPerSecond: 5_000, filterMs: 200, exportSeconds: 5 };

let user = USERS[0]!;
let clock = Date.UTC(2025, 0, 1);
const basePolicy = PolicySchema.parse({ version: 1, organization: 'Acme', defaultRegion: 'RU', corporateDomains: ['acme.example'], corporateContacts: {}, suggestion: {} });

function input(i: number): AuditEventInput {
  const phone = `+7915${String(1_000_000 + (i % 5_000)).padStart(7, '0')}`;
  const email = `person${i % 3_000}@gmail.com`;
  const findings: AuditEventInput['findings'] = [
    i % 3 === 0
      ? { kind: 'email', value: email, normalized: email, verdict: 'personal', action: 'warn', snippet: `Мой личный адрес ${email}, пишите туда в выходные, отвечу быстро.` }
      : { kind: 'phone', value: phone, normalized: phone, verdict: 'personal', action: 'warn', snippet: `Звоните на ${phone} после шести, это мой личный номер.` },
  ];
  if (i % 7 === 0) findings.push({ kind: 'messenger', value: `t.me/handle${i % 900}`, normalized: `telegram:handle${i % 900}`, verdict: 'personal', action: 'warn', snippet: '' });
  return {
    decision: DECISIONS[i % DECISIONS.length]!,
    site: SITES[i % SITES.length]!,
    origin: `https://${SITES[i % SITES.length]}`,
    adapter: 'generic',
    findings,
    recipients: [`client${i % 400}@client${i % 400}.example`, `cc@partner${i % 50}.example`],
    ...(i % 8 === 3 ? { justification: 'Клиент попросил мобильный номер 顧客の依頼' } : {}),
  };
}

function recordAs(service: ReturnType<typeof createAuditService>, i: number) {
  user = USERS[i % USERS.length]!;
  return service.record(input(i));
}

const ms = (start: number) => performance.now() - start;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const goal = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');

async function main() {
  console.log(`Audit log benchmark — storage: fake-indexeddb (in-memory, in Node), NOT the browser's IndexedDB.`);
  console.log(`Goals: ≥ ${fmt(GOALS.writesPerSecond)} events/s written, filter < ${GOALS.filterMs} ms, export of 100,000 < ${GOALS.exportSeconds} s.\n`);
  const db = openAuditDb(`audit-bench-${process.pid}`);
  const service = createAuditService({
    db,
    getPolicy: () => ({ ...basePolicy, userLabel: user, audit: { ...basePolicy.audit, maxEvents: 10_000_000, retentionDays: 3650 } }),
    now: () => (clock += Math.floor((90 * DAY) / TOTAL)),
  });

  // Single: each message waits for its own write (one tab, one event at a time).
  const singleCount = 1_000;
  let start = performance.now();
  for (let i = 0; i < singleCount; i++) await recordAs(service, i);
  const single = singleCount / (ms(start) / 1000);
  console.log(`write, one at a time : ${fmt(single)} events/s  (${fmt(singleCount)} events, each awaited) — ${goal(single >= GOALS.writesPerSecond)}`);

  // Batched: messages arriving together are written together by the service's queue.
  const batchCount = Math.min(20_000, TOTAL - singleCount);
  start = performance.now();
  await Promise.all(Array.from({ length: batchCount }, (_, k) => recordAs(service, singleCount + k)));
  const batched = batchCount / (ms(start) / 1000);
  console.log(`write, concurrent    : ${fmt(batched)} events/s  (${fmt(batchCount)} events in flight at once) — ${goal(batched >= GOALS.writesPerSecond)}`);

  start = performance.now();
  for (let i = singleCount + batchCount; i < TOTAL; i += 10_000) {
    await Promise.all(Array.from({ length: Math.min(10_000, TOTAL - i) }, (_, k) => recordAs(service, i + k)));
  }
  await service.flush();
  const count = await db.events.count();
  console.log(`fill to ${fmt(count)} events : ${fmt(ms(start) / 1000, 1)} s\n`);

  // Viewer: first rows = ids of the whole log in time order + the first screen of events.
  start = performance.now();
  const allIds = await queryEventIds(db, {});
  await db.events.bulkGet(allIds.slice(0, 60));
  console.log(`viewer, time to first rows (${fmt(allIds.length)} ids + 60 events): ${fmt(ms(start), 1)} ms`);

  const span = { from: Date.UTC(2025, 0, 20), to: Date.UTC(2025, 1, 20) };
  const filters: Array<[string, AuditFilter]> = [
    ['user', { user: USERS[3]! }],
    ['user + 1 month', { user: USERS[3]!, ...span }],
    ['decision', { decision: 'sent-anyway' }],
    ['site + decision', { site: SITES[1]!, decision: 'blocked' }],
    ['kind (messenger)', { kind: 'messenger' }],
    ['recipient domain', { recipientDomain: 'client17.example' }],
    ['date range (1 month)', span],
    ['text search, whole log', { text: 'person42@' }],
    ['text search in user', { user: USERS[5]!, text: 'telegram' }],
  ];
  let worst = 0;
  for (const [name, filter] of filters) {
    const t0 = performance.now();
    const ids = await queryEventIds(db, filter);
    await db.events.bulkGet(ids.slice(0, 60));
    const took = ms(t0);
    if (!filter.text) worst = Math.max(worst, took);
    console.log(`filter ${name.padEnd(24)}: ${fmt(took, 1).padStart(8)} ms  → ${fmt(ids.length)} events — ${goal(took < GOALS.filterMs)}`);
  }
  console.log(`worst indexed filter: ${fmt(worst, 1)} ms (free-text search reads event values, so it scans)\n`);

  start = performance.now();
  const verdict = await verifyStoredChain(db);
  console.log(`integrity check of the whole chain: ${fmt(ms(start))} ms → ${verdict.ok ? `intact, ${fmt(verdict.events)} events` : `broken: ${verdict.reason}`}`);

  for (const format of ['csv', 'json'] as const) {
    let bytes = 0;
    let progressCalls = 0;
    const t0 = performance.now();
    const result = await exportAudit(db, { format, filter: {}, onChunk: (c) => void (bytes += Buffer.byteLength(c)), onProgress: () => void progressCalls++ });
    const seconds = ms(t0) / 1000;
    console.log(
      `export ${format.toUpperCase().padEnd(4)} of ${fmt(result.events)} events: ${fmt(seconds, 2)} s, ${fmt(bytes / 1e6, 1)} MB, ${progressCalls} progress updates — ${goal(seconds < GOALS.exportSeconds)}`,
    );
  }
  db.close();
}

await main();
