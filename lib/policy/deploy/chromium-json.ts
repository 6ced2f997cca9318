import type { ManagedValues } from './managed-values.ts';

export interface ChromiumTarget {
  extensionId: string;
  /** Update manifest URL for self-hosted distribution; adds ExtensionInstallForcelist. */
  updateUrl?: string;
}

/**
 * A Linux JSON policy file for Chrome (/etc/opt/chrome/policies/managed/), Chromium
 * (/etc/chromium/policies/managed/) or Edge (/etc/opt/edge/policies/managed/) — the format is shared.
 */
export function chromiumPolicyJson(values: ManagedValues, target: ChromiumTarget): string {
  const file: Record<string, unknown> = {};
  if (target.updateUrl) file.ExtensionInstallForcelist = [`${target.extensionId};${target.updateUrl}`];
  file['3rdparty'] = { extensions: { [target.extensionId]: values } };
  return `${JSON.stringify(file, null, 2)}\n`;
}
