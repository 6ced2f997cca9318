import type { Decision } from '../messaging/protocol.ts';
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
          .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
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
