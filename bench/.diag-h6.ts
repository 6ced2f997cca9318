import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { liveQuery } from 'dexie';
import { openAuditDb } from '/work/main/lib/audit/db.ts';
import { createAuditService } from '/work/main/lib/audit/service.ts';
import { summarizeLog } from '/work/main/lib/audit/summary.ts';
import { PolicySchema } from '/work/main/lib/policy/schema.ts';
import { DECISIONS } from '/work/main/lib/messaging/protocol.ts';
const basePolicy = PolicySchema.parse({ version: 1, organization: 'Acme', defaultRegion: 'RU', corporateDomains: ['acme.example'], corporateContacts: {}, suggestion: {} });
const db = openAuditDb('diag');
let clock = Date.UTC(2025,0,1);
const service = createAuditService({ db, getPolicy: () => ({ ...basePolicy, userLabel: 'u' + (clock % 25), audit: { ...basePolicy.audit, maxEvents: 1e7, retentionDays: 3650 } }), now: () => (clock += 260_000) });
let next = 0;
const rec = (i: number) => service.record({ decision: DECISIONS[i % DECISIONS.length]!, site: `s${i%5}.example`, origin: 'https://x', adapter: 'generic', findings: [{ kind: 'phone', value: `+7915${1000000 + i % 3000}`, normalized: `+7915${1000000 + i % 3000}`, verdict: 'personal', action: 'warn', snippet: 'x' }], recipients: [`a@c${i%400}.example`] });
await Promise.all(Array.from({ length: 30000 }, () => rec(next++)));
const stream = async (label: string) => { const t0 = performance.now(); const end = next + 1000; await Promise.all(Array.from({ length: 50 }, async () => { while (next < end) await rec(next++); })); console.log(label, (1000 / ((performance.now() - t0) / 1000)).toFixed(0)); };


const time = async (label: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); console.log(label, (performance.now() - t).toFixed(0)); };
for (let r = 0; r < 2; r++) {
await time('summarizeLog', () => summarizeLog(db));
await time('per-day counts', async () => {
  const first = (await db.events.orderBy('time').first())!.time, last = (await db.events.orderBy('time').last())!.time;
  const jobs = [];
  for (let d = first; d <= last; d += 86_400_000) for (const dec of DECISIONS) jobs.push(db.events.where('[decision+time]').between([dec, d], [dec, d + 86_400_000], true, false).count());
  await Promise.all(jobs);
});
await time('compound keys', () => db.events.orderBy('[decision+time]').keys());
await time('ck keys', () => db.events.orderBy('contactKeys').keys());
await time('site', async () => { const u = await db.events.orderBy('site').uniqueKeys(); await Promise.all(u.map((x) => db.events.where('site').equals(x).count())); });
await time('ids', () => db.events.toCollection().primaryKeys());
}
