import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'cg-scan-'));
const policyFile = path.join(dir, 'policy.json');
writeFileSync(
  policyFile,
  JSON.stringify({
    version: 1,
    organization: 'Acme',
    defaultRegion: 'RU',
    corporateDomains: ['acme.example'],
    corporateContacts: { emails: ['sales@acme.example'], phones: ['+7 495 123-45-67'], messengers: ['telegram:acme_support'] },
    suggestion: { phone: '+7 495 123-45-67' },
  }),
);

function cli(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/channel-guard.mjs'), 'scan', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('channel-guard scan', () => {
  it('prints findings readably', () => {
    const file = path.join(dir, 'msg.txt');
    writeFileSync(file, 'Звоните 8 (495) 123-45-67\nили мне: +7 916 123-45-67, ivan (at) gmail (dot) com');
    const r = cli(['--policy', policyFile, '--recipients', 'client@client.ru', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok\s+1:9\s+phone "8 \(495\) 123-45-67" -> \+74951234567\s+\[corporate\]/u);
    expect(r.stdout).toMatch(/WARN\s+2:10\s+phone "\+7 916 123-45-67" -> \+79161234567\s+\[personal\]/u);
    expect(r.stdout).toContain('gmail.com is a public mail provider');
    expect(r.stdout).toContain('suggest: +7 495 123-45-67');
    expect(r.stdout).toContain('3 contact(s) found, 2 flagged.');
  });

  it('prints JSON with --json, reading HTML from stdin with --html', () => {
    const r = cli(['--policy', policyFile, '--html', '--json', '-'], '<p>Write <a href="mailto:me@mail.ru">here</a></p><blockquote>+7 916 000-00-01</blockquote>');
    expect(r.status).toBe(0);
    const findings = JSON.parse(r.stdout);
    expect(findings).toEqual([expect.objectContaining({ kind: 'email', normalized: 'me@mail.ru', value: 'mailto:me@mail.ru', verdict: 'personal', action: 'warn' })]);
  });

  it('answers every good JSON Lines case even around bad lines', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'мой +7 916 123-45-67', recipients: ['x@client.ru'] }),
      '{not json',
      JSON.stringify({ id: 'b', recipients: [] }),
      JSON.stringify({ id: 'c', html: '<p>t.me/ivan_petrov</p>', recipients: [] }),
      '',
      JSON.stringify({ id: 7, text: 'nothing here', recipients: ['team@acme.example'] }),
    ].join('\n');
    const r = cli(['--policy', policyFile, '--jsonl'], `${lines}\n`);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c', 7]);
    expect(out[0].findings).toEqual([
      { kind: 'phone', value: '+7 916 123-45-67', normalized: '+79161234567', start: 4, end: 20, verdict: 'personal', action: 'warn', reason: expect.any(String) },
    ]);
    expect(out[1].error).toMatch(/not a case/u);
    expect(out[2].findings[0]).toMatchObject({ kind: 'messenger', normalized: 'telegram:ivan_petrov' });
    expect(out[3].findings).toEqual([]);
    expect(r.stderr).toMatch(/line 2: not JSON/u);
    expect(r.stderr).toMatch(/line 3: not a case/u);
    expect(r.status).toBe(1);
  });

  it('reports a missing policy file', () => {
    const r = cli(['--policy', path.join(dir, 'nope.json'), '-'], 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read policy file .*nope\.json: ENOENT/u);
  });

  it('reports an invalid policy as path: reason lines', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, organization: 'Acme', defaultRegion: 'Russia', corporateDomains: [], corporateContacts: {}, suggestion: {} }));
    const r = cli(['--policy', bad, '-'], 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^defaultRegion: .*two-letter region/mu);
    expect(r.stderr).toMatch(/^corporateDomains: /mu);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"version": 1,');
    expect(cli(['--policy', broken, '-'], 'x').stderr).toMatch(/\(file\): invalid JSON/u);
  });

  it('reports an unreadable input file', () => {
    const r = cli(['--policy', policyFile, path.join(dir, 'missing.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*missing\.txt: ENOENT/u);
  });
});
