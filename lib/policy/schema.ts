import { z } from 'zod';
import '../zod-jitless.ts';
import { checkSelectorSyntax } from './selector-syntax.ts';

/**
 * The single source of truth for a ChannelGuard policy. The same shape is used for a policy file,
 * for Chrome's `storage.managed` (3rdparty) and Firefox's policies.json, so an admin never renames
 * a field between testing a policy with the CLI and deploying it (issue 7).
 */

export const MESSENGER_NETWORKS = [
  'telegram', 'whatsapp', 'viber', 'skype', 'signal', 'vk', 'line', 'wechat',
] as const;
export type MessengerNetwork = (typeof MESSENGER_NETWORKS)[number];

export const BUILT_IN_ADAPTERS = [
  'gmail', 'outlook', 'roundcube', 'generic',
  'yahoo', 'yandex', 'mailru', 'proton', 'zohomail',
  'hubspot', 'salesforce', 'bitrix24', 'amocrm', 'pipedrive', 'zohocrm', 'dynamics',
] as const;
export type AdapterName = (typeof BUILT_IN_ADAPTERS)[number];

export const ENFORCEMENT_MODES = ['monitor', 'warn', 'block'] as const;
export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];

export const AUDIT_VALUE_STORAGE = ['full', 'masked', 'hash'] as const;

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]{2,}$/u, 'must be a domain name such as "acme.example"');

const emailAddress = z.string().trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/u, 'must be an email address such as "sales@acme.example"');

/** `network:id`, e.g. `telegram:acme_support` or `whatsapp:+74951234567`. */
const messengerContact = z
  .string()
  .trim()
  .regex(
    new RegExp(`^(${MESSENGER_NETWORKS.join('|')}):\\S+$`, 'iu'),
    `must be "network:id" with network one of ${MESSENGER_NETWORKS.join(', ')}`,
  );

/** Phone numbers in any format; the detector normalises them to E.164 with the policy's region. */
const phoneNumber = z.string().trim().regex(/^\+?[\d\s().\-]{5,}$/u, 'must be a phone number such as "+7 495 123-45-67"');

/** A browser match pattern (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns). */
export const MATCH_PATTERN_RE = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/u;
const matchPattern = z
  .string()
  .trim()
  .regex(MATCH_PATTERN_RE, 'must be a browser match pattern such as "https://mail.acme.example/*"');

/** A selector the content script will run: a syntax error fails validation, not the user's compose window. */
const cssSelector = z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    const syntax = checkSelectorSyntax(value);
    if (!syntax.ok) ctx.addIssue({ code: 'custom', message: `invalid CSS selector ${JSON.stringify(value)}: ${syntax.reason}` });
  });

/** CSS selectors an admin supplies for a site the product does not know, or one that was redesigned (issue 5). */
export const SiteSelectorsSchema = z
  .object({
    composer: cssSelector.optional(),
    editor: cssSelector.optional(),
    recipients: cssSelector.optional(),
    send: cssSelector.optional(),
  })
  .strict();

export const SiteEntrySchema = z
  .object({
    match: matchPattern,
    adapter: z.enum(BUILT_IN_ADAPTERS),
    selectors: SiteSelectorsSchema.optional(),
  })
  .strict();

const localizedText = z.union([
  z.string().min(1),
  z.object({ en: z.string().optional(), ru: z.string().optional(), ja: z.string().optional() }).strict(),
]);

export const AuditSettingsSchema = z
  .object({
    /** Events older than this many days are removed. */
    retentionDays: z.number().int().min(1).max(3650).default(180),
    /** At most this many events are kept; the oldest go first. */
    maxEvents: z.number().int().min(100).max(10_000_000).default(100_000),
    /** How the found contact itself is stored: as written, masked (`+7 915 ***-**-11`) or as a salted hash. */
    storeValues: z.enum(AUDIT_VALUE_STORAGE).default('masked'),
    /** Characters of text kept on each side of a finding in the redacted snippet (0 keeps none). */
    snippetChars: z.number().int().min(0).max(200).default(30),
  })
  .strict();

export const PolicySchema = z
  .object({
    version: z.literal(1),
    organization: z.string().trim().min(1, 'must name the organization'),
    /** ISO 3166-1 alpha-2 region used to read national phone numbers, e.g. "RU", "JP", "US". */
    defaultRegion: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/u, 'must be a two-letter region code such as "RU"'),
    corporateDomains: z.array(domainName).min(1, 'must list at least one corporate domain'),
    corporateContacts: z
      .object({
        emails: z.array(emailAddress).default([]),
        phones: z.array(phoneNumber).default([]),
        messengers: z.array(messengerContact).default([]),
      })
      .strict(),
    suggestion: z
      .object({
        email: emailAddress.optional(),
        phone: phoneNumber.optional(),
        messenger: messengerContact.optional(),
      })
      .strict(),
    /** Extra public mail providers beyond the bundled free-mail list. */
    personalDomains: z.array(domainName).default([]),
    /** Domains that are never personal even if a free-mail list names them (e.g. a partner on a vanity domain). */
    allowedDomains: z.array(domainName).default([]),
    /** monitor: log only; warn: explain and let the user continue; block: no send of flagged text unless override is allowed. */
    mode: z.enum(ENFORCEMENT_MODES).default('warn'),
    /** In block mode: may the user send anyway with a written justification? (Always possible in warn mode.) */
    allowOverride: z.boolean().default(false),
    /** Minimum length of the written justification for "Send anyway". */
    justificationMinLength: z.number().int().min(0).max(500).default(10),
    /** Admin's own explanation shown in the dialog, and a link to the policy document. */
    explanation: localizedText.optional(),
    policyUrl: z.string().url().optional(),
    /** Hosts protected beyond the built-in sites. */
    sites: z.array(SiteEntrySchema).default([]),
    /** Label for the user or device recorded in audit events (e.g. set per OU by the admin). */
    userLabel: z.string().max(200).optional(),
    /** Fields the admin lets users change locally in the options page (others are locked when managed). */
    userEditable: z.array(z.enum(['mode', 'personalDomains', 'allowedDomains', 'userLabel', 'explanation'])).default([]),
    audit: AuditSettingsSchema.default({ retentionDays: 180, maxEvents: 100_000, storeValues: 'masked', snippetChars: 30 }),
  })
  .strict();

/** The policy as written by an admin (defaults not yet applied). */
export type PolicyInput = z.input<typeof PolicySchema>;
/** The effective policy: every default applied. */
export type Policy = z.output<typeof PolicySchema>;
export type SiteEntry = z.output<typeof SiteEntrySchema>;
export type SiteSelectors = z.output<typeof SiteSelectorsSchema>;
export type AuditSettings = z.output<typeof AuditSettingsSchema>;
