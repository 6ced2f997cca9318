import { Dexie, type EntityTable } from 'dexie';
import type { ChainAnchor, StoredEvent } from './event.ts';

export const AUDIT_DB_NAME = 'channel-guard-audit';

/** Small records next to the events: the chain anchor and head, the hashing salt. */
export type AuditMeta =
  | { key: 'salt'; value: string }
  | { key: 'anchor'; value: ChainAnchor }
  | { key: 'head'; value: ChainAnchor };

export type AuditDb = Dexie & {
  events: EntityTable<StoredEvent, 'id'>;
  meta: EntityTable<AuditMeta, 'key'>;
};

/**
 * Append-only: a released version is never edited, a change adds a new entry (with an upgrade
 * function that returns its promise). Compound `[field+time]` indexes serve the viewer's
 * "filter by X within a date range" in one index range; multiEntry (`*`) indexes serve
 * "events that mention kind / recipient domain / contact".
 */
export const AUDIT_SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
  {
    version: 1,
    stores: {
      events:
        'id, time, user, site, decision, *kinds, *recipientDomains, *contactKeys, [user+time], [site+time], [decision+time]',
      meta: 'key',
    },
  },
];

/** The background opens it to write; the viewer opens the same database to read (same extension origin). */
export function openAuditDb(name: string = AUDIT_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): AuditDb {
  const db = new Dexie(name, options) as AuditDb;
  for (const { version, stores } of AUDIT_SCHEMA_VERSIONS) db.version(version).stores(stores);
  return db;
}
