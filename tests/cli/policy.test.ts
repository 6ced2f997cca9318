import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acmePolicy } from '../lib/policy/fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/channel-guard.mjs');
const dir = mkdtempSync(join(tmpdir(), 'cg-cli-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const good = file('good.json', JSON.stringify(acmePolicy({ mode: 'block', allowOverride: true })));

describe('channel-guard policy validate', () => {
  it('exits 0 with a summary for a valid policy', async () => {
    const r = await cli(['policy', 'validate', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid');
    expect(r.stdout).toContain('organization: Acme');
    expect(r.stdout).toContain('mode: block (override with justification allowed)');
  });

  it('exits 1 with one "path: reason" line per error', async () => {
    const bad = file('bad.json', JSON.stringify(acmePolicy({ defaultRegion: 'Russia', mode: 'strict', colour: 'red' })));
    const r = await cli(['policy', 'validate', bad]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${bad}: 3 errors`);
    expect(lines.slice(1).map((l) => l.split(':')[0]).sort()).toEqual(['colour', 'defaultRegion', 'mode']);
    expect(r.stderr).toContain('mode: must be one of "monitor", "warn", "block", got "strict"');
  });

  it('names the line and column of broken JSON', async () => {
    const r = await cli(['policy', 'validate', file('broken.json', '{\n  "version": 1,\n  "organization": "Acme",\n}\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\(file\): invalid JSON: .* at line 4, column 1/u);
  });

  it('reports an unreadable file', async () => {
    const r = await cli(['policy', 'validate', join(dir, 'missing.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\(file\): cannot read: .*ENOENT/u);
  });

  it('reads the policy from stdin with "-"', async () => {
    const r = await cli(['policy', 'validate', '-'], JSON.stringify(acmePolicy()));
    expect(r.code).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli(['policy'])).code).toBe(2);
    expect((await cli(['policy', 'frobnicate'])).code).toBe(2);
    expect((await cli(['policy', 'validate'])).code).toBe(2);
  });
});

describe('channel-guard policy export', () => {
  it('writes the Chrome Linux policy file with force-install', async () => {
    const r = await cli(['policy', 'export', good, '--format', 'chrome', '--extension-id', ID, '--update-url', 'http://127.0.0.1:8080/updates.xml']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out['3rdparty'].extensions[ID]).toEqual(acmePolicy({ mode: 'block', allowOverride: true }));
    expect(out.ExtensionInstallForcelist).toEqual([`${ID};http://127.0.0.1:8080/updates.xml`]);
  });

  it('derives the extension id from the signing key', async () => {
    const { generateKeyPairSync, createHash } = await import('node:crypto');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = file('key.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const hex = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
    const expectedId = [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
    const r = await cli(['policy', 'export', good, '--format', 'edge', '--key', pem]);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout)['3rdparty'].extensions)).toEqual([expectedId]);
  });

  it('writes Firefox policies.json to --out', async () => {
    const out = join(dir, 'policies.json');
    const r = await cli(['policy', 'export', good, '--format', 'firefox', '--out', out]);
    expect(r.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.policies['3rdparty'].Extensions['channel-guard@acme.example'].organization).toBe('Acme');
  });

  it('writes a UTF-16LE .reg file with a BOM', async () => {
    const out = join(dir, 'cg.reg');
    const r = await cli(['policy', 'export', good, '--format', 'windows-reg', '--extension-id', ID, '--out', out]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const text = bytes.subarray(2).toString('utf16le');
    expect(text).toContain(`\\3rdparty\\extensions\\${ID}\\policy]`);
    expect(text).toContain('"mode"="block"');
  });

  it('writes a macOS configuration profile', async () => {
    const r = await cli(['policy', 'export', good, '--format', 'macos-mobileconfig', '--extension-id', ID]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`com.google.Chrome.extensions.${ID}`);
    expect(r.stdout).toMatch(/<key>PayloadUUID<\/key>\n\s*<string>[0-9A-F-]{36}<\/string>/u);
  });

  it('refuses to export an invalid policy, with the same errors as validate', async () => {
    const bad = file('bad2.json', JSON.stringify(acmePolicy({ corporateDomains: [] })));
    const r = await cli(['policy', 'export', bad, '--format', 'firefox']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('corporateDomains: must list at least one corporate domain');
    expect(r.stdout).toBe('');
  });

  it('needs an extension id for Chromium formats and checks its shape', async () => {
    expect((await cli(['policy', 'export', good, '--format', 'chrome'])).stderr).toContain('--extension-id');
    expect((await cli(['policy', 'export', good, '--format', 'chrome', '--extension-id', 'XYZ'])).code).toBe(2);
    expect((await cli(['policy', 'export', good, '--format', 'pdf'])).code).toBe(2);
  });
});

describe('channel-guard policy validate: site selectors (issue 5)', () => {
  const withSites = (sites: unknown[]) => JSON.stringify(acmePolicy({ sites }));

  it('accepts an in-house site and a built-in override with well-formed selectors', async () => {
    const policy = file(
      'sites-ok.json',
      withSites([
        {
          match: 'https://crm.inhouse.example/*',
          adapter: 'generic',
          selectors: { composer: 'crm-message-composer', editor: 'crm-rich-text [contenteditable="true"]', recipients: '.recipient-pill', send: '[data-qa="dispatch"]' },
        },
        { match: 'https://mail.google.com/mail/*', adapter: 'gmail', selectors: { send: 'div[role="button"][data-tooltip^="Send"]' } },
      ]),
    );
    const r = await cli(['policy', 'validate', policy]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('extra sites: 2');
  });

  it('names each broken selector with its path, the selector and the reason', async () => {
    const policy = file(
      'sites-bad.json',
      withSites([
        { match: 'https://crm.inhouse.example/*', adapter: 'generic', selectors: { editor: 'crm-rich-text >', send: '[data-qa="dispatch"' } },
        { match: 'https://mail.google.com/mail/*', adapter: 'gmail', selectors: { send: 'div:contains("Send")', composer: 'div.M9' } },
      ]),
    );
    const r = await cli(['policy', 'validate', policy]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`${policy}: 3 errors`);
    expect(lines.slice(1).sort()).toEqual([
      'sites[0].selectors.editor: invalid CSS selector "crm-rich-text >": the combinator ">" has no selector after it (at the end)',
      'sites[0].selectors.send: invalid CSS selector "[data-qa=\\"dispatch\\"": missing "]" for "[" at 1',
      'sites[1].selectors.send: invalid CSS selector "div:contains(\\"Send\\")": unknown pseudo-class ":contains" (a jQuery extension, not CSS)',
    ]);
  });
});
