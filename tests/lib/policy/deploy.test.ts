import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumPolicyJson } from '../../../lib/policy/deploy/chromium-json.ts';
import { firefoxPoliciesJson } from '../../../lib/policy/deploy/firefox-policies.ts';
import { macosMobileconfig } from '../../../lib/policy/deploy/macos-mobileconfig.ts';
import { CHROMIUM_EXTENSION_ID_RE, extensionIdFromSha256Hex, toChromiumManagedValues } from '../../../lib/policy/deploy/managed-values.ts';
import { windowsRegistryFile } from '../../../lib/policy/deploy/windows-registry.ts';
import { acmePolicy } from './fixtures.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('toChromiumManagedValues', () => {
  it('keeps field names and turns a one-string explanation into the per-language object', () => {
    const values = toChromiumManagedValues(acmePolicy({ explanation: 'Use the shared line.' }));
    expect(Object.keys(values)).toEqual(Object.keys(acmePolicy({ explanation: 'x' })));
    expect(values.explanation).toEqual({ en: 'Use the shared line.', ru: 'Use the shared line.', ja: 'Use the shared line.' });
  });
});

describe('extensionIdFromSha256Hex', () => {
  it.each([
    ['0123456789abcdef0123456789abcdef00ff', 'abcdefghijklmnopabcdefghijklmnop'],
    ['ffffffffffffffffffffffffffffffff', 'pppppppppppppppppppppppppppppppp'],
  ])('%s -> %s', (hex, id) => expect(extensionIdFromSha256Hex(hex)).toBe(id));

  it('gives a valid id for a real key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(extensionIdFromSha256Hex(createHash('sha256').update(der).digest('hex'))).toMatch(CHROMIUM_EXTENSION_ID_RE);
  });
});

describe('deployable files', () => {
  const values = toChromiumManagedValues(acmePolicy({ allowOverride: true, justificationMinLength: 20, organization: 'Акме "Рога"' }));

  it('Chrome/Edge Linux JSON puts the policy under 3rdparty.extensions.<id>, with force-install when asked', () => {
    expect(JSON.parse(chromiumPolicyJson(values, { extensionId: ID }))).toEqual({ '3rdparty': { extensions: { [ID]: values } } });
    const forced = JSON.parse(chromiumPolicyJson(values, { extensionId: ID, updateUrl: 'https://ext.acme.example/updates.xml' }));
    expect(forced.ExtensionInstallForcelist).toEqual([`${ID};https://ext.acme.example/updates.xml`]);
  });

  it('Firefox policies.json uses 3rdparty.Extensions.<gecko id> and ExtensionSettings', () => {
    const file = JSON.parse(firefoxPoliciesJson(acmePolicy(), { geckoId: 'channel-guard@acme.example', installUrl: 'https://ext.acme.example/cg.xpi' }));
    expect(file.policies['3rdparty'].Extensions['channel-guard@acme.example']).toEqual(acmePolicy());
    expect(file.policies.ExtensionSettings['channel-guard@acme.example']).toEqual({ installation_mode: 'force_installed', install_url: 'https://ext.acme.example/cg.xpi' });
    expect(JSON.parse(firefoxPoliciesJson(acmePolicy(), { geckoId: 'x@y' })).policies.ExtensionSettings).toBeUndefined();
  });

  it('Windows .reg writes scalars as DWORD/REG_SZ and lists/objects as JSON strings under the policy key', () => {
    const reg = windowsRegistryFile(values, { extensionId: ID, brand: 'chrome', updateUrl: 'https://u/x.xml' });
    const lines = reg.split('\r\n');
    expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
    expect(lines).toContain(`[HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ID}\\policy]`);
    expect(lines).toContain('"version"=dword:00000001');
    expect(lines).toContain('"allowOverride"=dword:00000001');
    expect(lines).toContain('"justificationMinLength"=dword:00000014');
    expect(lines).toContain('"organization"="Акме \\"Рога\\""');
    expect(lines).toContain('"corporateDomains"="[\\"acme.example\\"]"');
    expect(lines).toContain(`"1"="${ID};https://u/x.xml"`);
    // Every JSON string value decodes back to the original value.
    const domains = lines.find((l) => l.startsWith('"corporateContacts"='))!;
    const decoded = JSON.parse(domains.slice('"corporateContacts"="'.length, -1).replace(/\\(["\\])/gu, '$1'));
    expect(decoded).toEqual(values.corporateContacts);
    expect(windowsRegistryFile(values, { extensionId: ID, brand: 'edge' })).toContain('Policies\\Microsoft\\Edge\\3rdparty');
  });

  it('macOS profile carries the policy in the extension preference domain', () => {
    let n = 0;
    const xml = macosMobileconfig(values, { extensionId: ID, brand: 'chrome', organization: 'Acme & Co', updateUrl: 'https://u/x.xml', uuid: () => `UUID-${++n}` });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/u);
    expect(xml).toContain(`<string>com.google.Chrome.extensions.${ID}</string>`);
    expect(xml).toContain('<key>allowOverride</key>\n      <true/>');
    expect(xml).toContain('<key>justificationMinLength</key>\n      <integer>20</integer>');
    expect(xml).toContain('<string>Акме &quot;Рога&quot;</string>');
    expect(xml).toContain('<string>ChannelGuard (Acme &amp; Co)</string>');
    expect(xml).toContain(`<string>${ID};https://u/x.xml</string>`);
    expect(n).toBe(3);
  });
});
