import 'fake-indexeddb/auto';
import type { AuditEventInput } from '../../../lib/messaging/protocol.ts';
import { PolicySchema, type Policy, type PolicyInput } from '../../../lib/policy/schema.ts';
import { openAuditDb, type AuditDb } from '../../../lib/audit/db.ts';
import { createAuditService, type AuditServiceOptions } from '../../../lib/audit/service.ts';

let dbCounter = 0;

export function freshDb(): AuditDb {
  dbCounter++;
  return openAuditDb(`audit-test-${process.pid}-${Date.now()}-${dbCounter}`);
}

export function policy(overrides: Partial<PolicyInput> = {}, audit: Partial<Policy['audit']> = {}): Policy {
  return PolicySchema.parse({
    version: 1,
    organization: 'Acme',
    defaultRegion: 'RU',
    corporateDomains: ['acme.example'],
    corporateContacts: {},
    suggestion: {},
    ...overrides,
    audit: { retentionDays: 180, maxEvents: 100_000, storeValues: 'masked', snippetChars: 30, ...audit },
  });
}

export const PHONE_TEXT = 'Добрый день! Пишите мне на личный +7 915 123-45-11, там быстрее отвечу вечером, а рабочий телефон всегда занят.';

export function phoneEvent(overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    decision: 'sent-anyway',
    site: 'mail.google.com',
    origin: 'https://mail.google.com',
    adapter: 'gmail',
    findings: [
      {
        kind: 'phone',
        value: '+7 915 123-45-11',
        normalized: '+79151234511',
        verdict: 'personal',
        action: 'warn',
        snippet: PHONE_TEXT,
      },
    ],
    recipients: ['Ivan Petrov <ivanov@Client-Corp.ru>', 'boss@client-corp.ru', 'x@other.example'],
    justification: 'client asked for my number',
    at: 1_700_000_000_000,
    ...overrides,
  };
}

export function emailEvent(email: string, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return phoneEvent({
    findings: [{ kind: 'email', value: email, normalized: email.toLowerCase(), verdict: 'personal', action: 'warn', snippet: `write to ${email} please` }],
    ...overrides,
  });
}

/** A clock the test moves by hand. */
export function clock(start = Date.UTC(2025, 2, 10, 9, 0, 0)) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    set: (value: number) => {
      time = value;
    },
  };
}

export function service(db: AuditDb, options: Partial<AuditServiceOptions> & { policy?: Policy } = {}) {
  const current = options.policy ?? policy();
  return createAuditService({ db, getPolicy: () => current, ...options });
}
