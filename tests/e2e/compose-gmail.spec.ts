import { defineComposeSuite } from './helpers/compose-suite.ts';

defineComposeSuite({ name: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox', fixture: 'gmail.html', full: true });
