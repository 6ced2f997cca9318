import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportAudit } from '../../lib/audit/export.ts';
import { emailEvent, freshDb, phoneEvent, service } from '../lib/audit/fixtures.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

async function verify(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin', 'channel-guard.mjs'), 'audit', 'verify', file], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function exportedFile(): Promise<string> {
  const db = freshDb();
  const audit = service(db);
  for (let i = 0; i < 12; i++) await audit.record(i % 3 ? phoneEvent() : emailEvent(`mail${i}@yandex.ru`));
  const chunks: string[] = [];
  await exportAudit(db, { format: 'json', filter: {}, onChunk: (c) => void chunks.push(c) });
  const dir = await mkdtemp(join(tmpdir(), 'cg-audit-cli-'));
  const file = join(dir, 'audit.json');
  await writeFile(file, chunks.join(''));
  return file;
}

describe('channel-guard audit verify', () => {
  it('accepts an untouched export', async () => {
    const result = await verify(await exportedFile());
    expect(result).toMatchObject({ code: 0, stdout: 'intact: 12 events\n' });
  });

  it('rejects an export with one field changed and says where', async () => {
    const file = await exportedFile();
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.events[6].decision = 'replaced';
    await writeFile(file, JSON.stringify(data));
    const result = await verify(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^broken at record 7 in the file \(event id 7\): .*edited/u);
  });

  it('rejects an export with a record removed', async () => {
    const file = await exportedFile();
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.events.splice(3, 1);
    await writeFile(file, JSON.stringify(data));
    const result = await verify(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('record 4');
  });

  it('fails on a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cg-audit-cli-'));
    await writeFile(join(dir, 'x.json'), 'not json');
    const result = await verify(join(dir, 'x.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot read');
  });
});
