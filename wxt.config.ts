import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: a reader must see which module touches browser APIs.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'ChannelGuard',
    description: 'Catches personal phone numbers, mailboxes and messenger handles in messages to clients before they are sent.',
    permissions: ['storage', 'scripting', 'tabs', 'alarms', 'unlimitedStorage'],
    // Host access model (README "Host access"): the content script is injected only on the built-in
    // sites and on the hosts the admin's policy lists, registered at runtime. Registering a content
    // script needs host access granted at install time: optional permissions would need a user
    // gesture per host, which a force-installed deployment to thousands of browsers cannot ask for.
    // Admins can narrow this further with ExtensionSettings runtime_allowed_hosts/runtime_blocked_hosts.
    host_permissions: ['https://*/*', 'http://*/*'],
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'channel-guard@acme.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    ...(process.env.CHANNEL_GUARD_MANIFEST_KEY ? { key: process.env.CHANNEL_GUARD_MANIFEST_KEY } : {}),
  }),
});
