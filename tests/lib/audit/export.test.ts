import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, CSV_BOM } from '../../../lib/audit/csv.ts';
import { exportAudit, type ExportOptions } from '../../../lib/audit/export.ts';
import { verifyExport } from '../../../lib/audit/verify-export.ts';
import type { AuditDb } from '../../../lib/audit/db.ts';
import { emailEvent, freshDb, phoneEvent, policy, service } from './fixtures.ts';

async function exportToString(db: AuditDb, options: Omit<ExportOptions, 'onChunk'>) {
  const chunks: string[] = [];
  const progress: Array<[number, number]> = [];
  const result = await exportAudit(db, { ...options, onChunk: (c) => void chunks.push(c), onProgress: (d, t) => void progress.push([d, t]) });
  return { text: chunks.join(''), chunks, progress, result };
}

/** RFC 4180 reader, for checking what a spreadsheet would see. */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+7 915 ***-**-11', "'+7 915 ***-**-11"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    ['Привет, 世界', '"Привет, 世界"'],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('ends rows with CRLF and honours a ; delimiter', () => {
    expect(csvRow(['a;b', 'c,d'], ';')).toBe('"a;b";c,d\r\n');
  });
});

async function seeded(count = 5): Promise<AuditDb> {
  const db = freshDb();
  const audit = service(db, { policy: policy({ userLabel: 'Анна Петрова' }, { storeValues: 'full' }) });
  for (let i = 0; i < count; i++) {
    await audit.record(i % 2 ? emailEvent(`tanaka${i}@docomo.ne.jp`, { justification: `お客様の依頼, "срочно" ${i}` }) : phoneEvent({ justification: `=cmd|' /C calc'!A0 ${i}` }));
  }
  return db;
}

describe('CSV export', () => {
  it('starts with a BOM, uses CRLF, and round-trips Cyrillic, Japanese, quotes and formulas', async () => {
    const db = await seeded(5);
    const { text, progress, result } = await exportToString(db, { format: 'csv', filter: {}, sort: { field: 'time', direction: 'asc' }, chunkSize: 2 });
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.match(/\r\n/gu)).toHaveLength(6);
    expect(text.match(/\n/gu)).toHaveLength(6);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(6);
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(rows[1]![col('user')]).toBe('Анна Петрова');
    expect(rows[2]![col('justification')]).toBe('お客様の依頼, "срочно" 1');
    expect(rows[1]![col('justification')]).toBe(`'=cmd|' /C calc'!A0 0`);
    expect(rows[1]![col('contacts')]).toBe("'+79151234511");
    expect(rows[2]![col('contacts')]).toBe('tanaka1@docomo.ne.jp');
    expect(rows.slice(1).map((r) => r[col('id')])).toEqual(['1', '2', '3', '4', '5']);
    expect(result.events).toBe(5);
    expect(progress.at(-1)).toEqual([5, 5]);
    expect(progress.length).toBe(3);
  });

  it('exports only the filter', async () => {
    const db = await seeded(6);
    const { text } = await exportToString(db, { format: 'csv', filter: { kind: 'email' } });
    expect(parseCsv(text.slice(1))).toHaveLength(4);
  });
});

describe('JSON export', () => {
  it('round-trips a complete export through verification', async () => {
    const db = await seeded(7);
    const { text, result } = await exportToString(db, { format: 'json', filter: {}, chunkSize: 3, now: () => Date.UTC(2025, 0, 1) });
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'channel-guard-audit', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', complete: true, anchor: { id: 0 } });
    expect(file.events).toHaveLength(7);
    expect(file.events).toEqual(await db.events.orderBy('id').toArray());
    expect(file.head).toEqual({ id: 7, hash: file.events[6].hash });
    expect(result.events).toBe(7);
    expect(await verifyExport(file)).toMatchObject({ ok: true, events: 7, omitted: 0 });
  });

  it('verifies after retention, from the exported anchor', async () => {
    const db = freshDb();
    const audit = service(db, { policy: policy({}, { maxEvents: 100 }) });
    await Promise.all(Array.from({ length: 140 }, () => audit.record(phoneEvent())));
    await audit.flush();
    await audit.applyRetention();
    const file = JSON.parse((await exportToString(db, { format: 'json', filter: {} })).text);
    expect(file.anchor.id).toBe(40);
    expect(await verifyExport(file)).toMatchObject({ ok: true, events: 100 });
  });

  it('writes events left out by a filter as link-only stubs and still verifies', async () => {
    const db = await seeded(6);
    const file = JSON.parse((await exportToString(db, { format: 'json', filter: { kind: 'email' } })).text);
    expect(file.complete).toBe(false);
    expect(file.events.map((e: { id: number; omitted?: boolean }) => [e.id, e.omitted === true])).toEqual([
      [2, false],
      [3, true],
      [4, false],
      [5, true],
      [6, false],
    ]);
    expect(JSON.stringify(file.events[1])).not.toContain('9151234511');
    expect(await verifyExport(file)).toMatchObject({ ok: true, events: 3, omitted: 2 });
    file.events.splice(2, 1);
    expect(await verifyExport(file)).toMatchObject({ ok: false });
  });

  it.each([
    ['an edited field', (f: { events: Array<Record<string, unknown>> }) => void (f.events[2]!.decision = 'replaced'), 2],
    ['an added field', (f: { events: Array<Record<string, unknown>> }) => void (f.events[3]!.note = 'x'), 3],
    ['a deleted record', (f: { events: unknown[] }) => void f.events.splice(1, 1), 1],
    ['a duplicated record', (f: { events: unknown[] }) => void f.events.splice(2, 0, f.events[1]), 2],
    ['a truncated tail', (f: { events: unknown[] }) => void f.events.pop(), 4],
  ])('fails verification on %s', async (_name, tamper, index) => {
    const db = await seeded(5);
    const file = JSON.parse((await exportToString(db, { format: 'json', filter: {} })).text);
    tamper(file);
    expect(await verifyExport(file)).toMatchObject({ ok: false, index });
  });

  it('rejects files that are not audit exports', async () => {
    expect(await verifyExport({ format: 'other' })).toMatchObject({ ok: false, reason: expect.stringContaining('not a ChannelGuard audit export') });
  });
});
