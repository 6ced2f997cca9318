import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Grants host access in a private copy of a built extension by listing the hosts as install-time
 * permissions (MV3 `host_permissions`, MV2 `permissions`).
 *
 * Why: the shipped manifest lists other hosts as optional, and an unpacked or temporary test install
 * has no way to accept a permission prompt, so `scripting.registerContentScripts` for a host the
 * policy lists (loopback Roundcube) fails and nothing is injected. The grant stands in for what a
 * deployment gives the extension; it changes no code path inside the extension.
 */
const ManifestSchema = z
  .object({
    manifest_version: z.union([z.literal(2), z.literal(3)]),
    permissions: z.array(z.string()).default([]),
    host_permissions: z.array(z.string()).default([]),
  })
  .passthrough();

export async function grantHostsAtInstall(extensionDir: string, patterns: readonly string[]): Promise<void> {
  const path = join(extensionDir, 'manifest.json');
  const raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const manifest = ManifestSchema.parse(raw);
  const key = manifest.manifest_version === 3 ? 'host_permissions' : 'permissions';
  const granted = [...new Set([...manifest[key], ...patterns])];
  await writeFile(path, JSON.stringify({ ...raw, [key]: granted }));
}
