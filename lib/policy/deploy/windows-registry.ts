import type { ChromiumTarget } from './chromium-json.ts';
import type { ManagedValues } from './managed-values.ts';

export type ChromiumBrand = 'chrome' | 'edge';

const POLICY_ROOT: Record<ChromiumBrand, string> = {
  chrome: 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome',
  edge: 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge',
};

function regString(text: string): string {
  return `"${text.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"')}"`;
}

function regValue(value: unknown): string {
  if (typeof value === 'boolean') return `dword:${value ? '00000001' : '00000000'}`;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff) {
    return `dword:${value.toString(16).padStart(8, '0')}`;
  }
  if (typeof value === 'string') return regString(value);
  // Chrome parses a REG_SZ holding JSON for list and dictionary policies (registry_dict.cc).
  return regString(JSON.stringify(value));
}

/**
 * A .reg file (the text; write it as UTF-16LE with a BOM so regedit keeps non-ASCII names). The same
 * keys are what a GPO's Registry preference or Intune's custom ADMX ingestion sets.
 */
export function windowsRegistryFile(values: ManagedValues, target: ChromiumTarget & { brand: ChromiumBrand }): string {
  const root = POLICY_ROOT[target.brand];
  const lines = ['Windows Registry Editor Version 5.00', ''];
  if (target.updateUrl) {
    lines.push(`[${root}\\ExtensionInstallForcelist]`, `"1"=${regString(`${target.extensionId};${target.updateUrl}`)}`, '');
  }
  lines.push(`[${root}\\3rdparty\\extensions\\${target.extensionId}\\policy]`);
  for (const [name, value] of Object.entries(values)) lines.push(`${regString(name)}=${regValue(value)}`);
  lines.push('');
  return lines.join('\r\n');
}
