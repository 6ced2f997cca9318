import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliIO } from '../io.ts';
import { formatErrorLines, formatPolicyErrors, parsePolicyJson, POLICY_PARSE_OPTIONS } from '../../lib/policy/errors.ts';
import type { PolicyError } from '../../lib/policy/errors.ts';
import { PolicySchema } from '../../lib/policy/schema.ts';
import type { Policy, PolicyInput } from '../../lib/policy/schema.ts';
import { chromiumPolicyJson } from '../../lib/policy/deploy/chromium-json.ts';
import { firefoxPoliciesJson } from '../../lib/policy/deploy/firefox-policies.ts';
import { macosMobileconfig } from '../../lib/policy/deploy/macos-mobileconfig.ts';
import {
  CHROMIUM_EXTENSION_ID_RE,
  extensionIdFromSha256Hex,
  GECKO_ID,
  toChromiumManagedValues,
} from '../../lib/policy/deploy/managed-values.ts';
import { windowsRegistryFile } from '../../lib/policy/deploy/windows-registry.ts';
import type { ChromiumBrand } from '../../lib/policy/deploy/windows-registry.ts';
import { policyFingerprint } from '../../lib/policy/fingerprint.ts';

const USAGE = `Usage:
  channel-guard policy validate FILE
  channel-guard policy export FILE --format chrome|edge|firefox|windows-reg|macos-mobileconfig
      [--extension-id ID | --key KEY.pem] [--update-url URL] [--browser chrome|edge] [--out FILE]

  --extension-id   Chrome/Edge id of your self-hosted build (or --key: the PEM you signed it with)
  --update-url     update manifest (Chrome/Edge) or .xpi URL (Firefox): adds the force-install policy
  --browser        for windows-reg and macos-mobileconfig: Chrome (default) or Edge registry/domain
`;

const FORMATS = ['chrome', 'edge', 'firefox', 'windows-reg', 'macos-mobileconfig'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'validate') return await validate(rest, io);
    if (sub === 'export') return await exportPolicy(rest, io);
    if (sub === '--help' || sub === '-h') {
      io.stdout.write(USAGE);
      return 0;
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`channel-guard policy: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

type Loaded = { ok: true; input: PolicyInput; policy: Policy } | { ok: false; errors: PolicyError[] };

/** The same parse and the same messages as the extension's options page (lib/policy/errors.ts). */
async function loadPolicy(file: string): Promise<Loaded> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [{ path: '(file)', message: `cannot read: ${(error as Error).message}` }] };
  }
  const json = parsePolicyJson(text);
  if (!json.ok) return json;
  const parsed = PolicySchema.safeParse(json.value, POLICY_PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, errors: formatPolicyErrors(parsed.error) };
  return { ok: true, input: json.value as PolicyInput, policy: parsed.data };
}

let stdinText: Promise<string> | undefined;
function readStdin(): Promise<string> {
  stdinText ??= new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
  return stdinText;
}

function reportErrors(file: string, errors: PolicyError[], io: CliIO): number {
  io.stderr.write(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${formatErrorLines(errors)}\n`);
  return 1;
}

function summary(policy: Policy): string {
  const c = policy.corporateContacts;
  return [
    `organization: ${policy.organization}`,
    `default region: ${policy.defaultRegion}`,
    `corporate domains: ${policy.corporateDomains.join(', ')}`,
    `corporate contacts: ${c.emails.length} email(s), ${c.phones.length} phone(s), ${c.messengers.length} messenger(s)`,
    `mode: ${policy.mode}${policy.mode === 'block' ? (policy.allowOverride ? ' (override with justification allowed)' : ' (no override)') : ''}`,
    `extra sites: ${policy.sites.length}`,
    `user may edit: ${policy.userEditable.length > 0 ? policy.userEditable.join(', ') : 'nothing'}`,
    `fingerprint: ${policyFingerprint(policy)} (recorded with every audit event written under this policy)`,
  ].join('\n');
}

async function validate(argv: string[], io: CliIO): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('validate takes exactly one FILE');
  const loaded = await loadPolicy(file);
  if (!loaded.ok) return reportErrors(file, loaded.errors, io);
  io.stdout.write(`${file}: valid\n${summary(loaded.policy)}\n`);
  return 0;
}

async function extensionIdFromKey(pemFile: string): Promise<string> {
  const der = createPublicKey(await readFile(pemFile, 'utf8')).export({ type: 'spki', format: 'der' });
  return extensionIdFromSha256Hex(createHash('sha256').update(der).digest('hex'));
}

async function exportPolicy(argv: string[], io: CliIO): Promise<number> {
  const { values: opts, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'extension-id': { type: 'string' },
      key: { type: 'string' },
      'update-url': { type: 'string' },
      browser: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('export takes exactly one FILE');
  const format = opts.format as Format | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const brand = (opts.browser ?? (format === 'edge' ? 'edge' : 'chrome')) as ChromiumBrand;
  if (brand !== 'chrome' && brand !== 'edge') throw new UsageError('--browser must be chrome or edge');
  if (opts['update-url'] && !/^https?:\/\//u.test(opts['update-url'])) throw new UsageError('--update-url must be an http(s) URL');

  const loaded = await loadPolicy(file);
  if (!loaded.ok) return reportErrors(file, loaded.errors, io);

  let output: string;
  if (format === 'firefox') {
    output = firefoxPoliciesJson(loaded.input, { geckoId: opts['extension-id'] ?? GECKO_ID, installUrl: opts['update-url'] });
  } else {
    const extensionId = opts.key ? await extensionIdFromKey(opts.key) : opts['extension-id'];
    if (!extensionId) throw new UsageError(`--format ${format} needs --extension-id ID or --key KEY.pem`);
    if (!CHROMIUM_EXTENSION_ID_RE.test(extensionId)) throw new UsageError(`"${extensionId}" is not a Chrome extension id (32 letters a-p)`);
    const values = toChromiumManagedValues(loaded.input);
    const target = { extensionId, updateUrl: opts['update-url'] };
    if (format === 'chrome' || format === 'edge') output = chromiumPolicyJson(values, target);
    else if (format === 'windows-reg') output = windowsRegistryFile(values, { ...target, brand });
    else output = macosMobileconfig(values, { ...target, brand, organization: loaded.policy.organization, uuid: () => randomUUID().toUpperCase() });
  }

  if (opts.out) {
    // regedit reads UTF-16LE with a BOM reliably; UTF-8 would garble a Cyrillic or Japanese organization name.
    const bytes = format === 'windows-reg' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(output, 'utf16le')]) : output;
    await writeFile(opts.out, bytes);
    io.stderr.write(`wrote ${opts.out} (${format})\n`);
  } else {
    io.stdout.write(output);
  }
  return 0;
}
