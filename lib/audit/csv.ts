import type { StoredEvent } from './event.ts';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without it Cyrillic and Japanese come out garbled. */
export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

// A cell starting with one of these is run as a formula by spreadsheets (CSV injection); the
// full-width forms are included because Japanese IMEs produce them and some spreadsheets fold them.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

export function csvCell(value: unknown, delimiter = ','): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r')) {
    return `"${text.replace(/"/gu, '""')}"`;
  }
  return text;
}

export function csvRow(cells: readonly unknown[], delimiter = ','): string {
  return cells.map((cell) => csvCell(cell, delimiter)).join(delimiter) + CSV_NEWLINE;
}

export const EVENT_CSV_COLUMNS = [
  'id',
  'time',
  'user',
  'account',
  'site',
  'origin',
  'adapter',
  'decision',
  'justification',
  'kinds',
  'contacts',
  'verdicts',
  'recipient_domains',
  'snippets',
  'organization',
  'policy_version',
  'prev_hash',
  'hash',
] as const;

export function eventCsvCells(event: StoredEvent): unknown[] {
  return [
    event.id,
    new Date(event.time).toISOString(),
    event.user,
    event.account,
    event.site,
    event.origin,
    event.adapter,
    event.decision,
    event.justification,
    event.findings.map((f) => f.kind).join('; '),
    event.findings.map((f) => f.contact).join('; '),
    event.findings.map((f) => f.verdict).join('; '),
    event.recipientDomains.join('; '),
    event.findings.map((f) => f.snippet).join(' | '),
    event.organization,
    event.policyVersion,
    event.prevHash,
    event.hash,
  ];
}
