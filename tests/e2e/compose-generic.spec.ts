import { defineComposeSuite } from './helpers/compose-suite.ts';

// An in-house CRM the policy lists with adapter "generic": textarea body, Send submit button, form submit.
defineComposeSuite({ name: 'generic', url: 'https://crm.acme.example/deals/42', fixture: 'generic.html' });
