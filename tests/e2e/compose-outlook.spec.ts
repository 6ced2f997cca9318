import { defineComposeSuite } from './helpers/compose-suite.ts';

// outlook.cloud.microsoft is where Microsoft now sends work accounts; the other hosts share the app.
defineComposeSuite({ name: 'outlook', url: 'https://outlook.cloud.microsoft/mail/', fixture: 'outlook.html' });
defineComposeSuite({ name: 'outlook', url: 'https://outlook.office.com/mail/deeplink/compose', fixture: 'outlook.html' });
