import { defineComposeSuite } from './helpers/compose-suite.ts';

// Self-hosted: the host is listed in the test policy's `sites`, so the background registers the
// content script for it at runtime (no manifest match).
defineComposeSuite({ name: 'roundcube', url: 'https://mail.acme.example/?_task=mail&_action=compose', fixture: 'roundcube.html' });
defineComposeSuite({ name: 'roundcube', url: 'https://mail.acme.example/?_task=mail&_action=compose&fixture_editor=html', fixture: 'roundcube.html' });
