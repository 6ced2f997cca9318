import type { CliIO } from './io.ts';

const USAGE = `channel-guard — test and deploy ChannelGuard policies

Usage:
  channel-guard scan --policy POLICY.json [--recipients a@x,b@y] [--html] [--json] [FILE|-]
  channel-guard scan --policy POLICY.json --jsonl            (JSON Lines cases on stdin)
  channel-guard policy validate FILE
  channel-guard policy export FILE --format chrome|edge|firefox|windows-reg|macos-mobileconfig [--extension-id ID] [--update-url URL] [--out FILE]
  channel-guard audit verify FILE
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

// Loaded on demand so `scan --jsonl` does not pay for the policy exporters or the audit code at start-up.
const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./commands/scan.ts')).run,
  policy: async () => (await import('./commands/policy.ts')).run,
  audit: async () => (await import('./commands/audit.ts')).run,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`channel-guard: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    io.stderr.write(`channel-guard ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
