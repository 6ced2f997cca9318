import type { Decision } from '../messaging/protocol.ts';
import type { AuditDb } from './db.ts';
import type { StoredEvent } from './event.ts';

export interface DayCount {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  byDecision: Partial<Record<Decision, number>>;
  total: number;
}

export interface TopSite {
  site: string;
  count: number;
}

export interface TopContact {
  contactKey: string;
  /** As stored (full, masked or hashed per the policy at the time). */
  contact: string;
  kind: string;
  count: number;
  users: string[];
  lastAt: number;
}

export interface AuditSummary {
  days: DayCount[];
  topSites: TopSite[];
  topContacts: TopContact[];
}

/** Most repeated first, then most recent; the key only makes ties deterministic. */
function byRepeats(a: TopContact, b: TopContact): number {
  return b.count - a.count || b.lastAt - a.lastAt || a.contactKey.localeCompare(b.contactKey);
}

export function localDay(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Accumulates events chunk by chunk (the viewer feeds it as it reads), so a summary of 100,000
 * events never needs them all in memory at once.
 */
export function createSummary(limit = 10) {
  const days = new Map<string, DayCount>();
  const sites = new Map<string, number>();
  const contacts = new Map<string, TopContact & { userSet: Set<string> }>();
  return {
    add(events: readonly StoredEvent[]): void {
      for (const event of events) {
        const key = localDay(event.time);
        const day = days.get(key) ?? { day: key, byDecision: {}, total: 0 };
        day.byDecision[event.decision] = (day.byDecision[event.decision] ?? 0) + 1;
        day.total++;
        days.set(key, day);
        sites.set(event.site, (sites.get(event.site) ?? 0) + 1);
        const seen = new Set<string>();
        for (const finding of event.findings) {
          // "Repeated personal contacts": the same personal number again and again is the signal (issue 6).
          if (finding.verdict !== 'personal' || seen.has(finding.contactKey)) continue;
          seen.add(finding.contactKey);
          const entry = contacts.get(finding.contactKey) ?? {
            contactKey: finding.contactKey,
            contact: finding.contact,
            kind: finding.kind,
            count: 0,
            users: [],
            userSet: new Set<string>(),
            lastAt: 0,
          };
          entry.count++;
          entry.userSet.add(event.user);
          if (event.time >= entry.lastAt) {
            entry.lastAt = event.time;
            entry.contact = finding.contact;
          }
          contacts.set(finding.contactKey, entry);
        }
      }
    },
    result(): AuditSummary {
      return {
        days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
        topSites: [...sites.entries()]
          .map(([site, count]) => ({ site, count }))
          .sort((a, b) => b.count - a.count || a.site.localeCompare(b.site))
          .slice(0, limit),
        topContacts: [...contacts.values()]
          .filter((c) => c.count > 1)
          .sort(byRepeats)
          .slice(0, limit)
          .map(({ userSet, ...rest }) => ({ ...rest, users: [...userSet].sort() })),
      };
    },
  };
}

export function summarize(events: readonly StoredEvent[], limit = 10): AuditSummary {
  const summary = createSummary(limit);
  summary.add(events);
  return summary.result();
}

/**
 * The summary of the whole log read from its indexes: days and decisions from the
 * `[decision+time]` keys, sites from per-site counts, contact repeats from the `contactKeys` keys.
 * Only the events of the leading contacts are loaded, so 100,000 events cost index keys, not
 * records (the viewer re-reads it while the background writes; issue 6).
 */
export async function summarizeLog(db: AuditDb, limit = 10): Promise<AuditSummary> {
  const [days, siteNames, contactKeys] = await Promise.all([daysFromIndex(db), db.events.orderBy('site').uniqueKeys(), db.events.orderBy('contactKeys').keys()]);
  const sites = await Promise.all(siteNames.map(async (site) => ({ site: String(site), count: await db.events.where('site').equals(site).count() })));
  return {
    days,
    topSites: sites.sort((a, b) => b.count - a.count || a.site.localeCompare(b.site)).slice(0, limit),
    topContacts: await topContactsFromIndex(db, contactKeys.map(String), limit),
  };
}

/** Past this many (day, decision) counts, one pass over the index keys is cheaper than counting. */
const MAX_DAY_COUNTS = 4_000;

/**
 * Events per local day and decision: one count of a `[decision+time]` range per day and decision,
 * which reads no keys into JavaScript; a log spread thinly over years is walked key by key instead.
 */
async function daysFromIndex(db: AuditDb): Promise<DayCount[]> {
  const [first, last] = await Promise.all([db.events.orderBy('time').first(), db.events.orderBy('time').last()]);
  if (!first || !last) return [];
  const starts: number[] = [];
  const firstDay = new Date(first.time);
  // Local midnights, built from the calendar so a day of 23 or 25 hours (DST) stays one day.
  for (let day = 0; ; day++) {
    const start = new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate() + day).getTime();
    if (start > last.time) break;
    starts.push(start);
  }
  const decisions = (await db.events.orderBy('decision').uniqueKeys()).map(String) as Decision[];
  const byDay = new Map<string, DayCount>();
  const count = (day: string, decision: Decision, n: number) => {
    if (n === 0) return;
    const entry = byDay.get(day) ?? { day, byDecision: {}, total: 0 };
    entry.byDecision[decision] = (entry.byDecision[decision] ?? 0) + n;
    entry.total += n;
    byDay.set(day, entry);
  };
  if (starts.length * decisions.length <= MAX_DAY_COUNTS) {
    const counts = await Promise.all(
      starts.flatMap((start, i) =>
        decisions.map(async (decision) => {
          const end = starts[i + 1] ?? Infinity;
          return { day: localDay(start), decision, n: await db.events.where('[decision+time]').between([decision, start], [decision, end], true, false).count() };
        }),
      ),
    );
    for (const { day, decision, n } of counts) count(day, decision, n);
  } else {
    for (const key of await db.events.orderBy('[decision+time]').keys()) {
      const [decision, time] = key as unknown as [Decision, number];
      count(localDay(time), decision, 1);
    }
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * The index counts every event naming a contact, whatever its verdict there, so it bounds the
 * count of "personal" repeats from above: exact counts are taken for the contacts of highest bound,
 * a batch at a time (ties in the bound in one batch, since lastAt orders equal counts), until no
 * remaining contact could still enter the top `limit`.
 */
async function topContactsFromIndex(db: AuditDb, keys: readonly string[], limit: number): Promise<TopContact[]> {
  const bounds = new Map<string, number>();
  for (const key of keys) bounds.set(key, (bounds.get(key) ?? 0) + 1);
  const candidates = [...bounds.entries()].filter(([, bound]) => bound > 1).sort((a, b) => b[1] - a[1]);
  const exact: TopContact[] = [];
  let next = 0;
  while (next < candidates.length) {
    const floor = exact.length >= limit ? exact[limit - 1]!.count : 0;
    if (candidates[next]![1] < floor) break;
    // At least enough contacts to fill the top, and every contact tied with the last of them.
    let end = Math.min(candidates.length, next + Math.max(1, limit - exact.length));
    while (end < candidates.length && candidates[end]![1] === candidates[end - 1]![1]) end++;
    const batch = new Set(candidates.slice(next, end).map(([key]) => key));
    next = end;
    const summary = createSummary(Number.POSITIVE_INFINITY);
    const perKey = await Promise.all([...batch].map((key) => db.events.where('contactKeys').equals(key).primaryKeys()));
    const ids = [...new Set(perKey.flat())];
    for (let i = 0; i < ids.length; i += 5_000) {
      summary.add((await db.events.bulkGet(ids.slice(i, i + 5_000))).filter((e): e is StoredEvent => e !== undefined));
    }
    // Every event naming a contact of the batch was read, so their counts are exact; other contacts' are not.
    exact.push(...summary.result().topContacts.filter((c) => batch.has(c.contactKey)));
    exact.sort(byRepeats);
  }
  return exact.slice(0, limit);
}
