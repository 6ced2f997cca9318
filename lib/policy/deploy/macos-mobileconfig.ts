import type { ChromiumTarget } from './chromium-json.ts';
import type { ManagedValues } from './managed-values.ts';
import type { ChromiumBrand } from './windows-registry.ts';

const DOMAIN: Record<ChromiumBrand, string> = { chrome: 'com.google.Chrome', edge: 'com.microsoft.Edge' };

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

function plist(value: unknown, indent: string): string {
  const next = `${indent}  `;
  if (typeof value === 'string') return `${indent}<string>${escapeXml(value)}</string>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return Number.isInteger(value) ? `${indent}<integer>${value}</integer>` : `${indent}<real>${value}</real>`;
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.map((v) => plist(v, next)), `${indent}</array>`].join('\n');
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([k, v]) => [`${next}<key>${escapeXml(k)}</key>`, plist(v, next)]);
    return [`${indent}<dict>`, ...entries, `${indent}</dict>`].join('\n');
  }
  throw new Error(`cannot write ${String(value)} to a property list`);
}

/**
 * A configuration profile (.mobileconfig) for MDM. Chrome and Edge on macOS read an extension's managed
 * settings from the preference domain `<browser domain>.extensions.<id>`; a custom-settings payload
 * with that PayloadType writes it.
 */
export function macosMobileconfig(
  values: ManagedValues,
  target: ChromiumTarget & { brand: ChromiumBrand; organization: string; uuid: () => string },
): string {
  const domain = DOMAIN[target.brand];
  const identifier = `example.channel-guard.${target.brand}`;
  const payloads: Record<string, unknown>[] = [
    {
      PayloadType: `${domain}.extensions.${target.extensionId}`,
      PayloadIdentifier: `${identifier}.extension-policy`,
      PayloadUUID: target.uuid(),
      PayloadVersion: 1,
      PayloadDisplayName: 'ChannelGuard policy',
      ...values,
    },
  ];
  if (target.updateUrl) {
    payloads.push({
      PayloadType: domain,
      PayloadIdentifier: `${identifier}.force-install`,
      PayloadUUID: target.uuid(),
      PayloadVersion: 1,
      PayloadDisplayName: 'ChannelGuard force-install',
      ExtensionInstallForcelist: [`${target.extensionId};${target.updateUrl}`],
    });
  }
  const profile = {
    PayloadType: 'Configuration',
    PayloadIdentifier: identifier,
    PayloadUUID: target.uuid(),
    PayloadVersion: 1,
    PayloadDisplayName: `ChannelGuard (${target.organization})`,
    PayloadOrganization: target.organization,
    PayloadScope: 'System',
    PayloadContent: payloads,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plist(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}
