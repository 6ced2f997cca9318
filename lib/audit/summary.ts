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
  const [decisionTimes, siteNames, contactKeys] = await Promise.all([
    db.events.orderBy('[decision+time]').keys(),
    db.events.orderBy('site').uniqueKeys(),
    db.events.orderBy('contactKeys').keys(),
  ]);
  const days = new Map<string, DayCount>();
  for (const key of decisionTimes) {
    const [decision, time] = key as unknown as [Decision, number];
    const name = localDay(time);
    const day = days.get(name) ?? { day: name, byDecision: {}, total: 0 };
    day.byDecision[decision] = (day.byDecision[decision] ?? 0) + 1;
    day.total++;
    days.set(name, day);
  }
  const sites = await Promise.all(siteNames.map(async (site) => ({ site: String(site), count: await db.events.where('site').equals(site).count() })));
  return {
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    topSites: sites.sort((a, b) => b.count - a.count || a.site.localeCompare(b.site)).slice(0, limit),
    topContacts: await topContactsFromIndex(db, contactKeys.map(String), limit),
  };
}

/**
 * The index counts every event naming a contact, whatever its verdict there, so it bounds the
 * count of "personal" repeats from above: exact counts are taken for contacts in descending index
 * order until no remaining contact could still enter the top `limit`.
 */
async function topContactsFromIndex(db: AuditDb, keys: readonly string[], limit: number): Promise<TopContact[]> {
  const bounds = new Map<string, number>();
  for (const key of keys) bounds.set(key, (bounds.get(key) ?? 0) + 1);
  const candidates = [...bounds.entries()].filter(([, bound]) => bound > 1).sort((a, b) => b[1] - a[1]);
  const exact: TopContact[] = [];
  for (const [key, bound] of candidates) {
    // Ties in count are ordered by lastAt, so a contact whose bound equals the k-th count may still enter.
    if (exact.length >= limit && bound < exact[limit - 1]!.count) break;
    const summary = createSummary(Number.POSITIVE_INFINITY);
    summary.add(await db.events.where('contactKeys').equals(key).toArray());
    const found = summary.result().topContacts.find((c) => c.contactKey === key);
    if (!found) continue;
    exact.push(found);
    exact.sort(byRepeats);
  }
  return exact.slice(0, limit);
}
