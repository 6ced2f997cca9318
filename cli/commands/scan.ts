import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createDetector, type Detector, type Finding } from '../../lib/detect/index.ts';
import { formatErrorLines, formatPolicyErrors, parsePolicyJson, POLICY_PARSE_OPTIONS } from '../../lib/policy/errors.ts';
import { PolicySchema, type Policy } from '../../lib/policy/schema.ts';
import { writeLine, type CliIO } from '../io.ts';

const USAGE = `Usage:
  channel-guard scan --policy POLICY.json [--recipients a@x,b@y] [--html] [--json] [FILE|-]
  channel-guard scan --policy POLICY.json --jsonl     (cases as JSON Lines on stdin)

Prints the contacts found in a message and what the policy says about each.
  --recipients   comma-separated recipient addresses (their own contacts are not flagged)
  --html         the input is HTML (quoted history and link targets are read from the markup)
  --json         print the findings as a JSON array
  --jsonl        read {"id", "text"|"html", "recipients"} lines, write {"id", "findings"} lines
Exit status: 0 done, 1 unreadable input or a bad case line, 2 usage or policy error.
`;

interface Args {
  policy?: string;
  recipients: string[];
  html: boolean;
  json: boolean;
  jsonl: boolean;
  file?: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { recipients: [], html: false, json: false, jsonl: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--policy': args.policy = value(); if (!args.policy) return '--policy needs a file'; break;
      case '--recipients': args.recipients = (value() ?? '').split(',').map((r) => r.trim()).filter(Boolean); break;
      case '--html': args.html = true; break;
      case '--json': args.json = true; break;
      case '--jsonl': args.jsonl = true; break;
      case '-h': case '--help': return '';
      default:
        if (a.startsWith('--')) return `unknown option ${a}`;
        if (args.file !== undefined) return `only one input file, got "${args.file}" and "${a}"`;
        args.file = a;
    }
  }
  if (!args.policy) return 'missing --policy POLICY.json';
  return args;
}

async function loadPolicy(path: string, io: CliIO): Promise<Policy | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    io.stderr.write(`channel-guard scan: cannot read policy file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return null;
  }
  const json = parsePolicyJson(text);
  if (!json.ok) {
    io.stderr.write(`channel-guard scan: invalid policy ${path}\n${formatErrorLines(json.errors)}\n`);
    return null;
  }
  const parsed = PolicySchema.safeParse(json.value, POLICY_PARSE_OPTIONS);
  if (!parsed.success) {
    io.stderr.write(`channel-guard scan: invalid policy ${path}\n${formatErrorLines(formatPolicyErrors(parsed.error))}\n`);
    return null;
  }
  return parsed.data;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (args) io.stderr.write(`channel-guard scan: ${args}\n\n`);
    (args ? io.stderr : io.stdout).write(USAGE);
    return args ? 2 : 0;
  }
  const policy = await loadPolicy(args.policy!, io);
  if (!policy) return 2;
  const detector = createDetector(policy);
  if (args.jsonl) return scanJsonLines(detector, io);

  let body: string;
  try {
    body = !args.file || args.file === '-' ? await readStream(io.stdin) : await readFile(args.file, 'utf8');
  } catch (error) {
    io.stderr.write(`channel-guard scan: cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  const options = { recipients: args.recipients };
  const findings = args.html ? detector.scanHtml(body, options) : detector.scanText(body, options);
  if (args.json) io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else io.stdout.write(formatReadable(findings, body));
  return 0;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function formatReadable(findings: Finding[], body: string): string {
  if (findings.length === 0) return 'No contacts found.\n';
  const lines: string[] = [];
  for (const f of findings) {
    const before = body.slice(0, f.start);
    const line = before.split('\n').length;
    const column = f.start - before.lastIndexOf('\n');
    const mark = f.action === 'allow' ? 'ok   ' : f.action.toUpperCase().padEnd(5);
    lines.push(`${mark} ${line}:${column}  ${f.kind} ${JSON.stringify(f.value)} -> ${f.normalized}  [${f.verdict}] ${f.reason}`);
    if (f.suggestion) lines.push(`        suggest: ${f.suggestion}`);
  }
  const flagged = findings.filter((f) => f.action !== 'allow').length;
  lines.push(`${findings.length} contact(s) found, ${flagged} flagged.`);
  return `${lines.join('\n')}\n`;
}

const CaseSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    text: z.string().optional(),
    html: z.string().optional(),
    recipients: z.array(z.string()).default([]),
  })
  .refine((c) => (c.text === undefined) !== (c.html === undefined), { message: 'needs exactly one of "text" or "html"' });

/** One case per line in, one result per line out, streamed so tens of thousands of cases fit in one process. */
async function scanJsonLines(detector: Detector, io: CliIO): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let failures = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      failures++;
      io.stderr.write(`line ${lineNumber}: not JSON (${error instanceof Error ? error.message : String(error)})\n`);
      continue;
    }
    const parsed = CaseSchema.safeParse(raw);
    if (!parsed.success) {
      failures++;
      const reason = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
      io.stderr.write(`line ${lineNumber}: not a case: ${reason}\n`);
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string' || typeof id === 'number') await writeLine(io.stdout, JSON.stringify({ id, error: `not a case: ${reason}` }));
      continue;
    }
    const c = parsed.data;
    try {
      const options = { recipients: c.recipients };
      const findings = c.html !== undefined ? detector.scanHtml(c.html, options) : detector.scanText(c.text!, options);
      const out = findings.map(({ kind, value, normalized, start, end, verdict, action, reason }) => ({ kind, value, normalized, start, end, verdict, action, reason }));
      await writeLine(io.stdout, JSON.stringify({ id: c.id, findings: out }));
    } catch (error) {
      failures++;
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`line ${lineNumber}: scan failed: ${message}\n`);
      await writeLine(io.stdout, JSON.stringify({ id: c.id, error: `scan failed: ${message}` }));
    }
  }
  return failures ? 1 : 0;
}
