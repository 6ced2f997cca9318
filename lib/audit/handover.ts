import type { Decision } from '../messaging/protocol.ts';
import { csvRow, CSV_BOM } from './csv.ts';
import type { StoredEvent } from './event.ts';

/**
 * Decisions after which the message went out with the personal contact in it. "replaced",
 * "edited", "blocked", "cancelled" never reached the client; "detected" is followed by its own
 * decision event.
 */
export const SENT_WITH_CONTACT: ReadonlySet<Decision> = new Set<Decision>(['sent-anyway', 'monitored', 'false-positive']);

export interface HandoverContact {
  contactKey: string;
  contact: string;
  kind: string;
  count: number;
  lastAt: number;
}

export interface HandoverClient {
  domain: string;
  contacts: HandoverContact[];
  /** Messages to this client that carried at least one personal contact. */
  messages: number;
  lastAt: number;
}

/**
 * For one user, every client (recipient domain) that received a personal contact from them:
 * who a manager must reach first when that employee leaves (issue 6).
 */
export function createHandover(user: string) {
  const clients = new Map<string, { messages: number; lastAt: number; contacts: Map<string, HandoverContact> }>();
  return {
    add(events: readonly StoredEvent[]): void {
      for (const event of events) {
        if (event.user !== user || !SENT_WITH_CONTACT.has(event.decision)) continue;
        const personal = event.findings.filter((f) => f.verdict === 'personal');
        if (personal.length === 0) continue;
        for (const domain of event.recipientDomains) {
          const client = clients.get(domain) ?? { messages: 0, lastAt: 0, contacts: new Map() };
          client.messages++;
          client.lastAt = Math.max(client.lastAt, event.time);
          const seen = new Set<string>();
          for (const finding of personal) {
            if (seen.has(finding.contactKey)) continue;
            seen.add(finding.contactKey);
            const contact = client.contacts.get(finding.contactKey) ?? { contactKey: finding.contactKey, contact: finding.contact, kind: finding.kind, count: 0, lastAt: 0 };
            contact.count++;
            if (event.time >= contact.lastAt) {
              contact.lastAt = event.time;
              contact.contact = finding.contact;
            }
            client.contacts.set(finding.contactKey, contact);
          }
          clients.set(domain, client);
        }
      }
    },
    result(): HandoverClient[] {
      return [...clients.entries()]
        .map(([domain, c]) => ({
          domain,
          messages: c.messages,
          lastAt: c.lastAt,
          contacts: [...c.contacts.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt),
        }))
        .sort((a, b) => b.lastAt - a.lastAt || a.domain.localeCompare(b.domain));
    },
  };
}

export function handoverReport(events: readonly StoredEvent[], user: string): HandoverClient[] {
  const report = createHandover(user);
  report.add(events);
  return report.result();
}

/** One row per client and contact, the same encoding rules as the event export. */
export function handoverCsv(user: string, clients: readonly HandoverClient[], delimiter: ',' | ';' = ','): string {
  let out = CSV_BOM + csvRow(['user', 'client_domain', 'messages', 'client_last_at', 'kind', 'contact', 'times_sent', 'contact_last_at'], delimiter);
  for (const client of clients) {
    for (const contact of client.contacts) {
      out += csvRow(
        [user, client.domain, client.messages, new Date(client.lastAt).toISOString(), contact.kind, contact.contact, contact.count, new Date(contact.lastAt).toISOString()],
        delimiter,
      );
    }
  }
  return out;
}
