import type { ManagedValues } from './managed-values.ts';

export interface FirefoxTarget {
  geckoId: string;
  /** URL of the signed .xpi; adds ExtensionSettings with installation_mode force_installed. */
  installUrl?: string;
}

/** `policies.json` for Firefox (distribution/ next to the binary, or /etc/firefox/policies/ on Linux). */
export function firefoxPoliciesJson(values: ManagedValues, target: FirefoxTarget): string {
  const policies: Record<string, unknown> = {
    '3rdparty': { Extensions: { [target.geckoId]: values } },
  };
  if (target.installUrl) {
    policies.ExtensionSettings = {
      [target.geckoId]: { installation_mode: 'force_installed', install_url: target.installUrl },
    };
  }
  return `${JSON.stringify({ policies }, null, 2)}\n`;
}
